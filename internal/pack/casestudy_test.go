package pack_test

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/prisonstats/prisonstats/internal/casestudy"
	"github.com/prisonstats/prisonstats/internal/i18n"
	"github.com/prisonstats/prisonstats/internal/pack"
	"github.com/prisonstats/prisonstats/internal/places"
	"github.com/prisonstats/prisonstats/internal/testenv"
)

// printCases is the project's case studies as the build passes them to
// the packs: gated for print, then casestudy.PrintData. It also returns
// the print-only cases and the web-and-print ones of Phnom Penh (KH-12,
// the tiny site's province).
func printCases(t *testing.T) (data map[string]any, printOnly, both []casestudy.Case) {
	t.Helper()
	cases := testenv.SampleCases(t)
	printed, gfs := casestudy.Gate(cases, casestudy.Print)
	if err := gfs.Err(); err != nil {
		t.Fatalf("sample case studies: %v", err)
	}
	web, _ := casestudy.Gate(cases, casestudy.Web)
	onWeb := map[string]bool{}
	for _, c := range web {
		onWeb[c.Slug] = true
	}
	for _, c := range printed {
		switch {
		case !onWeb[c.Slug]:
			printOnly = append(printOnly, c)
		case c.Province == "KH-12":
			both = append(both, c)
		}
	}
	if len(printOnly) == 0 || len(both) == 0 || printOnly[0].Province != "KH-12" {
		t.Fatalf("sample case studies: the test needs a print-only case and a web-and-print case in KH-12; got %d and %d", len(printOnly), len(both))
	}
	g, err := places.Load(filepath.Join(root, "data", "places.toml"))
	if err != nil {
		t.Fatal(err)
	}
	data, err = casestudy.PrintData(printed, casestudy.SiteOptions{Places: g, Langs: []string{"en", "km"}, Digits: i18n.Western})
	if err != nil {
		t.Fatalf("PrintData = %v", err)
	}
	return data, printOnly, both
}

// TestPrintOnlyCaseStudyIsInRestrictedPacksOnly: a case whose consent
// covers print only is in the restricted pack of its province, and in no
// file of the published tree, PDFs read as text included; a case whose
// consent covers the web as well is in the public pack.
func TestPrintOnlyCaseStudyIsInRestrictedPacksOnly(t *testing.T) {
	needChromium(t)
	needPoppler(t)
	data, printOnly, both := printCases(t)
	dir := tinySiteWith(t, map[string]any{"casestudies_print": data})

	var needles []string
	for _, c := range printOnly {
		needles = append(needles, c.Pseudonym)
		for _, title := range c.Title {
			needles = append(needles, title)
		}
	}
	restricted := filepath.Join(t.TempDir(), "restricted", "briefs")
	rep, err := pack.Run(t.Context(), pack.Options{Dir: dir, RestrictedOut: restricted, Parallel: 2})
	if err != nil {
		t.Fatalf("Run = %v", err)
	}
	if len(rep.Public) == 0 || len(rep.Restricted) == 0 {
		t.Fatalf("Run wrote %d public and %d restricted packs, want some of each", len(rep.Public), len(rep.Restricted))
	}

	for _, name := range []string{"prison-officials-kh-12-en.pdf", "prison-officials-kh-12-km.pdf", "prison-officials-kh-en.pdf"} {
		if text := pdfText(t, filepath.Join(restricted, name)); !strings.Contains(text, printOnly[0].Pseudonym) {
			t.Errorf("restricted pack %s lacks the print-only case %s", name, printOnly[0].Pseudonym)
		}
	}
	// In Khmer the case is known by its Khmer title; pdftotext may put
	// spaces inside Khmer words, so compare without spaces.
	nospace := strings.NewReplacer(" ", "")
	for lang, want := range map[string]string{"en": both[0].Pseudonym, "km": both[0].Title["km"]} {
		name := "judges-kh-12-" + lang + ".pdf"
		if want == "" {
			t.Fatalf("%s has no %s title", both[0].File, lang)
		}
		if text := pdfText(t, filepath.Join(dir, "briefs", name)); !strings.Contains(nospace.Replace(text), nospace.Replace(want)) {
			t.Errorf("public pack %s lacks %q, of a case whose consent covers web and print", name, want)
		}
	}

	files, pdfs := 0, 0
	err = filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		files++
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		text := string(b)
		if strings.HasSuffix(path, ".pdf") {
			pdfs++
			text = pdfText(t, path)
		}
		rel, _ := filepath.Rel(dir, path)
		for _, n := range needles {
			if bytes.Contains(b, []byte(n)) || strings.Contains(text, n) {
				t.Errorf("published %s contains %q, from a case study whose consent covers print only", rel, n)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if pdfs != len(rep.Public) || files < 2*pdfs {
		t.Errorf("searched %d files, %d of them PDFs; want every public pack (%d) and its print page", files, pdfs, len(rep.Public))
	}
}
