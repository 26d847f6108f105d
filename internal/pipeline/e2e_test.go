package pipeline

import (
	"bytes"
	"context"
	"encoding/csv"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/prisonstats/prisonstats/internal/testenv"
)

// root is the project folder.
var root = testenv.Root()

// needTools returns the Hugo binary (built from the module cache when
// bin/hugo is missing) and checks the npm packages are installed.
func needTools(t *testing.T) string {
	t.Helper()
	testenv.NeedNodeModules(t)
	return testenv.Hugo(t)
}

var (
	sampleOnce sync.Once
	sampleOut  string
	sampleErr  error
	sampleLog  bytes.Buffer
)

// sampleSite builds the sample site once per test binary into a temporary
// folder and returns the published folder.
func sampleSite(t *testing.T) string {
	t.Helper()
	hugo := needTools(t)
	sampleOnce.Do(func() {
		dir, err := os.MkdirTemp("", "prisonstats-e2e-")
		if err != nil {
			sampleErr = err
			return
		}
		sampleOut = filepath.Join(dir, "public")
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
		defer cancel()
		sampleErr = Build(ctx, Config{Root: root, Out: sampleOut, Hugo: hugo, Log: &sampleLog})
	})
	if sampleErr != nil {
		t.Fatalf("Build(sample) = %v\nlog:\n%s", sampleErr, sampleLog.String())
	}
	return sampleOut
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

var tags = regexp.MustCompile(`<[^>]*>`)

// text strips tags and folds white space, so assertions read like the page.
func text(html string) string {
	return strings.Join(strings.Fields(tags.ReplaceAllString(html, " ")), " ")
}

func TestSampleSiteShowsHeadlineFindings(t *testing.T) {
	out := sampleSite(t)
	home := text(readFile(t, filepath.Join(out, "index.html")))
	for _, want := range []string{
		"Between 2008 and 2012 the number of women in prison rose by 98%, against 38% for men.",
		"8.7%",
		"Illustrative data",
	} {
		if !strings.Contains(home, want) {
			t.Errorf("home page lacks %q", want)
		}
	}
}

func TestSampleSiteHomeHasChartsAsSVGWithTables(t *testing.T) {
	out := sampleSite(t)
	home := readFile(t, filepath.Join(out, "index.html"))
	for _, id := range []string{"women-men-index", "female-share", "children-by-age", "pregnant-by-province"} {
		loc := regexp.MustCompile(`id="?chart-` + regexp.QuoteMeta(id) + `"?[ >]`).FindStringIndex(home)
		i := -1
		if loc != nil {
			i = loc[0]
		}
		if i < 0 {
			t.Errorf("home page has no chart %s", id)
			continue
		}
		fig := home[i:]
		if j := strings.Index(fig, "</figure>"); j > 0 {
			fig = fig[:j]
		}
		for _, want := range []string{"<svg", "<table", "<caption", `scope=col`, ".csv"} {
			if !strings.Contains(fig, want) {
				t.Errorf("chart %s lacks %s", id, want)
			}
		}
	}
	if strings.Contains(home, "<script>") || regexp.MustCompile(`<script[^>]*>[^<]`).MatchString(home) {
		t.Error("home page has an inline script")
	}
	if m := regexp.MustCompile(`(?:src|href)="(?:https?:)?//[^"]*"`).FindString(home); m != "" {
		t.Errorf("home page requests another host: %s", m)
	}
}

func TestSampleSiteChartDataHoldsTheHeadline(t *testing.T) {
	out := sampleSite(t)
	b, err := os.ReadFile(filepath.Join(out, "downloads", "en", "charts", "women-men-index.csv"))
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	if err != nil {
		t.Fatalf("women-men-index.csv: %v", err)
	}
	// Find the 2012 row and check women 198, men 138 (index, 2008 = 100).
	found := false
	for _, r := range rows {
		if len(r) > 0 && r[0] == "2012" {
			found = true
			joined := strings.Join(r, ",")
			if !strings.Contains(joined, "198") || !strings.Contains(joined, "138") {
				t.Errorf("2012 row of women-men-index.csv = %v, want women 198 and men 138", r)
			}
		}
	}
	if !found {
		t.Errorf("women-men-index.csv has no 2012 row:\n%s", b)
	}
}

func TestSampleSiteHasAPagePerProvinceInBothLanguages(t *testing.T) {
	out := sampleSite(t)
	dirs, err := filepath.Glob(filepath.Join(out, "provinces", "kh-*", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if len(dirs) != 25 {
		t.Errorf("%d province pages in en, want 25", len(dirs))
	}
	km, _ := filepath.Glob(filepath.Join(out, "km", "provinces", "kh-*", "index.html"))
	if len(km) != 25 {
		t.Errorf("%d province pages in km, want 25", len(km))
	}
	pp := text(readFile(t, filepath.Join(out, "provinces", "kh-12", "index.html")))
	for _, want := range []string{"Phnom Penh", "Correctional Centre 2", "Key figures"} {
		if !strings.Contains(pp, want) {
			t.Errorf("Phnom Penh page lacks %q", want)
		}
	}
	kmpp := readFile(t, filepath.Join(out, "km", "provinces", "kh-12", "index.html"))
	if !regexp.MustCompile(`<html lang="?km"?>`).MatchString(kmpp) || !strings.Contains(kmpp, "ភ្នំពេញ") {
		t.Error("Khmer Phnom Penh page lacks lang=km or the Khmer name")
	}
}

func TestSampleSiteMethodologyListsTheCatalogue(t *testing.T) {
	out := sampleSite(t)
	m := text(readFile(t, filepath.Join(out, "methodology", "index.html")))
	for _, want := range []string{"female_share", "pretrial_share", "occupancy", "SDG indicator 16.3.2", "gdp-prisons-2008-2015.xlsx"} {
		if !strings.Contains(m, want) && !strings.Contains(readFile(t, filepath.Join(out, "methodology", "index.html")), want) {
			t.Errorf("methodology page lacks %q", want)
		}
	}
}

func TestSampleSiteNumbersNameTheirCells(t *testing.T) {
	out := sampleSite(t)
	pp := readFile(t, filepath.Join(out, "provinces", "kh-7", "index.html"))
	if !regexp.MustCompile(`title="data/raw/gdp-prisons-2008-2015\.xlsx:20\d\d![A-Z]+\d+`).MatchString(pp) {
		t.Error("Kampot page: no table cell names its file, sheet and cell")
	}
}
