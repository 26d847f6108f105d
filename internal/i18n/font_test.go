package i18n

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

var root = filepath.Join("..", "..")

// Every font the style sheet asks for is a file FontFiles publishes, and
// every font FontFiles publishes is used: the two lists cannot drift apart.
func TestStyleSheetUsesExactlyTheFontFilesPublished(t *testing.T) {
	css, err := os.ReadFile(filepath.Join(root, "assets", "css", "site.css"))
	if err != nil {
		t.Fatal(err)
	}
	var used []string
	for _, m := range regexp.MustCompile(`url\(\s*["']?([^"')]+)["']?\s*\)`).FindAllStringSubmatch(string(css), -1) {
		if strings.HasSuffix(m[1], ".woff2") || strings.HasSuffix(m[1], ".woff") {
			used = append(used, m[1])
		}
	}
	var published []string
	for _, f := range fontFiles {
		if strings.HasSuffix(f.to, ".woff2") {
			// The style sheet is published in /css/: ../fonts/x is /fonts/x.
			published = append(published, "../"+FontDir+"/"+f.to)
		}
	}
	slices.Sort(used)
	slices.Sort(published)
	if !slices.Equal(used, published) {
		t.Errorf("site.css uses fonts %v, FontFiles publishes %v", used, published)
	}
}

func TestFontFilesReadsThePackage(t *testing.T) {
	fake := t.TempDir()
	pkg := filepath.Join(fake, "@fontsource", "noto-sans-khmer")
	os.MkdirAll(filepath.Join(pkg, "files"), 0o755)
	for _, f := range fontFiles {
		os.WriteFile(filepath.Join(pkg, f.from), []byte("x"+f.to), 0o644)
	}
	got, err := FontFiles(fake)
	if err != nil {
		t.Fatal(err)
	}
	if b := got["fonts/noto-sans-khmer-khmer-400-normal.woff2"]; string(b) != "xnoto-sans-khmer-khmer-400-normal.woff2" {
		t.Errorf("FontFiles()[fonts/…400-normal.woff2] = %q", b)
	}
	if len(got) != len(fontFiles) {
		t.Errorf("FontFiles() returned %d files, want %d", len(got), len(fontFiles))
	}
	os.Remove(filepath.Join(pkg, "files", "noto-sans-khmer-khmer-700-normal.woff2"))
	if _, err := FontFiles(fake); err == nil || !strings.Contains(err.Error(), "npm ci") {
		t.Errorf("FontFiles without the 700 weight: error %v, want one that says to run npm ci", err)
	}
}

// The installed package holds real WOFF2 files (magic "wOF2").
func TestFontFilesFromNodeModulesAreWOFF2(t *testing.T) {
	if _, err := os.Stat(filepath.Join(root, "node_modules", FontPackage)); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("node_modules/%s missing: `make test` runs npm ci first", FontPackage)
		}
		t.Skipf("node_modules/%s missing: run `npm ci`", FontPackage)
	}
	files, err := FontFiles(filepath.Join(root, "node_modules"))
	if err != nil {
		t.Fatal(err)
	}
	for name, b := range files {
		if strings.HasSuffix(name, ".woff2") && !strings.HasPrefix(string(b), "wOF2") {
			t.Errorf("%s does not start with the WOFF2 signature", name)
		}
	}
}
