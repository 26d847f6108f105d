package protect

import (
	"math"
	"testing"

	"github.com/prisonstats/prisonstats/internal/compute"
	"github.com/prisonstats/prisonstats/internal/obs"
	"github.com/prisonstats/prisonstats/internal/places"
	"github.com/prisonstats/prisonstats/internal/rules"
)

const day = "2012-12-31"

// testPlaces: KH; KH-1 with facilities A–D; KH-2 with facilities E and F.
func testPlaces(t *testing.T) *places.Gazetteer {
	t.Helper()
	ps := []places.Place{{Code: "KH", Level: places.Country, Name: "Cambodia"}}
	for _, p := range []struct{ code, parent string }{{"KH-1", "KH"}, {"KH-2", "KH"}} {
		ps = append(ps, places.Place{Code: p.code, Level: places.Province, Parent: p.parent, Name: "Province " + p.code})
	}
	for _, f := range []struct{ code, parent string }{
		{"KH-1-A", "KH-1"}, {"KH-1-B", "KH-1"}, {"KH-1-C", "KH-1"}, {"KH-1-D", "KH-1"}, {"KH-2-E", "KH-2"}, {"KH-2-F", "KH-2"},
	} {
		ps = append(ps, places.Place{Code: f.code, Level: places.Facility, Parent: f.parent, Name: "Prison " + f.code})
	}
	g, err := places.New(ps)
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// defaultRules are the rules data/rules.toml ships with.
func defaultRules() *rules.Rules {
	return &rules.Rules{
		ChildAgeLimit: []rules.AgeLimit{{From: "1998-01-01", Years: 6}, {From: "2011-11-14", Years: 3}},
		Disclosure: []rules.Disclosure{
			{Measures: []string{"pregnant", "breastfeeding", "children_in_prison", "children_over_limit", "women_with_children"},
				Levels: []string{"facility", "province"}, Below: 5},
			{Measures: []string{"female_share", "pretrial_share"}, Levels: []string{"facility", "province"}, Below: 5},
		},
	}
}

// na marks a value missing at source in c.
var na = math.NaN()

// pt is one point of a hand-made result.
type pt struct {
	ind, place, bd string
	v              float64 // na: not available
	note           string
}

func c(ind, place, bd string, v float64) pt { return pt{ind: ind, place: place, bd: bd, v: v} }

// result builds a result with one date from points, one series per
// indicator, place and breakdown.
func result(pts ...pt) *compute.Result { return resultOn(day, pts...) }

func resultOn(date string, pts ...pt) *compute.Result {
	res := &compute.Result{Catalogue: compute.Catalogue(), Levels: map[string]string{}}
	idx := map[[3]string]int{}
	for _, p := range pts {
		k := [3]string{p.ind, p.place, p.bd}
		i, ok := idx[k]
		if !ok {
			i = len(res.Series)
			idx[k] = i
			res.Series = append(res.Series, compute.Series{Indicator: p.ind, Place: p.place, Breakdown: p.bd})
		}
		v := obs.Num(p.v)
		reason := ""
		if math.IsNaN(p.v) {
			v, reason = obs.Absent(obs.NotAvailable), "not available in the source"
		}
		res.Series[i].Points = append(res.Series[i].Points, compute.Point{Date: date, Value: v, Reason: reason, Note: p.note,
			Sources: []obs.Source{{File: "x.xlsx", Sheet: "2012", Cell: "B2"}}})
	}
	return res
}

// hiddenAt returns the point of a result, or fails.
func pointOf(t *testing.T, res *compute.Result, ind, place, bd string) compute.Point {
	t.Helper()
	s, ok := res.Get(ind, place, bd)
	if !ok || len(s.Points) == 0 {
		t.Fatalf("no point %s %s %s", ind, place, bd)
	}
	return s.Points[0]
}

func hidden(t *testing.T, res *compute.Result, ind, place, bd string) bool {
	t.Helper()
	p := pointOf(t, res, ind, place, bd)
	return !p.Value.OK() && p.Value.Missing == obs.Suppressed
}

// whyOf returns the report's reason for a cell, or "".
func whyOf(rep *Report, ind, place, bd string) string {
	for _, c := range rep.Suppressed {
		if c.Indicator == ind && c.Place == place && c.Breakdown == bd {
			return c.Why
		}
	}
	return ""
}
