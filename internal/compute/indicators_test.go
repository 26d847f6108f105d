package compute

import (
	"strings"
	"testing"

	"github.com/prisonstats/prisonstats/internal/obs"
)

const d12 = "2012-12-31"

// facilities: F1a 10 women of 100, F1b 5 of 50, F2a 3 of 30 (no male column).
func facilities() *tab {
	tb := &tab{}
	tb.pris(d12, "F1a", obs.Female, 10).pris(d12, "F1a", obs.Total, 100)
	tb.pris(d12, "F1b", obs.Female, 5).pris(d12, "F1b", obs.Total, 50)
	tb.pris(d12, "F2a", obs.Female, 3).pris(d12, "F2a", obs.Total, 30)
	return tb
}

func TestIndicatorsHandComputed(t *testing.T) {
	tb := facilities()
	tb.add(d12, "F1a", obs.Female, obs.Pretrial, obs.Prisoners, "", obs.Num(4))
	tb.add(d12, "F1a", obs.Total, obs.Pretrial, obs.Prisoners, "", obs.Num(30))
	tb.add(d12, "F1b", obs.Female, obs.Sentenced, obs.Prisoners, "", obs.Num(2)) // pretrial = 5 − 2
	tb.add(d12, "F1b", obs.Total, obs.Sentenced, obs.Prisoners, "", obs.Num(20)) // pretrial = 50 − 20
	tb.m(d12, "F1a", obs.Total, obs.Capacity, "", 80).m(d12, "F1b", obs.Total, obs.Capacity, "", 40)
	tb.m(d12, "F1a", obs.Female, obs.Pregnant, "", 2).m(d12, "F1b", obs.Female, obs.Pregnant, "", 1)
	tb.m(d12, "F1a", obs.Female, obs.Breastfeeding, "", 3)
	tb.m(d12, "F1a", obs.Female, obs.WomenWithChildren, "", 4)
	r := run(t, tb.os, Options{Places: testPlaces(t)})
	tests := []struct {
		ind, place, bd string
		want           float64
	}{
		{IndPrisoners, "F1a", obs.Male, 90},
		{IndPrisoners, "P1", obs.Female, 15},
		{IndPrisoners, "P1", obs.Total, 150},
		{IndPrisoners, "P1", obs.Male, 135},
		{IndPrisoners, "C", obs.Female, 18},
		{IndPrisoners, "C", obs.Total, 180},
		{IndPrisoners, "C", obs.Male, 162},
		{IndFemaleShare, "F1a", "", 10},
		{IndFemaleShare, "C", "", 10},
		{IndPretrialShare, "F1a", obs.Female, 40},             // 4 ÷ 10
		{IndPretrialShare, "F1a", obs.Male, 26.0 / 90 * 100},  // (30 − 4) ÷ (100 − 10)
		{IndPretrialShare, "F1b", obs.Female, 60},             // (5 − 2) ÷ 5
		{IndPretrialShare, "P1", obs.Total, 60.0 / 150 * 100}, // (30 + 30) ÷ 150
		{IndPretrialShare, "P1", obs.Female, 7.0 / 15 * 100},  // (4 + 3) ÷ 15
		{IndOccupancy, "F1a", "", 125},                        // 100 × 100 ÷ 80
		{IndOccupancy, "P1", "", 125},                         // 150 × 100 ÷ 120
		{IndCapacity, "P1", "", 120},
		{IndPregnant, "P1", "", 3},
		{IndBreastfeeding, "F1a", "", 3},
		{IndWomenWithChildren, "F1a", "", 4},
		{IndPrisonersIndex, "C", obs.Female, 100},
	}
	for _, tt := range tests {
		p := at(t, r, tt.ind, tt.place, tt.bd, d12)
		if !p.Value.OK() || !near(p.Value.Num, tt.want) {
			t.Errorf("%s/%s/%s = %v (%s), want %v", tt.ind, tt.place, tt.bd, p.Value, p.Reason, tt.want)
		}
	}
}

func TestSharesComeFromSummedCountsNotAveragedShares(t *testing.T) {
	tb := &tab{}
	tb.pris(d12, "F1a", obs.Female, 10).pris(d12, "F1a", obs.Total, 100) // 10%
	tb.pris(d12, "F2a", obs.Female, 30).pris(d12, "F2a", obs.Total, 50)  // 60%
	r := run(t, tb.os, Options{Places: testPlaces(t)})
	got := at(t, r, IndFemaleShare, "C", "", d12).Value.Num
	if want := 40.0 / 150 * 100; !near(got, want) {
		t.Errorf("female_share C = %v, want %v (40 of 150, not the mean 35 of the shares)", got, want)
	}
}

