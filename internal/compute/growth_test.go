package compute

import (
	"testing"

	"github.com/prisonstats/prisonstats/internal/obs"
)

func series(vals map[string]float64, absent ...string) Series {
	var s Series
	for _, d := range []string{"2008-12-31", "2009-12-31", "2010-12-31", "2011-12-31", "2012-12-31", "2013-06-30"} {
		if v, ok := vals[d]; ok {
			s.Points = append(s.Points, Point{Date: d, Value: obs.Num(v)})
		}
	}
	for _, d := range absent {
		s.Points = append(s.Points, Point{Date: d, Value: obs.Absent(obs.NotAvailable)})
	}
	return s
}

func TestGrowthAndCAGR(t *testing.T) {
	s := series(map[string]float64{"2008-12-31": 820, "2012-12-31": 1624, "2013-06-30": 1700, "2009-12-31": 0}, "2010-12-31")
	tests := []struct {
		name, from, to string
		f              func(Series, string, string) (float64, bool)
		want           float64
		ok             bool
	}{
		{"growth by year", "2008", "2012", Growth, 98.04878048780488, true},
		{"growth by date", "2008-12-31", "2012-12-31", Growth, 98.04878048780488, true},
		{"growth down", "2012", "2008", Growth, -49.50738916256158, true},
		{"growth from zero", "2009", "2012", Growth, 0, false},
		{"growth to absent", "2008", "2010", Growth, 0, false},
		{"growth to missing year", "2008", "2011", Growth, 0, false},
		{"cagr 4 years", "2008", "2012", CAGR, 18.629593744064543, true},
		{"cagr half year", "2012-12-31", "2013-06-30", CAGR, 9.66843, true}, // 181 days,
		{"cagr backwards", "2012", "2008", CAGR, 0, false},
		{"cagr from zero", "2009", "2012", CAGR, 0, false},
	}
	for _, tt := range tests {
		got, ok := tt.f(s, tt.from, tt.to)
		if ok != tt.ok || (ok && !closeTo(got, tt.want, 1e-3)) {
			t.Errorf("%s: (%s, %s) = %v, %v, want %v, %v", tt.name, tt.from, tt.to, got, ok, tt.want, tt.ok)
		}
	}
}

func closeTo(a, b, eps float64) bool { return a-b < eps && b-a < eps }

func TestGapFree(t *testing.T) {
	full := series(map[string]float64{"2008-12-31": 1, "2009-12-31": 1, "2010-12-31": 1, "2012-12-31": 1})
	withAbsent := series(map[string]float64{"2008-12-31": 1, "2010-12-31": 1}, "2009-12-31")
	tests := []struct {
		name        string
		ss          []Series
		first, last int
		ok          bool
	}{
		{"missing 2011 ends the run", []Series{full}, 2008, 2010, true},
		{"an absent 2009 ends the run", []Series{withAbsent}, 2008, 2008, true},
		{"both series must be present", []Series{full, withAbsent}, 2008, 2008, true},
		{"nothing", []Series{{}}, 0, 0, false},
	}
	for _, tt := range tests {
		f, l, ok := gapFree(tt.ss...)
		if f != tt.first || l != tt.last || ok != tt.ok {
			t.Errorf("%s: gapFree = %d, %d, %v, want %d, %d, %v", tt.name, f, l, ok, tt.first, tt.last, tt.ok)
		}
	}
}

func TestPrisonersIndex(t *testing.T) {
	tb := &tab{}
	tb.add("2008-12-31", "F1a", obs.Female, obs.Total, obs.Prisoners, "", obs.Absent(obs.NotAvailable))
	tb.pris("2009-12-31", "F1a", obs.Female, 80).pris("2010-12-31", "F1a", obs.Female, 100).pris("2011-12-31", "F1a", obs.Female, 60)
	for _, y := range []string{"2008", "2009", "2010", "2011"} {
		tb.pris(y+"-12-31", "F1a", obs.Total, 1000)
	}
	r := run(t, tb.os, Options{Places: testPlaces(t)})
	s := mustGet(t, r, IndPrisonersIndex, "F1a", obs.Female)
	if s.Note != "2009 = 100" {
		t.Errorf("index note = %q, want the first year with data, 2009 = 100", s.Note)
	}
	want := map[string]float64{"2009-12-31": 100, "2010-12-31": 125, "2011-12-31": 75}
	for _, p := range s.Points {
		w, ok := want[p.Date]
		switch {
		case !ok && p.Value.OK():
			t.Errorf("index on %s = %v, want absent (before the base year)", p.Date, p.Value)
		case ok && (!p.Value.OK() || !near(p.Value.Num, w)):
			t.Errorf("index on %s = %v, want %v", p.Date, p.Value, w)
		}
	}
	m := mustGet(t, r, IndPrisonersIndex, "F1a", obs.Male) // 1000 − 80 = 920 base
	if got := m.Points[2].Value.Num; m.Note != "2009 = 100" || !near(got, 900.0/920*100) {
		t.Errorf("male index 2010 = %v (%s), want 900 ÷ 920 × 100 based 2009", got, m.Note)
	}
}
