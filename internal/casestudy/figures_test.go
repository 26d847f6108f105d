package casestudy

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/prisonstats/prisonstats/internal/compute"
	"github.com/prisonstats/prisonstats/internal/obs"
)

func mk(file, from, to, outcome, mech, outcomeDate string, withHer int) Case {
	return Case{File: file, CustodyFrom: from, CustodyTo: to, Outcome: outcome, Mechanism: mech,
		OutcomeDate: outcomeDate, Children: Children{Number: withHer, WithHer: withHer}}
}

func point(t *testing.T, series []compute.Series, ind, breakdown string, year int) (compute.Point, bool) {
	t.Helper()
	for _, s := range series {
		if s.Indicator == ind && s.Breakdown == breakdown {
			if s.Place != "KH" || s.Note != "documented cases" {
				t.Errorf("series %s/%s place, note = %s, %q; want KH, documented cases", ind, breakdown, s.Place, s.Note)
			}
			for _, p := range s.Points {
				if p.Year() == year {
					return p, true
				}
			}
		}
	}
	return compute.Point{}, false
}

func TestSummarise(t *testing.T) {
	cases := []Case{
		mk("a.md", "2012-01-01", "2012-01-11", "pardoned", "royal_pardon", "2012-01-11", 1),           // 10 days
		mk("b.md", "2012-01-01", "2012-01-21", "released", "early_release", "2012-01-21", 2),          // 20 days
		mk("c.md", "2012-01-01", "", "released", "early_release", "2012-03-01", 0),                    // 60 days, to from outcome_date
		mk("d.md", "2012-01-01", "2012-12-31", "sentence_reduced", "court_decision", "2012-06-01", 1), // released 2012, 365 days
		mk("e.md", "2013-01-01", "", "still_detained", "", "", 1),
		mk("f.md", "2013-01-01", "2013-02-01", "released", "", "2013-02-01", 0), // 31 days, no mechanism
	}
	s := Summarise(cases, "KH")
	want := []struct {
		ind, breakdown string
		year           int
		value          float64 // -1: absent
	}{
		{IndOutcomes, "", 2012, 4},
		{IndOutcomes, "early_release", 2012, 2},
		{IndOutcomes, "royal_pardon", 2012, 1},
		{IndOutcomes, NoMechanism, 2013, 1},
		{IndOutcomes, "", 2013, 1},
		{IndDaysToRelease, "", 2012, 40}, // median of 10, 20, 60, 365
		{IndDaysToRelease, "early_release", 2012, -1},
		{IndDaysToRelease, "", 2013, -1}, // one case only
		{IndChildrenReleased, "", 2012, 4},
		{IndChildrenReleased, "", 2013, 0},
	}
	for _, w := range want {
		p, ok := point(t, s, w.ind, w.breakdown, w.year)
		if !ok {
			t.Errorf("%s/%s %d: no point", w.ind, w.breakdown, w.year)
			continue
		}
		switch {
		case w.value < 0 && (p.Value.OK() || p.Value.Missing != obs.NotApplicable || !strings.Contains(p.Reason, "fewer than 3")):
			t.Errorf("%s/%s %d = %v (%s), want absent: fewer than 3 cases", w.ind, w.breakdown, w.year, p.Value, p.Reason)
		case w.value >= 0 && (!p.Value.OK() || p.Value.Num != w.value):
			t.Errorf("%s/%s %d = %v, want %v", w.ind, w.breakdown, w.year, p.Value, w.value)
		}
	}
	if _, ok := point(t, s, IndOutcomes, "", 2014); ok {
		t.Error("a point for 2014, a year without cases")
	}
	for _, ind := range Catalogue {
		if !strings.Contains(ind.Caveats, "never national statistics") || !strings.HasPrefix(ind.Name, "Documented cases") {
			t.Errorf("catalogue entry %s does not say it is documented cases, not national statistics", ind.ID)
		}
	}
}

func TestSiteDataHoldsOnlyTheGivenCases(t *testing.T) {
	g := gazetteer(t)
	dir := filepath.Join("..", "..", "data", "case-studies")
	cases, _, err := Load(dir, g, today)
	if err != nil {
		t.Fatal(err)
	}
	web, _ := Gate(cases, Web)
	offences, err := LoadOffences(filepath.Join("..", "..", "data", "offences.toml"))
	if err != nil {
		t.Fatal(err)
	}
	d, err := SiteData(web, Summarise(web, "KH"), SiteOptions{Places: g, Offences: offences, Langs: []string{"en", "km"}})
	if err != nil {
		t.Fatal(err)
	}
	got := d["cases"].([]siteCase)
	if len(got) != len(web) {
		t.Fatalf("SiteData cases = %d, want %d", len(got), len(web))
	}
	provinces := 0
	for _, f := range d["facets"].(map[string][]facetValue)["province"] {
		provinces += f.Count
	}
	if provinces != len(web) {
		t.Errorf("province facet counts sum to %d, want %d", provinces, len(web))
	}
	for _, c := range got {
		if c.Pseudonym == "Rachana" {
			t.Error("SiteData holds the print-only case")
		}
		if c.OffenceName["km"] == "" || c.ProvinceName["km"] == "" || c.Body["km"] == "" {
			t.Errorf("case %s lacks a Khmer offence, province or body", c.Slug)
		}
	}
}