func TestAggregationCarriesEverySummedCell(t *testing.T) {
	r := run(t, facilities().os, Options{Places: testPlaces(t)})
	p := at(t, r, IndPrisoners, "C", obs.Female, d12)
	if len(p.Sources) != 3 {
		t.Errorf("C female sources = %v, want the 3 facility cells", p.Sources)
	}
	m := at(t, r, IndPrisoners, "F1a", obs.Male, d12)
	if m.Note != "male = total − female" || len(m.Sources) != 2 {
		t.Errorf("derived male: note %q, sources %v; want the derivation noted and both cells", m.Note, m.Sources)
	}
	s := at(t, r, IndFemaleShare, "P1", "", d12)
	if len(s.Sources) != 4 {
		t.Errorf("P1 share sources = %v, want 2 female + 2 total cells", s.Sources)
	}
}

func TestSourceOwnFigurePreferredToSum(t *testing.T) {
	tb := facilities()
	tb.pris(d12, "P1", obs.Total, 160) // the source's own province total (a facility is missing from its rows)
	r := run(t, tb.os, Options{Places: testPlaces(t)})
	if got := at(t, r, IndPrisoners, "P1", obs.Total, d12).Value.Num; got != 160 {
		t.Errorf("P1 total = %v, want the source's own 160", got)
	}
	if got := at(t, r, IndPrisoners, "C", obs.Total, d12).Value.Num; got != 190 {
		t.Errorf("C total = %v, want 160 + 30", got)
	}
	tb.pris(d12, "C", obs.Total, 200)
	r = run(t, tb.os, Options{Places: testPlaces(t)})
	if got := at(t, r, IndPrisoners, "C", obs.Total, d12).Value.Num; got != 200 {
		t.Errorf("C total = %v, want the source's own 200", got)
	}
}

func TestChildrenAreNeverAddedToPrisoners(t *testing.T) {
	tb := facilities()
	tb.m(d12, "F1a", obs.Total, obs.ChildrenInPrison, "under_1", 2)
	tb.m(d12, "F1a", obs.Total, obs.ChildrenInPrison, "1_2", 3)
	tb.m(d12, "F1a", obs.Total, obs.ChildrenInPrison, "2_3", 1)
	tb.m(d12, "F1a", obs.Total, obs.ChildrenInPrison, "over_3", 4)
	for _, f := range []string{"F1b", "F2a"} { // every prison has the columns, most hold no child
		for _, b := range []string{"under_1", "1_2", "2_3", "over_3"} {
			tb.m(d12, f, obs.Total, obs.ChildrenInPrison, b, 0)
		}
	}
	r := run(t, tb.os, Options{Places: testPlaces(t), Rules: testRules()})
	for _, c := range []struct {
		place string
		want  float64
	}{{"F1a", 100}, {"P1", 150}, {"C", 180}} {
		if got := at(t, r, IndPrisoners, c.place, obs.Total, d12).Value.Num; got != c.want {
			t.Errorf("prisoners %s = %v, want %v (children not added)", c.place, got, c.want)
		}
	}
	if got := at(t, r, IndChildrenInPrison, "C", obs.Total, d12).Value.Num; got != 10 {
		t.Errorf("children C total = %v, want 2+3+1+4", got)
	}
	if got := at(t, r, IndChildrenInPrison, "P1", "over_3", d12).Value.Num; got != 4 {
		t.Errorf("children P1 over_3 = %v, want 4", got)
	}
	if got := at(t, r, IndChildrenOverLimit, "C", "", d12); !got.Value.OK() || got.Value.Num != 4 {
		t.Errorf("children over the 3-year limit in 2012 = %v (%s), want the over_3 band, 4", got.Value, got.Reason)
	}
}

func TestChildrenOverSixYearLimitAbsentNotZero(t *testing.T) {
	const d10 = "2010-12-31"
	tb := &tab{}
	tb.pris(d10, "F1a", obs.Total, 100)
	for _, b := range []string{"under_1", "1_2", "2_3", "over_3"} {
		tb.m(d10, "F1a", obs.Total, obs.ChildrenInPrison, b, 1)
	}
	r := run(t, tb.os, Options{Places: testPlaces(t), Rules: testRules()})
	p := at(t, r, IndChildrenOverLimit, "F1a", "", d10)
	if p.Value.OK() || !strings.Contains(p.Reason, "6-year") {
		t.Errorf("over a 6-year limit with an over_3 band = %v, reason %q; want absent, naming the limit", p.Value, p.Reason)
	}
	r = run(t, tb.os, Options{Places: testPlaces(t)})
	if p := at(t, r, IndChildrenOverLimit, "F1a", "", d10); p.Value.OK() || p.Reason == "" {
		t.Errorf("over limit without rules = %v, want absent with a reason", p.Value)
	}
}

