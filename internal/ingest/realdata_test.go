package ingest

import (
	"context"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/prisonstats/prisonstats/internal/finding"
	"github.com/prisonstats/prisonstats/internal/obs"
)

// realdataDir holds the real files (read-only fixtures beside the checkout).
func realdataDir(t testing.TB) string {
	t.Helper()
	dir, err := filepath.Abs(filepath.Join(projectRoot(t), "../shared/realdata"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "README.md")); err != nil {
		t.Skipf("real files not found at %s (CI has them beside the checkout): %v", dir, err)
	}
	return dir
}

var (
	realOnce sync.Map // mapping name -> *realResult
)

type realResult struct {
	once sync.Once
	res  *Result
	err  error
}

// readReal reads the real files through one mapping of testdata/realdata,
// once per test binary.
func readReal(t *testing.T, mapping string) *Result {
	t.Helper()
	dir := realdataDir(t)
	v, _ := realOnce.LoadOrStore(mapping, &realResult{})
	rr := v.(*realResult)
	rr.once.Do(func() {
		rr.res, rr.err = Run(context.Background(), Options{Root: dir, Sources: must(filepath.Abs(filepath.Join("testdata/realdata", mapping)))})
	})
	if rr.err != nil {
		t.Fatal(rr.err)
	}
	return rr.res
}

// key selects observations; empty fields match anything.
type key struct {
	date, place, sex, status, age, measure, category string
}

func (k key) match(o obs.Observation) bool {
	eq := func(want, got string) bool { return want == "" || want == got }
	return eq(k.date, o.Date) && eq(k.place, o.Place) && eq(k.sex, o.Sex) && eq(k.status, o.Status) &&
		eq(k.age, o.Age) && eq(k.measure, o.Measure) && eq(k.category, o.Category)
}

// one returns the single observation with a key, failing otherwise.
func one(t *testing.T, os []obs.Observation, k key) obs.Observation {
	t.Helper()
	var found []obs.Observation
	for _, o := range os {
		if k.match(o) {
			found = append(found, o)
		}
	}
	if len(found) != 1 {
		t.Fatalf("observations with %+v: %d, want 1: %v", k, len(found), found)
	}
	return found[0]
}

func total(os []obs.Observation, k key) float64 {
	s, _ := sum(os, k.match)
	return s
}

func errorsIn(l finding.List) []finding.Finding {
	var out []finding.Finding
	for _, f := range l {
		if f.Severity == finding.Error {
			out = append(out, f)
		}
	}
	return out
}

func TestRealUNODCAnswerKeys(t *testing.T) {
	res := readReal(t, "unodc.toml")
	if errs := errorsIn(res.Findings); len(errs) > 0 {
		t.Errorf("%d error findings, first %v", len(errs), errs[0])
	}
	os := res.Observations
	persons := func(place, date, sex string) float64 {
		t.Helper()
		return one(t, os, key{date: date, place: place, sex: sex, status: "total", age: "total", measure: "prisoners"}).Value.Num
	}
	for _, c := range []struct {
		place, date, sex string
		want             float64
	}{
		{"GBR_E_W", "2021-12-31", "female", 3196},
		{"GBR_E_W", "2021-12-31", "male", 75128},
		{"GBR_E_W", "2021-12-31", "total", 78324},
		{"BRA", "2019-12-31", "total", 755274},
		{"BRA", "2019-12-31", "female", 37197},
		{"BRA", "2019-12-31", "male", 718007},
		{"KHM", "2016-12-31", "total", 21989},
	} {
		if got := persons(c.place, c.date, c.sex); got != c.want {
			t.Errorf("UNODC persons held %s %s %s = %v, want %v", c.place, c.date, c.sex, got, c.want)
		}
	}
	// Brazil 2019: F + M is 70 short of the total; carried as given.
	if f, m, tot := persons("BRA", "2019-12-31", "female"), persons("BRA", "2019-12-31", "male"), persons("BRA", "2019-12-31", "total"); tot-(f+m) != 70 {
		t.Errorf("BRA 2019 total - (F + M) = %v, want 70", tot-(f+m))
	}
	// Cambodia 2018: both rows are carried, each with its own cell.
	var khm2018 []obs.Observation
	for _, o := range os {
		if o.Place == "KHM" && o.Date == "2018-12-31" && o.Measure == "prisoners" && o.Status == "total" && o.Sex == "total" {
			khm2018 = append(khm2018, o)
		}
	}
	want := map[float64]string{31008: "L7766", 490: "L14490"}
	if len(khm2018) != 2 {
		t.Fatalf("Cambodia 2018 persons held rows = %v, want 2", khm2018)
	}
	for _, o := range khm2018 {
		if cell, ok := want[o.Value.Num]; !ok || o.Source.Cell != cell || o.Source.Sheet != "data_cts_prisons_and_prisoners" {
			t.Errorf("Cambodia 2018 row %v at %v, want one of %v with its cell", o.Value, o.Source, want)
		}
	}
	if got := one(t, os, key{date: "2021-12-31", place: "KHM", sex: "total", status: "pretrial", age: "total", measure: "prisoners"}).Value.Num; got != 13549 {
		t.Errorf("Cambodia 2021 unsentenced = %v, want 13549", got)
	}
	mar := one(t, os, key{date: "1013-12-31", place: "MAR", measure: "capacity", sex: "total", age: "total"})
	if mar.Value.Num != 40260 || mar.Source.Cell != "L36495" {
		t.Errorf("Morocco capacity in year 1013 = %v at %v, want 40260 at L36495 (carried for check to flag)", mar.Value, mar.Source)
	}
}

