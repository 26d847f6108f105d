package pipeline

import (
	"bytes"
	"context"
	"encoding/csv"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/prisonstats/prisonstats/internal/compute"
	"github.com/prisonstats/prisonstats/internal/i18n"
	"github.com/prisonstats/prisonstats/internal/places"
	"github.com/prisonstats/prisonstats/internal/protect"
)

// TestSampleSiteShowsNoHiddenSmallCount recomputes what disclosure control
// hid in the sample (small counts of pregnant women and children in a
// province) and checks each hidden value in the places a reader would see
// it: the province's key-figures table and its children chart's CSV.
func TestSampleSiteShowsNoHiddenSmallCount(t *testing.T) {
	out := sampleSite(t)
	c := Config{Root: root}.withDefaults()
	in, err := loadInputs(c, true)
	if err != nil {
		t.Fatal(err)
	}
	checked, err := Check(context.Background(), Config{Root: root, Log: &bytes.Buffer{}})
	if err != nil {
		t.Fatal(err)
	}
	raw, err := compute.Run(checked.Observations, compute.Options{Places: in.places, Rules: in.rules, I18n: in.i18n, Langs: []string{"en"}, Digits: i18n.Western})
	if err != nil {
		t.Fatal(err)
	}
	_, rep, err := protect.Apply(raw, in.places, in.rules)
	if err != nil {
		t.Fatal(err)
	}
	checkedCells := 0
	for _, cell := range rep.Suppressed {
		p, ok := in.places.Get(cell.Place)
		if !ok || p.Level != places.Province {
			continue
		}
		v, ok := rawValue(raw, cell)
		if !ok || v == 0 {
			continue
		}
		year := cell.Date[:4]
		shown := strconv.Itoa(int(v))
		switch {
		case cell.Indicator == "pregnant" || (cell.Indicator == "children_in_prison" && cell.Breakdown == "total"):
			col := 7 // pregnant: the 7th figure after the year (layouts: site/figures.go figureColumns)
			if cell.Indicator == "children_in_prison" {
				col = 8
			}
			row := figuresRow(t, filepath.Join(out, "provinces", p.Slug(), "index.html"), year)
			if row == nil {
				t.Errorf("%s: no %s row in the key figures", p.Slug(), year)
				continue
			}
			if got := row[col]; got == shown {
				t.Errorf("%s %s %s: the key figures show the hidden value %s", p.Slug(), year, cell.Indicator, got)
			}
			checkedCells++
		case cell.Indicator == "children_in_prison":
			rows := readCSV(t, filepath.Join(out, "downloads", "en", "charts", "province-children--"+p.Slug()+".csv"))
			col := map[string]int{"under_1": 1, "1_2": 2, "2_3": 3, "over_3": 4}[cell.Breakdown]
			for _, r := range rows {
				if len(r) > col && r[0] == year && r[col] == shown {
					t.Errorf("%s %s children %s: the chart's CSV shows the hidden value %s", p.Slug(), year, cell.Breakdown, shown)
				}
			}
			checkedCells++
		}
	}
	if checkedCells < 10 {
		t.Errorf("only %d hidden province values checked; the sample should have many small counts", checkedCells)
	}
}

func rawValue(r *compute.Result, c protect.Cell) (float64, bool) {
	s, ok := r.Get(c.Indicator, c.Place, c.Breakdown)
	if !ok {
		return 0, false
	}
	for _, p := range s.Points {
		if p.Date == c.Date && p.Value.OK() {
			return p.Value.Num, true
		}
	}
	return 0, false
}

var cellRe = regexp.MustCompile(`<t[dh][^>]*>([^<]*)</t[dh]>`)

// figuresRow returns the cells of the key-figures table row of a year.
func figuresRow(t *testing.T, page, year string) []string {
	t.Helper()
	html := readFile(t, page)
	i := strings.Index(html, `<section class=figures`)
	if i < 0 {
		i = strings.Index(html, `<section class="figures"`)
	}
	if i < 0 {
		t.Fatalf("%s has no key figures", page)
	}
	html = html[i:]
	for _, tr := range strings.Split(html, "<tr>") {
		cells := cellRe.FindAllStringSubmatch(tr, -1)
		if len(cells) > 8 && cells[0][1] == year {
			var out []string
			for _, c := range cells {
				out = append(out, c[1])
			}
			return out
		}
	}
	return nil
}

func readCSV(t *testing.T, path string) [][]string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return rows
}