func TestAbsentWithReason(t *testing.T) {
	tb := facilities()
	tb.m(d12, "F1a", obs.Female, obs.Pregnant, "", 2)
	tb.add(d12, "F1b", obs.Female, obs.Total, obs.Pregnant, "", obs.Absent(obs.NotAvailable))
	tb.m(d12, "F2a", obs.Female, obs.Pregnant, "", 0)
	tb.m(d12, "F1a", obs.Total, obs.Capacity, "", 80)
	tb.pris("2013-12-31", "F1a", obs.Total, 90)
	tb.add(d12, "F1a", obs.Total, obs.Total, obs.Population, "", obs.Absent(obs.NotAvailable))
	r := run(t, tb.os, Options{Places: testPlaces(t)})
	tests := []struct {
		ind, place, bd, date string
		reason               []string
	}{
		{IndPregnant, "F1b", "", d12, []string{"not available", "t.xlsx:2012!"}},
		{IndPregnant, "P1", "", d12, []string{"North Prison B", "not available"}},
		{IndPregnant, "C", "", d12, []string{"North", "not available"}},
		{IndOccupancy, "F1a", "", "2013-12-31", []string{"no capacity reported"}},
		{IndOccupancy, "P1", "", d12, []string{"no capacity reported", "North Prison B"}},
		{IndPrisoners, "F1a", obs.Female, "2013-12-31", []string{"not reported"}},
		{IndPrisoners, "F1a", obs.Male, "2013-12-31", []string{"not reported"}},
		{IndRatePer100k, "F1a", obs.Female, d12, []string{"no population"}},
	}
	for _, tt := range tests {
		p := at(t, r, tt.ind, tt.place, tt.bd, tt.date)
		if p.Value.OK() {
			t.Errorf("%s/%s/%s on %s = %v, want absent", tt.ind, tt.place, tt.bd, tt.date, p.Value)
			continue
		}
		for _, w := range tt.reason {
			if !strings.Contains(p.Reason, w) {
				t.Errorf("%s/%s/%s on %s: reason %q lacks %q", tt.ind, tt.place, tt.bd, tt.date, p.Reason, w)
			}
		}
	}
	if p := at(t, r, IndPregnant, "P2", "", d12); !p.Value.OK() || p.Value.Num != 0 {
		t.Errorf("pregnant P2 = %v, want a present 0", p.Value)
	}
}

func TestFacilityMissingOnADateIsNotCounted(t *testing.T) {
	// F2a has no rows at all in 2012 (not yet open): the country is the
	// sum of what exists; in 2013 it reports.
	tb := &tab{}
	tb.pris(d12, "F1a", obs.Total, 100).pris("2013-12-31", "F1a", obs.Total, 110).pris("2013-12-31", "F2a", obs.Total, 20)
	r := run(t, tb.os, Options{Places: testPlaces(t)})
	if got := at(t, r, IndPrisoners, "C", obs.Total, d12).Value.Num; got != 100 {
		t.Errorf("C 2012 = %v, want 100", got)
	}
	if got := at(t, r, IndPrisoners, "C", obs.Total, "2013-12-31").Value.Num; got != 130 {
		t.Errorf("C 2013 = %v, want 130", got)
	}
	if _, ok := pointAt(mustGet(t, r, IndPrisoners, "F2a", obs.Total), d12); ok {
		t.Error("F2a has a 2012 point though it reported nothing that year")
	}
}

func mustGet(t *testing.T, r *Result, ind, place, bd string) Series {
	t.Helper()
	s, ok := r.Get(ind, place, bd)
	if !ok {
		t.Fatalf("no series %s/%s/%q", ind, place, bd)
	}
	return s
}

func TestReleasesByMechanismAndTotal(t *testing.T) {
	tb := &tab{}
	for _, d := range []string{"2014-12-31", "2015-12-31"} {
		tb.m(d, "C", obs.Female, obs.Releases, "royal_pardon", 4)
		tb.m(d, "C", obs.Female, obs.Releases, "early_release", 7)
		tb.m(d, "C", obs.Female, obs.Releases, "court_decision", 5)
		tb.m(d, "C", obs.Total, obs.ChildrenReleased, "royal_pardon", 5)
		tb.m(d, "C", obs.Total, obs.ChildrenReleased, "early_release", 8)
		tb.m(d, "C", obs.Total, obs.ChildrenReleased, "court_decision", 6)
	}
	tb.pris("2015-12-31", "F1a", obs.Total, 100)
	r := run(t, tb.os, Options{Places: testPlaces(t)})
	if got := at(t, r, IndReleases, "C", obs.Total, "2015-12-31").Value.Num; got != 16 {
		t.Errorf("releases total = %v, want 4+7+5", got)
	}
	if got := at(t, r, IndChildrenReleased, "C", "early_release", "2015-12-31").Value.Num; got != 8 {
		t.Errorf("children released early = %v, want 8", got)
	}
	if _, ok := r.Get(IndReleases, "P1", obs.Total); ok {
		t.Error("a releases series for P1, which has no releases data")
	}
}