func TestRealUKMoJAnswerKeys(t *testing.T) {
	res := readReal(t, "uk_moj.toml")
	if errs := errorsIn(res.Findings); len(errs) > 0 {
		t.Errorf("%d error findings, first %v", len(errs), errs[0])
	}
	for _, c := range []struct {
		k    key
		want float64
	}{
		{key{date: "2015-06-30", sex: "female", status: "total", age: "total"}, 3904},
		{key{date: "2022-06-30", sex: "female", status: "total", age: "total"}, 3253},
		{key{date: "2022-06-30", sex: "female", status: "pretrial", age: "total"}, 611},
		{key{date: "2022-06-30", sex: "total", status: "total", age: "total"}, 80659},
	} {
		if got := one(t, res.Observations, c.k).Value.Num; got != c.want {
			t.Errorf("UK MoJ %+v = %v, want %v", c.k, got, c.want)
		}
	}
	// the 2009 header '30-Jun-09(1)' is a date once its footnote is stripped
	if n := len(filter(res.Observations, key{date: "2009-06-30", sex: "female", status: "total", age: "total"})); n != 2 {
		t.Errorf("female totals on 2009-06-30 = %d, want 2 (old and new IT system columns)", n)
	}
}

func filter(os []obs.Observation, k key) []obs.Observation {
	var out []obs.Observation
	for _, o := range os {
		if k.match(o) {
			out = append(out, o)
		}
	}
	return out
}

func TestRealBrazilAnswerKeys(t *testing.T) {
	res := readReal(t, "brazil.toml")
	if errs := errorsIn(res.Findings); len(errs) > 0 {
		t.Errorf("%d error findings, first %v", len(errs), errs[0])
	}
	os := res.Observations
	for _, c := range []struct {
		name string
		k    key
		want float64
	}{
		{"total", key{measure: "prisoners", sex: "total", status: "total"}, 748009},
		{"female", key{measure: "prisoners", sex: "female", status: "total"}, 36929},
		{"male", key{measure: "prisoners", sex: "male", status: "total"}, 711080},
		{"pretrial", key{measure: "prisoners", sex: "total", status: "pretrial"}, 222558},
		{"female pretrial", key{measure: "prisoners", sex: "female", status: "pretrial"}, 13137},
		{"children", key{measure: "children_in_prison"}, 1446},
		{"pregnant", key{measure: "pregnant"}, 276},
		{"breastfeeding", key{measure: "breastfeeding"}, 225},
		{"SP female", key{place: "BR-SP", measure: "prisoners", sex: "female", status: "total"}, 11427},
		{"SP female pretrial", key{place: "BR-SP", measure: "prisoners", sex: "female", status: "pretrial"}, 2530},
		{"SP children", key{place: "BR-SP", measure: "children_in_prison"}, 227},
		{"SP pregnant", key{place: "BR-SP", measure: "pregnant"}, 98},
	} {
		if got := total(os, c.k); got != c.want {
			t.Errorf("Brazil %s = %v, want %v", c.name, got, c.want)
		}
	}
	// the outlier is carried, not smoothed: one facility with 698 children
	found := false
	for _, o := range os {
		if o.Measure == "children_in_prison" && o.Value.Num == 698 {
			found = true
		}
	}
	if !found {
		t.Error("the facility with 698 children is not among the observations")
	}
}

