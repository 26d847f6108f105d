package pack_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/prisonstats/prisonstats/internal/i18n"
	"github.com/prisonstats/prisonstats/internal/pack"
)

const (
	hostile        = `<script>alert(1)</script>`
	hostileFinding = `<img src=x onerror=alert(1)>`
)

// restrictedAudience is added to a copy of content/briefs/audiences.toml.
const restrictedAudience = `
[[audience]]
id = "prison-officials"
marking = "restricted"
name.en = "Prison officials"
name.km = "មន្ត្រីពន្ធនាគារ"
meaning.en = ["For prison officials."]
meaning.km = ["សម្រាប់មន្ត្រីពន្ធនាគារ។"]
`

// tinySite builds, with Hugo alone, a site of the project's briefs content
// and layouts over hand-made data: the country and one province named
// `<script>alert(1)</script>`, and a fourth, restricted audience. It returns
// the published tree.
func tinySite(t *testing.T) string {
	t.Helper()
	return tinySiteWith(t, nil)
}

// tinySiteWith is tinySite with more Hugo data files (name → value, written
// as data/<name>.json).
func tinySiteWith(t *testing.T, extra map[string]any) string {
	t.Helper()
	hugo := needHugo(t)
	work := t.TempDir()
	content := filepath.Join(work, "content", "briefs")
	data := filepath.Join(work, "data")
	for _, d := range []string{content, data} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	src := filepath.Join(root, "content", "briefs")
	entries, err := os.ReadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(src, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if e.Name() == "audiences.toml" {
			b = append(b, restrictedAudience...)
		}
		write(t, filepath.Join(content, e.Name()), b)
	}
	jsonFile := func(name string, v any) {
		b, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		write(t, filepath.Join(data, name), b)
	}
	names := map[string]string{"en": hostile, "km": hostile}
	jsonFile("places.json", map[string]any{
		"country":   map[string]any{"code": "KH", "slug": "kh", "name": map[string]string{"en": "Cambodia", "km": "កម្ពុជា"}},
		"provinces": []any{map[string]any{"code": "KH-12", "slug": "kh-12", "name": names}},
	})
	jsonFile("meta.json", map[string]any{"illustrative": true, "briefs": true, "release": "2015-12-31", "files": []any{map[string]string{"file": "data/raw/x.xlsx", "sha256": "00"}}})
	jsonFile("findings.json", map[string]any{"en": map[string][]string{"KH-12": {hostileFinding}}, "km": map[string][]string{"KH-12": {hostileFinding}}})
	table := map[string]any{"caption": "Key figures for " + hostile, "header": []string{"Year", "Women"},
		"rows": [][]map[string]string{{{"v": "2014"}, {"v": "41"}}, {{"v": "2015"}, {"v": "42"}}}}
	jsonFile("figures.json", map[string]any{"en": map[string]any{"KH-12": table}, "km": map[string]any{"KH-12": table}})
	for name, v := range extra {
		jsonFile(name+".json", v)
	}

	config := fmt.Sprintf(`baseURL = "/"
title = "Women in prison and their children"
defaultContentLanguage = "en"
disableKinds = ["home", "taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
[languages.en]
weight = 1
[languages.km]
weight = 2
title = "ស្ត្រីនៅក្នុងពន្ធនាគារ និងកូនរបស់ពួកគាត់"
[params]
provinceCharts = ["province-women-men", "province-children"]
[module]
[[module.mounts]]
source = %q
target = "content"
[[module.mounts]]
source = %q
target = "layouts"
[[module.mounts]]
source = %q
target = "i18n"
[[module.mounts]]
source = %q
target = "assets"
[[module.mounts]]
source = %q
target = "data"
`, filepath.Join(work, "content"), filepath.Join(root, "layouts"), filepath.Join(root, "i18n"), filepath.Join(root, "assets"), data)
	write(t, filepath.Join(work, "hugo.toml"), []byte(config))
	out := filepath.Join(work, "public")
	cmd := exec.Command(hugo, "--source", work, "--destination", out, "--cacheDir", filepath.Join(work, "cache"), "--noBuildLock", "--panicOnWarning")
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("hugo: %v\n%s", err, b)
	}
	// The Khmer web font print.css loads, as the build publishes it.
	fonts, err := i18n.FontFiles(filepath.Join(root, "node_modules"))
	if err != nil {
		missing(t, err.Error())
	}
	for name, b := range fonts {
		if err := os.MkdirAll(filepath.Join(out, filepath.Dir(name)), 0o755); err != nil {
			t.Fatal(err)
		}
		write(t, filepath.Join(out, filepath.FromSlash(name)), b)
	}
	return out
}

