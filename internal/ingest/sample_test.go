package ingest

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/prisonstats/prisonstats/internal/obs"
	"github.com/prisonstats/prisonstats/internal/places"
)

// projectRoot is the repository root, two folders up from this package.
func projectRoot(t testing.TB) string {
	t.Helper()
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	return root
}

func sampleGazetteer(t testing.TB) *places.Gazetteer {
	t.Helper()
	g, err := places.Load(filepath.Join(projectRoot(t), "data/places.toml"))
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// sum adds the present values of observations that pass keep.
func sum(os []obs.Observation, keep func(obs.Observation) bool) (float64, int) {
	s, n := 0.0, 0
	for _, o := range os {
		if keep(o) {
			n++
			if o.Value.OK() {
				s += o.Value.Num
			}
		}
	}
	return s, n
}

func TestSampleMappingReadsTheSampleExport(t *testing.T) {
	root := projectRoot(t)
	if _, err := os.Stat(filepath.Join(root, "data/raw/gdp-prisons-2008-2015.xlsx")); err != nil {
		t.Skip("data/raw/gdp-prisons-2008-2015.xlsx is not there (go run ./cmd/gensample makes it)")
	}
	res, err := Run(context.Background(), Options{Root: root, Sources: "data/sources.toml", Places: sampleGazetteer(t)})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range res.Findings {
		t.Errorf("finding: %v", f)
	}
	women := map[int]float64{2008: 820, 2009: 1010, 2010: 1220, 2011: 1430, 2012: 1624, 2013: 1780, 2014: 1950, 2015: 2100}
	men := map[int]float64{2008: 12400, 2009: 13500, 2010: 14700, 2011: 15900, 2012: 17112, 2013: 18000, 2014: 19100, 2015: 20500}
	for y := 2008; y <= 2015; y++ {
		for sex, want := range map[string]float64{obs.Female: women[y], obs.Male: men[y]} {
			got, _ := sum(res.Observations, func(o obs.Observation) bool {
				return o.Year() == y && o.Measure == obs.Prisoners && o.Sex == sex && o.Status == obs.Total
			})
			if got != want {
				t.Errorf("%d %s prisoners = %v, want %v", y, sex, got, want)
			}
		}
	}
	got, n := sum(res.Observations, func(o obs.Observation) bool {
		return o.Year() == 2015 && o.Measure == obs.Releases && o.Place == "KH"
	})
	if got != 16 || n != 3 {
		t.Errorf("2015 releases = %v over %d mechanisms, want 16 over 3", got, n)
	}
	t.Logf("%d observations", len(res.Observations))
}

func TestSampleMappingKeepsCellsCategoriesAndBlanks(t *testing.T) {
	root := projectRoot(t)
	if _, err := os.Stat(filepath.Join(root, "data/raw/gdp-prisons-2008-2015.xlsx")); err != nil {
		t.Skip("data/raw/gdp-prisons-2008-2015.xlsx is not there")
	}
	res, err := Run(context.Background(), Options{Root: root, Sources: "data/sources.toml", Places: sampleGazetteer(t)})
	if err != nil {
		t.Fatal(err)
	}
	cats := map[string]bool{}
	var blanks, facilities int
	for _, o := range res.Observations {
		if o.Measure == obs.ChildrenInPrison {
			cats[o.Category] = true
		}
		if o.Value.Missing == obs.Blank {
			blanks++
		}
		if o.Source.Sheet == "2008" && o.Source.Cell == "D5" {
			facilities++
			if o.Sex != obs.Female || o.Measure != obs.Prisoners || o.Date != "2008-12-31" || o.Place == "" {
				t.Errorf("2008!D5 = %+v, want female prisoners on 2008-12-31 at a facility", o)
			}
		}
	}
	for _, c := range []string{"under_1", "1_2", "2_3", "over_3"} {
		if !cats[c] {
			t.Errorf("no children_in_prison observation with category %s (got %v)", c, cats)
		}
	}
	if facilities != 1 {
		t.Errorf("observations from 2008!D5 = %d, want 1", facilities)
	}
	t.Logf("%d blank values", blanks)
}
