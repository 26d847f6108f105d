package protect

import (
	"errors"
	"testing"

	"github.com/prisonstats/prisonstats/internal/compute"
	"github.com/prisonstats/prisonstats/internal/obs"
	"github.com/prisonstats/prisonstats/internal/places"
	"github.com/prisonstats/prisonstats/internal/rules"
)

// computed runs compute over a few facilities of the real gazetteer with the
// real rules (data/), so that the tests notice when compute's output (the
// over-limit note, the breakdowns) or data/rules.toml change under protect.
func computed(t *testing.T) (*compute.Result, *places.Gazetteer, *rules.Rules) {
	t.Helper()
	g, err := places.Load("../../data/places.toml")
	if err != nil {
		t.Fatal(err)
	}
	r, err := rules.Load("../../data/rules.toml")
	if err != nil {
		t.Fatal(err)
	}
	var os []obs.Observation
	add := func(place, measure, sex, cat string, v float64) {
		os = append(os, obs.Observation{Date: "2012-12-31", Place: place, Sex: sex, Status: obs.Total, Age: obs.Total,
			Measure: measure, Category: cat, Value: obs.Num(v), Source: obs.Source{File: "t.xlsx", Sheet: "2012", Cell: "B2"}})
	}
	for _, f := range []struct {
		place                 string
		pregnant              float64
		u1, b12, b23, o3      float64
		female, totalPrisoner float64
	}{
		{"KH-12-CC1", 2, 3, 6, 7, 3, 180, 2200},
		{"KH-12-CC2", 9, 8, 9, 10, 6, 250, 900},
		{"KH-3-CC3", 7, 0, 1, 9, 12, 40, 1300},
		{"KH-3-PP", 0, 5, 6, 8, 0, 60, 700},
		{"KH-9-PP", 12, 9, 10, 12, 7, 30, 400},
	} {
		add(f.place, obs.Pregnant, obs.Female, "", f.pregnant)
		for cat, v := range map[string]float64{"under_1": f.u1, "1_2": f.b12, "2_3": f.b23, "over_3": f.o3} {
			add(f.place, obs.ChildrenInPrison, obs.Total, cat, v)
		}
		add(f.place, obs.Prisoners, obs.Female, "", f.female)
		add(f.place, obs.Prisoners, obs.Total, "", f.totalPrisoner)
	}
	res, err := compute.Run(os, compute.Options{Places: g, Rules: r})
	if err != nil {
		t.Fatal(err)
	}
	return res, g, r
}

func TestApplyProtectsComputedResults(t *testing.T) {
	res, g, r := computed(t)
	out, rep, err := Apply(res, g, r)
	if err != nil {
		t.Fatal(err)
	}
	if err := Audit(out, g); err != nil {
		t.Errorf("Audit after Apply: %v", err)
	}
	for _, k := range [][3]string{{"pregnant", "KH-12-CC1", ""}, {"children_in_prison", "KH-12-CC1", "under_1"}, {"children_in_prison", "KH-3-CC3", "1_2"}} {
		if !hidden(t, out, k[0], k[1], k[2]) {
			t.Errorf("%v is published, want it hidden", k)
		}
	}
	for _, k := range [][3]string{{"pregnant", "KH", ""}, {"children_in_prison", "KH", "total"}, {"pregnant", "KH-3-PP", ""}} {
		if hidden(t, out, k[0], k[1], k[2]) {
			t.Errorf("%v is hidden, want it published (%s)", k, whyOf(rep, k[0], k[1], k[2]))
		}
	}
}

func TestAuditReadsComputesOverLimitNote(t *testing.T) {
	// Audit has no rules: it learns which bands children_over_limit sums
	// from compute's note. Hide an over_3 band and publish the over-limit
	// figure: the audit must see they are the same children.
	res, g, _ := computed(t)
	s, ok := res.Get(compute.IndChildrenOverLimit, "KH-3-CC3", "")
	if !ok || len(s.Points) == 0 || !s.Points[0].Value.OK() {
		t.Fatalf("compute gave no children_over_limit for KH-3-CC3: %+v", s)
	}
	if got := bandsFromNote(s.Points[0].Note); len(got) != 1 || got[0] != "over_3" {
		t.Fatalf("bands read from the note %q = %v, want [over_3]", s.Points[0].Note, got)
	}
	bad := hideIn(clone(res), reasonComplement, [3]string{"children_in_prison", "KH-3-CC3", "over_3"}, [3]string{"children_in_prison", "KH-3-CC3", "2_3"})
	var ae *AuditError
	if err := Audit(bad, g); !errors.As(err, &ae) {
		t.Fatalf("Audit = %v, want an *AuditError", err)
	}
	for _, rc := range ae.Recoverable {
		if rc.Cell.Indicator == "children_in_prison" && rc.Cell.Place == "KH-3-CC3" && rc.Cell.Breakdown == "over_3" {
			return
		}
	}
	t.Errorf("Audit did not name children_in_prison KH-3-CC3 over_3: %v", ae)
}