func write(t *testing.T, path string, b []byte) {
	t.Helper()
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

var restrictedPages = []string{"briefs/prison-officials-kh", "briefs/prison-officials-kh-12", "km/briefs/prison-officials-kh", "km/briefs/prison-officials-kh-12"}

func TestPacksPrintHostileNameAsTextAndKeepRestrictedOutOfTheTree(t *testing.T) {
	needChromium(t)
	needPoppler(t)
	dir := tinySite(t)
	page, err := os.ReadFile(filepath.Join(dir, "briefs", "judges-kh-12", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{hostile, hostileFinding} {
		if strings.Contains(string(page), bad) {
			t.Errorf("print page holds %q unescaped", bad)
		}
	}
	for _, p := range restrictedPages {
		if !exists(filepath.Join(dir, p, "index.html")) {
			t.Fatalf("the tiny site has no restricted print page %s", p)
		}
	}

	restricted := filepath.Join(t.TempDir(), "restricted", "briefs")
	rep, err := pack.Run(t.Context(), pack.Options{Dir: dir, RestrictedOut: restricted, Parallel: 2})
	if err != nil {
		t.Fatalf("Run = %v", err)
	}
	if got, want := len(rep.Public), 3*2*2; got != want {
		t.Errorf("public packs = %d, want %d", got, want)
	}
	if got, want := len(rep.Restricted), 1*2*2; got != want {
		t.Errorf("restricted packs = %d, want %d", got, want)
	}

	text := pdfText(t, filepath.Join(dir, "briefs", "judges-kh-12-en.pdf"))
	for _, want := range []string{hostile, hostileFinding, "2015 42"} {
		if !strings.Contains(text, want) {
			t.Errorf("pack text lacks %q printed as text", want)
		}
	}
	if got := pdfInfo(t, filepath.Join(dir, "briefs", "judges-kh-12-en.pdf"))["Title"]; !strings.Contains(got, hostile) {
		t.Errorf("title = %q, want the place name as text", got)
	}

	for _, scope := range []string{"kh", "kh-12"} {
		for _, lang := range []string{"en", "km"} {
			name := "prison-officials-" + scope + "-" + lang + ".pdf"
			if exists(filepath.Join(dir, "briefs", name)) {
				t.Errorf("restricted pack %s is in the published tree", name)
			}
			if !exists(filepath.Join(restricted, name)) {
				t.Errorf("restricted pack %s is not in %s", name, restricted)
			}
		}
	}
	if text := pdfText(t, filepath.Join(restricted, "prison-officials-kh-en.pdf")); !strings.Contains(strings.ToLower(text), "restricted: not for publication") {
		t.Errorf("restricted pack lacks its marking")
	}
	for _, p := range restrictedPages {
		if exists(filepath.Join(dir, p)) {
			t.Errorf("restricted print page %s is still in the tree", p)
		}
	}
	if !exists(filepath.Join(dir, "briefs", "judges-kh-12", "index.html")) {
		t.Errorf("a public print page was removed")
	}
	if exists(filepath.Join(dir, "briefs", "index.json")) {
		t.Errorf("briefs/index.json is still in the tree")
	}
}

func TestPacksWithoutChromiumSayWhyAndStillRemoveRestrictedPages(t *testing.T) {
	dir := tinySite(t)
	t.Setenv("PRISONSTATS_CHROMIUM", filepath.Join(t.TempDir(), "no-chromium-here"))
	_, err := pack.Run(t.Context(), pack.Options{Dir: dir, RestrictedOut: filepath.Join(t.TempDir(), "r")})
	if !errors.Is(err, pack.ErrNoChromium) {
		t.Fatalf("Run without chromium = %v, want ErrNoChromium", err)
	}
	for _, p := range restrictedPages {
		if exists(filepath.Join(dir, p)) {
			t.Errorf("restricted print page %s is still in the tree", p)
		}
	}
	if exists(filepath.Join(dir, "briefs", "index.json")) {
		t.Errorf("briefs/index.json is still in the tree")
	}
}

func TestPacksRefuseARestrictedFolderInsideTheTree(t *testing.T) {
	dir := tinySite(t)
	_, err := pack.Run(t.Context(), pack.Options{Dir: dir, RestrictedOut: filepath.Join(dir, "private")})
	if err == nil || !strings.Contains(err.Error(), "inside the published tree") {
		t.Fatalf("Run(RestrictedOut inside Dir) = %v, want an error saying so", err)
	}
	for _, p := range restrictedPages {
		if exists(filepath.Join(dir, p)) {
			t.Errorf("restricted print page %s is still in the tree", p)
		}
	}
}

func TestStripRemovesRestrictedPagesWithoutPrinting(t *testing.T) {
	dir := tinySite(t)
	rep, err := pack.Strip(dir)
	if err != nil {
		t.Fatalf("Strip = %v", err)
	}
	if got, want := len(rep.Removed), len(restrictedPages)+1; got != want {
		t.Errorf("Strip removed %d pages, want %d: %v", got, want, rep.Removed)
	}
	for _, p := range restrictedPages {
		if exists(filepath.Join(dir, p)) {
			t.Errorf("restricted print page %s is still in the tree", p)
		}
	}
	if !exists(filepath.Join(dir, "briefs", "judges-kh", "index.html")) {
		t.Errorf("a public print page was removed")
	}
	if _, err := pack.Strip(dir); err != nil {
		t.Errorf("Strip on a stripped tree = %v, want nil", err)
	}
}
