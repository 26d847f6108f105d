package testenv

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sync"
	"testing"

	"github.com/prisonstats/prisonstats/internal/browser"
)

// Root is the project folder.
func Root() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Clean(filepath.Join(filepath.Dir(file), "..", ".."))
}

// Missing skips the test, or fails it when CI is set.
func Missing(t testing.TB, what string) {
	t.Helper()
	if os.Getenv("CI") != "" {
		t.Fatalf("%s (CI installs it: scripts/install-test-deps.sh, npm ci)", what)
	}
	t.Skip(what)
}

// NeedNodeModules checks that `npm ci` has installed the npm packages the
// build uses (ECharts, resvg, the Khmer font).
func NeedNodeModules(t testing.TB) {
	t.Helper()
	if _, err := os.Stat(filepath.Join(Root(), "node_modules", "echarts")); err != nil {
		Missing(t, "node_modules/echarts missing: run `npm ci` (make test does)")
	}
}

// NeedChromium checks that Debian's chromium is installed.
func NeedChromium(t testing.TB) {
	t.Helper()
	if _, ok := browser.Available(); !ok {
		Missing(t, "chromium not installed: scripts/install-test-deps.sh installs it")
	}
}

// NeedPoppler checks for the PDF tools of poppler-utils.
func NeedPoppler(t testing.TB) {
	t.Helper()
	for _, tool := range []string{"pdfinfo", "pdftotext", "pdffonts", "pdftoppm"} {
		if _, err := exec.LookPath(tool); err != nil {
			Missing(t, tool+" not installed (poppler-utils)")
		}
	}
}

var hugoOnce sync.Once

// Hugo returns bin/hugo, building it from the module cache when missing
// (as `make site` does).
func Hugo(t testing.TB) string {
	t.Helper()
	hugo := filepath.Join(Root(), "bin", "hugo")
	var out []byte
	var err error
	hugoOnce.Do(func() {
		if _, statErr := os.Stat(hugo); statErr == nil {
			return
		}
		cmd := exec.Command("go", "build", "-o", hugo, "github.com/gohugoio/hugo")
		cmd.Dir = Root()
		out, err = cmd.CombinedOutput()
	})
	if err != nil {
		t.Fatalf("building hugo: %v\n%s", err, out)
	}
	if _, err := os.Stat(hugo); err != nil {
		t.Fatalf("hugo: %v", err)
	}
	return hugo
}
