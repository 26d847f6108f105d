package pack_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/prisonstats/prisonstats/internal/pack"
)

// subset is what TestPacksPrintSampleSubset prints: the country and one
// province, every audience, every language.
var subset = map[string]struct {
	page string            // the site page whose key figures the pack repeats, by language
	name map[string]string // the place's name, by language
}{
	"kh":    {"index.html", map[string]string{"en": "Cambodia", "km": "កម្ពុជា"}},
	"kh-12": {"provinces/kh-12/index.html", map[string]string{"en": "Phnom Penh", "km": "ភ្នំពេញ"}},
}

var audiences = map[string]map[string]string{
	"judges":      {"en": "Judges", "km": "ចៅក្រម"},
	"prosecutors": {"en": "Prosecutors", "km": "ព្រះរាជអាជ្ញា"},
	"lawyers":     {"en": "Lawyers", "km": "មេធាវី"},
}

var rule64 = map[string]string{"en": "Rule 64", "km": "វិធានទី ៦៤"}

func TestPacksPrintSampleSubset(t *testing.T) {
	needChromium(t)
	needPoppler(t)
	dir := buildSample(t)
	restricted := filepath.Join(t.TempDir(), "restricted")
	rep, err := pack.Run(t.Context(), pack.Options{
		Dir: dir, RestrictedOut: restricted, Parallel: 2,
		Select: func(b pack.Brief) bool { _, ok := subset[b.Scope]; return ok },
	})
	if err != nil {
		t.Fatalf("Run = %v", err)
	}
	if got, want := len(rep.Public), len(subset)*len(audiences)*2; got != want {
		t.Errorf("Run wrote %d public PDFs, want %d: %v", got, want, rep.Public)
	}
	if _, err := os.Stat(filepath.Join(dir, "briefs", "index.json")); !os.IsNotExist(err) {
		t.Errorf("briefs/index.json is still in the tree (stat: %v)", err)
	}
	for scope, s := range subset {
		for aud, aname := range audiences {
			for _, lang := range []string{"en", "km"} {
				t.Run(aud+"-"+scope+"-"+lang, func(t *testing.T) {
					file := filepath.Join(dir, "briefs", aud+"-"+scope+"-"+lang+".pdf")
					checkPack(t, file, lang, aname[lang], s.name[lang], filepath.Join(dir, langDir(lang), s.page))
				})
			}
		}
	}
}

func langDir(lang string) string {
	if lang == "en" {
		return ""
	}
	return lang
}

// checkPack checks one printed pack: A4, several pages, its metadata, the
// key figures of its place as the site shows them, the Bangkok Rules, the
// site's Khmer font in Khmer, a cover and a chart that are not blank.
func checkPack(t *testing.T, file, lang, audience, place, sitePage string) {
	t.Helper()
	if _, err := os.Stat(file); err != nil {
		t.Fatalf("no pack: %v", err)
	}
	info := pdfInfo(t, file)
	if got := info["Page size"]; !strings.HasPrefix(got, "594.96 x 841.92 pts") {
		t.Errorf("page size = %q, want A4 (595 x 842 pts)", got)
	}
	n := pages(t, file)
	if n < 2 {
		t.Errorf("pages = %d, want 2 or more", n)
	}
	if got := info["Title"]; !strings.Contains(got, audience) || !strings.Contains(got, place) {
		t.Errorf("title = %q, want the audience %q and the place %q", got, audience, place)
	}
	if got := info["Subject"]; !strings.Contains(got, place) {
		t.Errorf("subject = %q, want the place %q", got, place)
	}
	raw, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if want := "/Lang (" + lang + ")"; !strings.Contains(string(raw), want) {
		t.Errorf("PDF has no %s", want)
	}

	text := pdfText(t, file)
	row := strings.Join(latestFigures(t, sitePage), " ")
	if !strings.Contains(text, row) {
		t.Errorf("text lacks the latest key figures %q (year, women, men) of %s", row, sitePage)
	}
	if !strings.Contains(text, rule64[lang]) {
		t.Errorf("text lacks %q", rule64[lang])
	}
	if lang == "km" {
		// The site's own Noto Sans Khmer (print.css @font-face), not
		// whatever Khmer font the printing machine has.
		if fonts := run(t, "pdffonts", file); !strings.Contains(fonts, "NotoSansKhmer") {
			t.Errorf("the site's Noto Sans Khmer is not embedded:\n%s", fonts)
		}
	}

	if dark, _ := ink(renderPage(t, file, 1)); dark < 500 {
		t.Errorf("cover page has %d inked pixels at 30 dpi, want a printed cover", dark)
	}
	best := 0
	for p := 2; p <= n; p++ {
		_, colour := ink(renderPage(t, file, p))
		best = max(best, colour)
	}
	if best < 1500 {
		t.Errorf("no page has a drawn chart: at most %d coloured pixels at 30 dpi, want 1500 or more", best)
	}
}

// BenchmarkPacksSample prints every pack of the sample (3 audiences × 26
// scopes × 2 languages = 156 PDFs) with one browser and the default number
// of tabs. One op is the whole run.
func BenchmarkPacksSample(b *testing.B) {
	needChromium(b)
	dir := buildSample(b)
	index, err := os.ReadFile(filepath.Join(dir, "briefs", "index.json"))
	if err != nil {
		b.Fatal(err)
	}
	restricted := filepath.Join(b.TempDir(), "restricted")
	var pdfs int
	for b.Loop() {
		if err := os.WriteFile(filepath.Join(dir, "briefs", "index.json"), index, 0o644); err != nil {
			b.Fatal(err)
		}
		rep, err := pack.Run(b.Context(), pack.Options{Dir: dir, RestrictedOut: restricted})
		if err != nil {
			b.Fatal(err)
		}
		pdfs = len(rep.Public) + len(rep.Restricted)
	}
	if pdfs != 156 {
		b.Errorf("printed %d PDFs, want 156", pdfs)
	}
	b.ReportMetric(float64(pdfs), "pdfs/op")
}
