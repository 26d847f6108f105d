package browser

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
)

func TestAvailableHonoursTheEnvironment(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "no-chromium")
	t.Setenv(EnvChromium, missing)
	if path, ok := Available(); ok || path != missing {
		t.Errorf("Available() = %q, %v, want %q, false", path, ok, missing)
	}
	_, err := Start(t.Context(), Options{})
	if err == nil || !strings.Contains(err.Error(), missing) {
		t.Errorf("Start with %s=%s: got %v, want an error naming it", EnvChromium, missing, err)
	}
}

// processGone reports whether pid no longer runs (or is a zombie nobody
// reaped, which runs no code either).
func processGone(pid int) bool {
	if err := syscall.Kill(pid, 0); errors.Is(err, syscall.ESRCH) {
		return true
	}
	stat, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return true
	}
	// The state follows the command name in parentheses: "pid (comm) Z ...".
	_, after, _ := strings.Cut(string(stat), ") ")
	return strings.HasPrefix(after, "Z")
}

func TestCloseKillsTheProcessAndRemovesTheProfile(t *testing.T) {
	requireChromium(t)
	b, err := Start(t.Context(), Options{})
	if err != nil {
		t.Fatalf("Start: %v", err)
	}
	pid, dir := b.PID(), b.ProfileDir()
	if pid == 0 {
		t.Fatalf("PID() = 0, want the process id")
	}
	if _, err := os.Stat(dir); err != nil {
		t.Fatalf("profile %s before Close: %v", dir, err)
	}
	if err := b.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	if !processGone(pid) {
		t.Errorf("process %d still runs after Close", pid)
	}
	if n := killMatching([]byte("--user-data-dir=" + dir)); n != 0 {
		t.Errorf("%d processes still used the profile after Close", n)
	}
	if _, err := os.Stat(dir); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("profile %s after Close: Stat error %v, want not exist", dir, err)
	}
	if err := b.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
	if _, err := b.Visit(t.Context(), "http://127.0.0.1:1/", 800, 600); err == nil {
		t.Errorf("Visit after Close: got no error")
	}
}

func TestCloseAfterTheContextEnded(t *testing.T) {
	requireChromium(t)
	ctx, cancel := context.WithCancel(t.Context())
	b, err := Start(ctx, Options{})
	if err != nil {
		cancel()
		t.Fatalf("Start: %v", err)
	}
	pid, dir := b.PID(), b.ProfileDir()
	cancel()
	if err := b.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	if !processGone(pid) {
		t.Errorf("process %d still runs after cancel and Close", pid)
	}
	if _, err := os.Stat(dir); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("profile %s after Close: Stat error %v, want not exist", dir, err)
	}
}