func TestRealEurostatAnswerKeys(t *testing.T) {
	res := readReal(t, "eurostat.toml")
	if errs := errorsIn(res.Findings); len(errs) > 0 {
		t.Errorf("%d error findings, first %v", len(errs), errs[0])
	}
	for _, c := range []struct {
		k    key
		want float64
	}{
		{key{place: "UKC-L", date: "2015-12-31", sex: "female", age: "total", measure: "prisoners"}, 3881},
		{key{place: "UKC-L", date: "2015-12-31", sex: "total", age: "total", measure: "prisoners"}, 84444},
		{key{place: "FR", date: "2022-12-31", sex: "female", age: "total", measure: "prisoners"}, 2286},
		{key{place: "FR", date: "2022-12-31", sex: "total", age: "total", measure: "prisoners"}, 72173},
		{key{place: "FR", date: "2022-12-31", sex: "female", age: "total", measure: "prisoners_rate"}, 6.52},
		{key{place: "IE", date: "2015-12-31", sex: "female", age: "total", measure: "prisoners"}, 116},
		{key{place: "IE", date: "2015-12-31", sex: "male", age: "total", measure: "prisoners"}, 3094},
		{key{place: "IE", date: "2015-12-31", sex: "total", age: "total", measure: "prisoners"}, 3755},
	} {
		if got := one(t, res.Observations, c.k).Value.Num; got != c.want {
			t.Errorf("Eurostat %+v = %v, want %v", c.k, got, c.want)
		}
	}
}

func TestRealABSAnswerKeys(t *testing.T) {
	res := readReal(t, "abs.toml")
	if len(res.Findings) > 0 {
		t.Errorf("%d findings on the clean control file, first %v", len(res.Findings), res.Findings[0])
	}
	os := res.Observations
	for _, c := range []struct {
		k    key
		want float64
	}{
		{key{date: "2016-12-01"}, 39526},
		{key{date: "2016-12-01", sex: "female"}, 3206},
		{key{date: "2016-12-01", sex: "female", status: "pretrial"}, 1207},
		{key{date: "2016-12-01", status: "pretrial"}, 12470},
		{key{date: "2016-12-01", place: "AU-NSW", sex: "female"}, 1013},
		{key{date: "2016-12-01", place: "AU-NSW", sex: "female", status: "pretrial"}, 426},
		{key{date: "2005-03-01"}, 24296},
		{key{date: "2005-03-01", sex: "female"}, 1688},
	} {
		if got := total(os, c.k); got != c.want {
			t.Errorf("ABS %+v = %v, want %v", c.k, got, c.want)
		}
	}
}

func TestRealBJSAnswerKeys(t *testing.T) {
	res := readReal(t, "bjs.toml")
	if errs := errorsIn(res.Findings); len(errs) > 0 {
		t.Errorf("%d error findings, first %v", len(errs), errs[0])
	}
	for _, c := range []struct {
		k    key
		want float64
	}{
		{key{place: "US", date: "2018-12-31", sex: "female"}, 110845},
		{key{place: "US", date: "2018-12-31", sex: "total"}, 1465158},
		{key{place: "US", date: "2008-12-31", sex: "female"}, 114612},
		{key{place: "US-TX", date: "2018-12-31", sex: "female"}, 14435},
		{key{place: "US-FED", date: "2018-12-31", sex: "female"}, 12526},
	} {
		var got []obs.Observation
		for _, o := range filter(res.Observations, c.k) {
			got = append(got, o)
		}
		// table 1 and table 2 both give the US 2018 figures: they must agree
		if len(got) == 0 {
			t.Errorf("BJS %+v: no observation", c.k)
		}
		for _, o := range got {
			if o.Value.Num != c.want {
				t.Errorf("BJS %+v = %v at %v, want %v", c.k, o.Value, o.Source, c.want)
			}
		}
	}
	// footnote markers are stripped from names: Alaska/c is Alaska
	if n := len(filter(res.Observations, key{place: "US-AK"})); n != 6 {
		t.Errorf("Alaska observations = %d, want 6 (2 years x 3 sexes)", n)
	}
}

func must(s string, err error) string {
	if err != nil {
		panic(err)
	}
	return s
}

func TestRealBrazilFlagsTheResponsibleOfficialColumn(t *testing.T) {
	res := readReal(t, "brazil.toml")
	var got []finding.Finding
	for _, f := range res.Findings {
		if f.Code == finding.PersonalData {
			got = append(got, f)
		}
	}
	if len(got) != 1 || got[0].Severity != finding.Warning || got[0].Source.Cell != "B1" {
		t.Errorf("personal-data findings = %v, want one warning at B1", got)
	}
}