func TestRatePer100k(t *testing.T) {
	tb := facilities()
	tb.m(d12, "P1", obs.Female, obs.Population, "", 300000)
	tb.m(d12, "P1", obs.Total, obs.Population, "", 600000)
	tb.m(d12, "P2", obs.Total, obs.Population, "", 100000)
	tb.m(d12, "F1a", obs.Female, obs.PrisonersRate, "", 7) // a published rate is never summed
	r := run(t, tb.os, Options{Places: testPlaces(t)})
	tests := []struct {
		place, sex string
		want       float64
		note       string
	}{
		{"P1", obs.Female, 5, "per 100,000 women"},         // 15 × 100,000 ÷ 300,000
		{"P1", obs.Total, 25, "per 100,000 inhabitants"},   // 150 × 100,000 ÷ 600,000
		{"P2", obs.Female, 3, "whole population"},          // 3 × 100,000 ÷ 100,000
		{"C", obs.Total, 180.0 * 100000 / 700000, "inhab"}, // populations summed, then the rate
		{"F1a", obs.Female, 7, "as published"},
	}
	for _, tt := range tests {
		p := at(t, r, IndRatePer100k, tt.place, tt.sex, d12)
		if !p.Value.OK() || !near(p.Value.Num, tt.want) || !strings.Contains(p.Note, tt.note) {
			t.Errorf("rate %s/%s = %v (%s; note %q), want %v noting %q", tt.place, tt.sex, p.Value, p.Reason, p.Note, tt.want, tt.note)
		}
	}
	if _, ok := r.Get(IndRatePer100k, "C", obs.Female); !ok {
		t.Fatal("no female rate for C")
	}
	// C female: women's population only known for P1, P2 has none → whole population? No:
	// the female population sum is incomplete, so the base falls back to the total.
	p := at(t, r, IndRatePer100k, "C", obs.Female, d12)
	if !p.Value.OK() || !near(p.Value.Num, 18.0*100000/700000) || !strings.Contains(p.Note, "whole population") {
		t.Errorf("rate C female = %v (%s), note %q; want 18 per 700,000 of the whole population", p.Value, p.Reason, p.Note)
	}
	if _, ok := r.Get(IndRatePer100k, "F2a", obs.Total); ok {
		t.Error("a rate for F2a, which has no population")
	}
}

func TestNoRateWithoutPopulation(t *testing.T) {
	r := run(t, facilities().os, Options{Places: testPlaces(t)})
	for _, s := range r.Series {
		if s.Indicator == IndRatePer100k {
			t.Fatalf("rate series %s/%s without population observations", s.Place, s.Breakdown)
		}
	}
}

func TestRunRejectsMalformedDate(t *testing.T) {
	tb := &tab{}
	tb.pris("2012", "F1a", obs.Total, 1)
	_, err := Run(tb.os, Options{})
	if err == nil || !strings.Contains(err.Error(), "t.xlsx:2012!A1") {
		t.Errorf("Run with date 2012 = %v, want an error naming the cell", err)
	}
}

func TestNoShareOrDifferenceAcrossLevels(t *testing.T) {
	// The country's own total (from a national table) against women summed
	// over prisons: the coverage may differ, so neither the share nor
	// male = total − female is computed.
	tb := &tab{}
	tb.pris(d12, "C", obs.Total, 1000)
	tb.pris(d12, "F1a", obs.Female, 10).pris(d12, "F2a", obs.Female, 5)
	r := run(t, tb.os, Options{Places: testPlaces(t)})
	for _, c := range []struct{ ind, bd string }{{IndFemaleShare, ""}, {IndPrisoners, obs.Male}} {
		p := at(t, r, c.ind, "C", c.bd, d12)
		if p.Value.OK() || !strings.Contains(p.Reason, "different levels") {
			t.Errorf("%s/C/%s = %v (reason %q), want absent: counts from different levels", c.ind, c.bd, p.Value, p.Reason)
		}
	}
	if got := at(t, r, IndPrisoners, "C", obs.Female, d12).Value.Num; got != 15 {
		t.Errorf("C female = %v, want the sum 15 (the count itself is fine)", got)
	}
}
