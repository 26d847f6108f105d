package site

import (
	"os"
	"path/filepath"
	"testing"
)

func write(t *testing.T, path, s string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

func read(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestPublishReplacesTheTreeAndRemovesTheOldOne(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "public")
	write(t, filepath.Join(out, "index.html"), "old")
	write(t, filepath.Join(out, "gone", "index.html"), "a page of a vanished place")
	src := filepath.Join(dir, ".public.new-1")
	write(t, filepath.Join(src, "index.html"), "new")
	if err := publish(src, out); err != nil {
		t.Fatal(err)
	}
	if got := read(t, filepath.Join(out, "index.html")); got != "new" {
		t.Errorf("published index.html = %q, want new", got)
	}
	if _, err := os.Stat(filepath.Join(out, "gone")); !os.IsNotExist(err) {
		t.Errorf("a page of the old tree survived the swap: %v", err)
	}
	if _, err := os.Stat(src); !os.IsNotExist(err) {
		t.Errorf("the old tree was not removed: %v", err)
	}
}

func TestPublishIntoNothing(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, ".public.new-1")
	write(t, filepath.Join(src, "index.html"), "new")
	if err := publish(src, filepath.Join(dir, "public")); err != nil {
		t.Fatal(err)
	}
	if got := read(t, filepath.Join(dir, "public", "index.html")); got != "new" {
		t.Errorf("published index.html = %q, want new", got)
	}
}

func TestRemoveStaleRemovesOnlyDeadBuilds(t *testing.T) {
	dir := t.TempDir()
	work := filepath.Join(dir, "work")
	out := filepath.Join(dir, "public")
	os.MkdirAll(work, 0o755)

	live, unlock, err := newBuildDir(work)
	if err != nil {
		t.Fatal(err)
	}
	defer unlock()
	write(t, filepath.Join(destFor(out, live), "index.html"), "being rendered")

	dead, unlockDead, err := newBuildDir(work)
	if err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(destFor(out, dead), "index.html"), "left by a killed build")
	unlockDead() // the process that held it is gone

	removeStale(work, out)
	if _, err := os.Stat(live); err != nil {
		t.Errorf("a live build's folder was removed: %v", err)
	}
	if _, err := os.Stat(destFor(out, live)); err != nil {
		t.Errorf("a live build's tree was removed: %v", err)
	}
	if _, err := os.Stat(dead); !os.IsNotExist(err) {
		t.Errorf("a dead build's folder was kept: %v", err)
	}
	if _, err := os.Stat(destFor(out, dead)); !os.IsNotExist(err) {
		t.Errorf("a dead build's tree was kept: %v", err)
	}
}
