package compute

import (
	"fmt"
	"math"
	"testing"

	"github.com/prisonstats/prisonstats/internal/i18n"
	"github.com/prisonstats/prisonstats/internal/obs"
	"github.com/prisonstats/prisonstats/internal/places"
	"github.com/prisonstats/prisonstats/internal/rules"
)

// testPlaces: country C; provinces P1 (facilities F1a, F1b) and P2 (F2a).
func testPlaces(t *testing.T) *places.Gazetteer {
	t.Helper()
	g, err := places.New([]places.Place{
		{Code: "C", Level: places.Country, Name: "Testland", NameKm: "ប្រទេសសាកល្បង", Aliases: []string{"TST"}},
		{Code: "P1", Level: places.Province, Parent: "C", Name: "North", NameKm: "ខេត្តខាងជើង"},
		{Code: "P2", Level: places.Province, Parent: "C", Name: "South", NameKm: "ខេត្តខាងត្បូង"},
		{Code: "F1a", Level: places.Facility, Parent: "P1", Name: "North Prison A"},
		{Code: "F1b", Level: places.Facility, Parent: "P1", Name: "North Prison B"},
		{Code: "F2a", Level: places.Facility, Parent: "P2", Name: "South Prison"},
	})
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func testRules() *rules.Rules {
	return &rules.Rules{ChildAgeLimit: []rules.AgeLimit{
		{From: "1998-01-01", Years: 6, Law: "old law"},
		{From: "2011-11-14", Years: 3, Law: "Law on Prisons (2011)"},
	}}
}

// tab builds observations; each gets its own cell so sources can be counted.
type tab struct{ os []obs.Observation }

func (tb *tab) add(date, place, sex, status, measure, cat string, v obs.Value) *tab {
	n := len(tb.os) + 1
	tb.os = append(tb.os, obs.Observation{Date: date, Place: place, Sex: sex, Status: status, Age: obs.Total,
		Measure: measure, Category: cat, Value: v,
		Source: obs.Source{File: "t.xlsx", Sheet: date[:4], Cell: fmt.Sprintf("A%d", n)}})
	return tb
}

// pris adds prisoners (status total) of one sex.
func (tb *tab) pris(date, place, sex string, v float64) *tab {
	return tb.add(date, place, sex, obs.Total, obs.Prisoners, "", obs.Num(v))
}

// m adds a measure counted with sex total (or female where given).
func (tb *tab) m(date, place, sex, measure, cat string, v float64) *tab {
	return tb.add(date, place, sex, obs.Total, measure, cat, obs.Num(v))
}

func run(t *testing.T, os []obs.Observation, opt Options) *Result {
	t.Helper()
	r, err := Run(os, opt)
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	return r
}

func catalog(t *testing.T) *i18n.Catalog {
	t.Helper()
	c, err := i18n.Load("../../i18n")
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// at returns the point of a series on a date, failing the test if absent.
func at(t *testing.T, r *Result, ind, place, bd, date string) Point {
	t.Helper()
	s, ok := r.Get(ind, place, bd)
	if !ok {
		t.Fatalf("no series %s/%s/%q", ind, place, bd)
	}
	p, ok := pointAt(s, date)
	if !ok {
		t.Fatalf("series %s/%s/%q has no point on %s", ind, place, bd, date)
	}
	return p
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }
