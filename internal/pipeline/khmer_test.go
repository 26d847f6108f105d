package pipeline

// Khmer and English everywhere (issue 8): every page in both languages, the
// Khmer pages in Khmer, linked to their English pages, drawn with the
// site's own Khmer font, and a visible note where a page is not translated.

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/png"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode"

	"github.com/BurntSushi/toml"
	"golang.org/x/net/html"
)

// kmPages returns the site's HTML pages, by path under each language's
// root: the English pages are out/<p>, the Khmer pages out/km/<p>. Hugo's
// redirect en/index.html and the downloads are not pages.
func kmPages(t *testing.T, out string) (en, km []string) {
	t.Helper()
	err := filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel := filepath.ToSlash(strings.TrimPrefix(p, out+string(filepath.Separator)))
		if d.IsDir() {
			if rel == "en" || rel == "downloads" {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(rel, ".html") {
			return nil
		}
		if k, ok := strings.CutPrefix(rel, "km/"); ok {
			km = append(km, k)
		} else {
			en = append(en, rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(en)
	slices.Sort(km)
	return en, km
}

func TestKhmerEveryPageExistsInBothLanguages(t *testing.T) {
	out := sampleSite(t)
	en, km := kmPages(t, out)
	if len(en) == 0 {
		t.Fatal("no pages")
	}
	for _, p := range en {
		if _, ok := slices.BinarySearch(km, p); !ok {
			t.Errorf("%s has no Khmer page km/%s", p, p)
		}
	}
	for _, p := range km {
		if _, ok := slices.BinarySearch(en, p); !ok {
			t.Errorf("km/%s has no English page %s", p, p)
		}
	}
}

// kmDoc is a parsed page with what a reader sees or hears.
type kmDoc struct {
	lang  string   // <html lang>
	text  []string // text nodes and labels (aria-label, title, alt, meta description) outside code and outside parts marked as another language
	langs []string // the <ul class="langs"> switcher's hreflang values
	alts  map[string]string
}

// kmParse reads a page. Parts marked lang="…" other than the page's own
// language (English text not yet translated, shown with a note) and code
// (file names, hashes, embed snippets) are left out of text.
func kmParse(t *testing.T, file string) kmDoc {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	root, err := html.Parse(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	d := kmDoc{alts: map[string]string{}}
	attr := func(n *html.Node, key string) (string, bool) {
		for _, a := range n.Attr {
			if a.Key == key {
				return a.Val, true
			}
		}
		return "", false
	}
	var walk func(n *html.Node, inSwitch bool)
	walk = func(n *html.Node, inSwitch bool) {
		switch n.Type {
		case html.TextNode:
			if s := strings.TrimSpace(n.Data); s != "" {
				d.text = append(d.text, s)
			}
		case html.ElementNode:
			switch n.Data {
			case "html":
				d.lang, _ = attr(n, "lang")
			case "script", "style", "code", "pre", "template":
				return
			case "link":
				if rel, _ := attr(n, "rel"); rel == "alternate" {
					if hl, ok := attr(n, "hreflang"); ok {
						d.alts[hl], _ = attr(n, "href")
					}
				}
			case "meta":
				if name, _ := attr(n, "name"); name == "description" {
					c, _ := attr(n, "content")
					d.text = append(d.text, c)
				}
			case "ul":
				if c, _ := attr(n, "class"); slices.Contains(strings.Fields(c), "langs") {
					inSwitch = true
				}
			case "a":
				if hl, ok := attr(n, "hreflang"); ok && inSwitch {
					d.langs = append(d.langs, hl)
				}
			}
			if l, ok := attr(n, "lang"); ok && n.Data != "html" && l != d.lang {
				return
			}
			for _, k := range []string{"aria-label", "title", "alt"} {
				if v, ok := attr(n, k); ok && strings.TrimSpace(v) != "" {
					d.text = append(d.text, v)
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inSwitch)
		}
	}
	walk(root, false)
	return d
}

// englishUI returns the English UI strings that must not show on a Khmer
// page: the words of each i18n/en.toml string around its {{ .params }},
// unless Khmer has the same string (a "%" stays a "%").
func englishUI(t *testing.T) map[string]*regexp.Regexp {
	t.Helper()
	read := func(lang string) map[string]struct{ Other string } {
		var m map[string]struct{ Other string }
		if _, err := toml.DecodeFile(filepath.Join(root, "i18n", lang+".toml"), &m); err != nil {
			t.Fatal(err)
		}
		return m
	}
	en, km := read("en"), read("km")
	out := map[string]*regexp.Regexp{}
	param := regexp.MustCompile(`{{[^}]*}}`)
	for id, s := range en {
		if km[id].Other == s.Other {
			continue
		}
		parts := param.Split(s.Other, -1)
		for _, part := range parts {
			part = strings.TrimFunc(part, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsPunct(r) })
			if len([]rune(part)) < 3 || !regexp.MustCompile(`[A-Za-z]{3}`).MatchString(part) {
				continue
			}
			if len(parts) > 1 && len(strings.Fields(part)) < 2 {
				continue // a lone word between parameters ("and", "years") says too little
			}
			out[id+": "+part] = regexp.MustCompile(`(?:^|[^A-Za-z0-9_])` + regexp.QuoteMeta(part) + `(?:$|[^A-Za-z0-9_])`)
		}
	}
	if len(out) < 20 {
		t.Fatalf("only %d English UI strings found in i18n/en.toml", len(out))
	}
	return out
}

var khmerLetters = regexp.MustCompile(`[\x{1780}-\x{17FF}]`)

func TestKhmerPagesAreInKhmer(t *testing.T) {
	out := sampleSite(t)
	_, km := kmPages(t, out)
	ui := englishUI(t)
	bad := 0
	for _, p := range km {
		d := kmParse(t, filepath.Join(out, "km", p))
		if d.lang != "km" {
			t.Errorf("km/%s: <html lang=%q>, want km", p, d.lang)
		}
		all := strings.Join(d.text, "\n")
		if n := len(khmerLetters.FindAllString(all, -1)); n < 20 {
			t.Errorf("km/%s: %d Khmer letters, want a page in Khmer", p, n)
		}
		for key, re := range ui {
			if loc := re.FindStringIndex(all); loc != nil && bad < 30 {
				bad++
				t.Errorf("km/%s shows English %q (i18n/en.toml %s), not marked lang=\"en\": …%s…", p, strings.TrimSpace(all[loc[0]:loc[1]]), key, around(all, loc))
			}
		}
	}
}

func around(s string, loc []int) string {
	from, to := max(0, loc[0]-40), min(len(s), loc[1]+40)
	for from > 0 && !isStart(s[from]) {
		from--
	}
	for to < len(s) && !isStart(s[to]) {
		to++
	}
	return strings.ReplaceAll(s[from:to], "\n", " | ")
}

func isStart(b byte) bool { return b < 0x80 || b >= 0xC0 }

func TestKhmerPagesDeclareTheirLanguageAndTranslations(t *testing.T) {
	out := sampleSite(t)
	en, _ := kmPages(t, out)
	url := func(lang, p string) string {
		u := "/" + strings.TrimSuffix(p, "index.html")
		if lang != "en" {
			u = "/" + lang + u
		}
		return u
	}
	checked := 0
	for _, p := range en {
		if _, err := os.Stat(filepath.Join(out, "km", p)); err != nil {
			continue // TestKhmerEveryPageExistsInBothLanguages reports it
		}
		pages := map[string]kmDoc{"en": kmParse(t, filepath.Join(out, p)), "km": kmParse(t, filepath.Join(out, "km", p))}
		for lang, d := range pages {
			if d.lang != lang {
				t.Errorf("%s: <html lang=%q>, want %s", url(lang, p), d.lang, lang)
			}
			if len(d.langs) == 0 {
				continue // no language switcher: an embed or a print page
			}
			checked++
			other := map[string]string{"en": "km", "km": "en"}[lang]
			if !slices.Contains(d.langs, other) {
				t.Errorf("%s: the language switcher has no hreflang=%s link", url(lang, p), other)
			}
			if got, want := d.alts[other], url(other, p); got != want {
				t.Errorf("%s: <link rel=alternate hreflang=%s href=%q>, want href=%q", url(lang, p), other, got, want)
			}
		}
	}
	if checked == 0 {
		t.Error("no page has a language switcher")
	}
}

// kmFontConfig writes a fontconfig file that keeps the machine's fonts but
// refuses every font that covers Khmer (fonts-khmeros, Noto Khmer, …), so
// that in the Chromium started with it Khmer can come only from the site's
// web font.
func kmFontConfig(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	conf := filepath.Join(dir, "fonts.conf")
	text := `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <cachedir>` + filepath.Join(dir, "cache") + `</cachedir>
  <selectfont><rejectfont><pattern><patelt name="lang"><string>km</string></patelt></pattern></rejectfont></selectfont>
</fontconfig>
`
	if err := os.WriteFile(conf, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("fc-list", ":lang=km", "family").Output(); err == nil {
		cmd := exec.Command("fc-list", ":lang=km", "family")
		cmd.Env = append(os.Environ(), "FONTCONFIG_FILE="+conf)
		if left, err := cmd.Output(); err == nil && len(bytes.TrimSpace(left)) > 0 {
			t.Fatalf("the test font configuration still offers Khmer fonts: %s (system: %s)", left, out)
		}
	}
	return conf
}

// kmProbe measures, on a loaded page, how the page's own font stack draws
// Khmer: the width of one consonant (ក), of a stacked cluster of the same
// width in any Khmer font (ក្ក: ka, coeng, ka) and of three consonants
// (កកក). Drawn with a Khmer font, the cluster is about as wide as one
// consonant; drawn as missing-glyph boxes, each of its three code points is
// a box and it is as wide as three.
const kmProbe = `(async () => {
  await document.fonts.ready;
  const width = s => {
    const e = document.createElement("span");
    e.style.cssText = "position:absolute;left:0;top:0;white-space:nowrap;font-size:40px";
    e.textContent = s;
    document.body.appendChild(e);
    const w = e.getBoundingClientRect().width;
    e.remove();
    return w;
  };
  return {
    one: width("ក"), cluster: width("ក្ក"), three: width("កកក"),
    loaded: [...document.fonts].filter(f => f.status === "loaded").map(f => f.family.replace(/"/g, "").toLowerCase()),
  };
})()`

type kmMeasure struct {
	One     float64  `json:"one"`
	Cluster float64  `json:"cluster"`
	Three   float64  `json:"three"`
	Loaded  []string `json:"loaded"`
}

// shaped says whether Khmer was drawn as glyphs (the cluster about one
// consonant wide) rather than boxes or nothing.
func (m kmMeasure) shaped() bool {
	return m.One > 0 && m.Three > 2*m.One && m.Cluster < 1.5*m.One
}

// TestKhmerHomePageDrawsKhmerWithTheSiteFont renders the Khmer home page in
// Chromium with no system font that covers Khmer, twice: as published, and
// with the font files answering 404. As published, Khmer must be drawn as
// glyphs by the site's Noto Sans Khmer; without the font files, as boxes
// (which shows the test can tell the two apart), and the two screenshots
// must differ.
func TestKhmerHomePageDrawsKhmerWithTheSiteFont(t *testing.T) {
	out := sampleSite(t)
	t.Setenv("FONTCONFIG_FILE", kmFontConfig(t))
	b := needBrowser(t, false)

	render := func(withFont bool) (kmMeasure, image.Image, []string) {
		t.Helper()
		files := http.FileServer(http.Dir(out))
		var fonts []string
		var mu sync.Mutex // the browser fetches fonts at once
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if ext := path.Ext(r.URL.Path); ext == ".woff2" || ext == ".woff" || ext == ".ttf" || ext == ".otf" {
				mu.Lock()
				fonts = append(fonts, r.URL.Path)
				mu.Unlock()
				if !withFont {
					http.NotFound(w, r)
					return
				}
			}
			files.ServeHTTP(w, r)
		}))
		defer srv.Close()
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		p, err := b.Open(ctx, srv.URL+"/km/", 800, 1000)
		if err != nil {
			t.Fatal(err)
		}
		defer p.Close()
		if withFont {
			for _, f := range p.Report().Failed {
				t.Errorf("/km/: failed request: %s", f)
			}
		}
		var m kmMeasure
		if err := p.Eval(kmProbe, &m); err != nil {
			t.Fatal(err)
		}
		shot, err := p.Screenshot()
		if err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(bytes.NewReader(shot))
		if err != nil {
			t.Fatalf("screenshot: %v", err)
		}
		if dir := os.Getenv("PRISONSTATS_SCREENSHOTS"); dir != "" {
			os.WriteFile(filepath.Join(dir, fmt.Sprintf("km-home-font-%v.png", withFont)), shot, 0o644)
		}
		mu.Lock()
		defer mu.Unlock()
		return m, img, slices.Clone(fonts)
	}

	with, withImg, requested := render(true)
	if len(requested) == 0 {
		t.Error("the Khmer home page requests no font file: assets/css/site.css must load Noto Sans Khmer from the site")
	}
	if !slices.Contains(with.Loaded, "noto sans khmer") {
		t.Errorf("fonts loaded on /km/: %v, want Noto Sans Khmer", with.Loaded)
	}
	if !with.shaped() {
		t.Errorf("with the site's font, Khmer is not drawn as glyphs: ក %.1f px, ក្ក %.1f px, កកក %.1f px (boxes make ក្ក three times ក)", with.One, with.Cluster, with.Three)
	}

	without, withoutImg, _ := render(false)
	if without.shaped() {
		t.Fatalf("without the font files Khmer is still drawn as glyphs (ក %.1f, ក្ក %.1f px): a system font covers Khmer, so this test cannot tell", without.One, without.Cluster)
	}
	if d := kmDiff(withImg, withoutImg); d < 0.01 {
		t.Errorf("screenshots with and without the font differ in %.2f%% of pixels, want the Khmer text drawn differently", 100*d)
	}
}

// kmDiff returns the share of pixels that differ between two images, over
// the area both cover.
func kmDiff(a, b image.Image) float64 {
	r := a.Bounds().Intersect(b.Bounds())
	if r.Empty() {
		return 1
	}
	n := 0
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			r1, g1, b1, _ := a.At(x, y).RGBA()
			r2, g2, b2, _ := b.At(x, y).RGBA()
			if r1 != r2 || g1 != g2 || b1 != b2 {
				n++
			}
		}
	}
	return float64(n) / float64(r.Dx()*r.Dy())
}

// TestKhmerUntranslatedPageShowsEnglishWithANote builds a small site with
// the project's hugo.toml, i18n/ and partials: a page with no Khmer file
// must still exist at /km/, show the English text marked lang="en", and say
// in Khmer that it is not yet translated; a translated page must not. The
// dates partial writes the reference date per language and digits setting.
func TestKhmerUntranslatedPageShowsEnglishWithANote(t *testing.T) {
	hugo := needTools(t)
	for _, digits := range []string{"western", "khmer"} {
		t.Run(digits, func(t *testing.T) {
			dir := t.TempDir()
			write := func(name, text string) {
				p := filepath.Join(dir, filepath.FromSlash(name))
				if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			copyFile := func(from, to string) {
				b, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(from)))
				if err != nil {
					t.Fatal(err)
				}
				write(to, string(b))
			}
			copyFile("hugo.toml", "hugo.toml")
			copyFile("i18n/en.toml", "i18n/en.toml")
			copyFile("i18n/km.toml", "i18n/km.toml")
			for _, p := range []string{"untranslated", "untranslated-from", "content-lang", "date", "digits"} {
				copyFile("layouts/_partials/"+p+".html", "layouts/_partials/"+p+".html")
			}
			write("layouts/all.html", `<html lang="{{ site.Language.Name }}"><body>{{ partial "untranslated.html" . }}<div lang="{{ partial "content-lang.html" . }}">{{ .Content }}</div><p id="date">{{ partial "date.html" "2015-12-31" }}</p></body></html>`)
			write("data/meta.json", `{"digits": "`+digits+`"}`)
			write("content/_index.md", "---\ntitle: Home\n---\nWelcome.\n")
			write("content/_index.km.md", "---\ntitle: ទំព័រដើម\n---\nសូមស្វាគមន៍។\n")
			write("content/both.md", "---\ntitle: Both\n---\nTranslated page.\n")
			write("content/both.km.md", "---\ntitle: ទាំងពីរ\n---\nទំព័របកប្រែ។\n")
			write("content/only.md", "---\ntitle: Only English\n---\nThis text has no translation.\n")
			cmd := exec.Command(hugo, "--source", dir, "--destination", filepath.Join(dir, "public"), "--cacheDir", filepath.Join(dir, "cache"), "--quiet", "--panicOnWarning")
			if out, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("hugo: %v\n%s", err, out)
			}
			page := func(p string) string {
				b, err := os.ReadFile(filepath.Join(dir, "public", filepath.FromSlash(p)))
				if err != nil {
					t.Fatalf("%s: %v", p, err)
				}
				return string(b)
			}
			var km map[string]struct{ Other string }
			if _, err := toml.DecodeFile(filepath.Join(root, "i18n", "km.toml"), &km); err != nil {
				t.Fatal(err)
			}
			note := km["untranslated"].Other
			hasNote := regexp.MustCompile(`class="?untranslated"?`)
			english := regexp.MustCompile(`<div lang="?en"?>\s*<p>This text has no translation.</p>`)

			only := page("km/only/index.html")
			if !hasNote.MatchString(only) || !strings.Contains(only, note) {
				t.Errorf("/km/only/ lacks the note %q:\n%s", note, only)
			}
			if !english.MatchString(only) {
				t.Errorf("/km/only/ does not show the English text marked lang=\"en\":\n%s", only)
			}
			if !regexp.MustCompile(`href="?/only/"?`).MatchString(only) {
				t.Errorf("/km/only/ does not link the English original /only/:\n%s", only)
			}
			for _, p := range []string{"only/index.html", "both/index.html", "km/both/index.html", "index.html", "km/index.html"} {
				if hasNote.MatchString(page(p)) {
					t.Errorf("%s says it is not translated:\n%s", p, page(p))
				}
			}
			if b := page("km/both/index.html"); !strings.Contains(b, "ទំព័របកប្រែ") || strings.Contains(b, "Translated page") {
				t.Errorf("/km/both/ does not show its own Khmer text:\n%s", b)
			}
			if b := page("both/index.html"); !strings.Contains(b, "Translated page") {
				t.Errorf("/both/ does not show its English text:\n%s", b)
			}

			dates := map[string]string{"en": "31 December 2015", "km": "31 ធ្នូ 2015"}
			if digits == "khmer" {
				dates["km"] = "៣១ ធ្នូ ២០១៥"
			}
			for lang, want := range dates {
				p := "both/index.html"
				if lang != "en" {
					p = lang + "/" + p
				}
				if got := regexp.MustCompile(`<p id="?date"?>([^<]*)</p>`).FindStringSubmatch(page(p)); got == nil || got[1] != want {
					t.Errorf("%s: date.html wrote %q, want %q", p, got, want)
				}
			}
		})
	}
}
