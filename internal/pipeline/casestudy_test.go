package pipeline

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/prisonstats/prisonstats/internal/casestudy"
	"github.com/prisonstats/prisonstats/internal/testenv"
)

// gatedCases splits the project's case studies into those the web may
// show and those it may not, the way the build must.
func gatedCases(t *testing.T) (web, off []casestudy.Case) {
	t.Helper()
	cases := testenv.SampleCases(t)
	web, gfs := casestudy.Gate(cases, casestudy.Web)
	if err := gfs.Err(); err != nil {
		t.Fatalf("sample case studies: %v", err)
	}
	allowed := map[string]bool{}
	for _, c := range web {
		allowed[c.Slug] = true
	}
	for _, c := range cases {
		if !allowed[c.Slug] {
			off = append(off, c)
		}
	}
	if len(web) == 0 || len(off) == 0 {
		t.Fatalf("sample case studies: %d on the web, %d kept off; the test needs some of each", len(web), len(off))
	}
	return web, off
}

// TestSampleSiteLeavesGatedCasesOut searches every published file for the
// pseudonym and the title of each case study whose consent does not cover
// the web; and checks that the cases it does cover are published, so that
// the search is not passing on an empty site.
func TestSampleSiteLeavesGatedCasesOut(t *testing.T) {
	web, off := gatedCases(t)
	out := sampleSite(t)
	var needles [][]byte
	for _, c := range off {
		needles = append(needles, []byte(c.Pseudonym))
		for _, title := range c.Title {
			needles = append(needles, []byte(title))
		}
		if _, err := os.Stat(filepath.Join(out, "case-studies", c.Slug)); err == nil {
			t.Errorf("case-studies/%s/ is published, but %s's consent does not cover the web", c.Slug, c.File)
		}
	}
	files := 0
	err := filepath.WalkDir(out, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		files++
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, n := range needles {
			if bytes.Contains(b, n) {
				rel, _ := filepath.Rel(out, path)
				t.Errorf("%s contains %q, from a case study not consented for the web", rel, n)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range web {
		for _, dir := range []string{"", "km"} {
			p := filepath.Join(out, dir, "case-studies", c.Slug, "index.html")
			if !strings.Contains(readFile(t, p), c.Pseudonym) {
				t.Errorf("%s lacks %s's story (the consent covers the web)", p, c.Pseudonym)
			}
		}
	}
	if files < 10 {
		t.Errorf("searched %d files only", files)
	}
}

// TestSampleSiteCaseStudyFiltersWorkWithoutJavaScript: each facet value is
// a page listing exactly its cases, and a case page shows its province's
// figures.
func TestSampleSiteCaseStudyFiltersWorkWithoutJavaScript(t *testing.T) {
	web, _ := gatedCases(t)
	out := sampleSite(t)
	list := readFile(t, filepath.Join(out, "case-studies", "index.html"))
	for _, c := range web {
		if !strings.Contains(list, "/case-studies/"+c.Slug+"/") {
			t.Errorf("case-studies/ does not link to %s", c.Slug)
		}
		facet := readFile(t, filepath.Join(out, "case-studies", "province", strings.ToLower(c.Province), "index.html"))
		if !strings.Contains(facet, "/case-studies/"+c.Slug+"/") {
			t.Errorf("case-studies/province/%s/ does not list %s", strings.ToLower(c.Province), c.Slug)
		}
		for _, other := range web {
			if other.Province != c.Province && strings.Contains(facet, "/case-studies/"+other.Slug+"/") {
				t.Errorf("case-studies/province/%s/ lists %s, of %s", strings.ToLower(c.Province), other.Slug, other.Province)
			}
		}
		if !strings.Contains(list, "/case-studies/outcome/"+c.Outcome+"/") {
			t.Errorf("case-studies/ has no filter link for outcome %s", c.Outcome)
		}
	}
	page := text(readFile(t, filepath.Join(out, "case-studies", web[0].Slug, "index.html")))
	if !strings.Contains(page, "key figures for the same years") {
		t.Errorf("case-studies/%s/ lacks its province's key figures", web[0].Slug)
	}
	pp := readFile(t, filepath.Join(out, "provinces", strings.ToLower(web[0].Province), "index.html"))
	if !strings.Contains(pp, "/case-studies/"+web[0].Slug+"/") {
		t.Errorf("the province page of %s does not list its case study %s", web[0].Province, web[0].Slug)
	}
}

// TestSampleSitePublishesTheDataset: the whole dataset is downloadable
// under the release and under latest, and the Data page links it.
func TestSampleSitePublishesTheDataset(t *testing.T) {
	out := sampleSite(t)
	latest := filepath.Join(out, "downloads", "latest")
	for _, name := range []string{"observations.csv", "observations.xlsx", "data-dictionary.csv", "sources.csv", "series/prisoners.csv"} {
		if _, err := os.Stat(filepath.Join(latest, name)); err != nil {
			t.Errorf("downloads/latest/%s: %v", name, err)
		}
	}
	data := readFile(t, filepath.Join(out, "data", "index.html"))
	if !strings.Contains(data, "/downloads/latest/observations.csv") || !strings.Contains(data, "observations.xlsx") {
		t.Error("the Data page does not link the downloads")
	}
	obsCSV := readFile(t, filepath.Join(latest, "observations.csv"))
	if !strings.Contains(obsCSV, ",suppressed,fewer than 5,") {
		t.Error("observations.csv has no small count shown as suppressed")
	}
}
