package check

import (
	"testing"

	"github.com/prisonstats/prisonstats/internal/finding"
	"github.com/prisonstats/prisonstats/internal/obs"
	"github.com/prisonstats/prisonstats/internal/places"
)

func TestCheckRejectsNegativeAndFractionalCounts(t *testing.T) {
	tests := []struct {
		name string
		in   []obs.Observation
		want []want
	}{
		{"negative count", []obs.Observation{ob("D7", -3)}, []want{{finding.ConstraintError, finding.Error, "D7"}}},
		{"fractional count", []obs.Observation{ob("D7", 2.5)}, []want{{finding.ConstraintError, finding.Error, "D7"}}},
		{"fractional pregnant", []obs.Observation{ob("L7", 0.5, measure(obs.Pregnant))}, []want{{finding.ConstraintError, finding.Error, "L7"}}},
		{"negative rate", []obs.Observation{ob("D7", -6.52, measure(obs.PrisonersRate))}, []want{{finding.ConstraintError, finding.Error, "D7"}}},
		{"rate with decimals", []obs.Observation{ob("D7", 6.52, measure(obs.PrisonersRate))}, nil},
		{"zero", []obs.Observation{ob("D7", 0)}, nil},
		{"whole count", []obs.Observation{ob("D7", 21989)}, nil},
		{"not available", []obs.Observation{ob("D7", 0, missing(obs.NotAvailable))}, nil},
		{"unknown measure", []obs.Observation{ob("D7", 2.5, measure("prisoners_per_cell"))}, []want{{finding.ConstraintError, finding.Warning, "D7"}}},
		{"unknown measure twice is one warning at the first cell", []obs.Observation{
			ob("D7", 1, measure("inmates")), ob("D8", 2, measure("inmates"), place("KH-1"))},
			[]want{{finding.ConstraintError, finding.Warning, "D7"}}},
		{"unknown sex", []obs.Observation{ob("D7", 1, sex("F"))}, []want{{finding.ConstraintError, finding.Warning, "D7"}}},
		{"unknown status", []obs.Observation{ob("D7", 1, status("remand"))}, []want{{finding.ConstraintError, finding.Warning, "D7"}}},
		{"unknown age", []obs.Observation{ob("D7", 1, age("Y18-20"))}, []want{{finding.ConstraintError, finding.Warning, "D7"}}},
		{"date not a date", []obs.Observation{ob("D7", 1, date("2012"))}, []want{{finding.ConstraintError, finding.Error, "D7"}}},
	}
	for _, tt := range tests {
		expect(t, tt.name, tt.in, Options{}, tt.want, finding.ConstraintError)
	}
}

func TestCheckFlagsYear1013(t *testing.T) {
	opt := Options{MinYear: 1950, MaxYear: 2026}
	capacity := func(cell, d string) obs.Observation {
		return ob(cell, 30000, measure(obs.Capacity), place("MAR"), date(d))
	}
	tests := []struct {
		name string
		in   []obs.Observation
		opt  Options
		want []want
	}{
		{"UNODC Morocco capacity 1013", []obs.Observation{capacity("D9", "2012-12-31"), capacity("D10", "1013-12-31")}, opt,
			[]want{{finding.Implausible, finding.Warning, "D10"}}},
		{"future year", []obs.Observation{capacity("D10", "2031-12-31")}, opt, []want{{finding.Implausible, finding.Warning, "D10"}}},
		{"bounds are inclusive", []obs.Observation{capacity("D9", "1950-01-01"), capacity("D10", "2026-12-31")}, opt, nil},
		{"no bounds, no finding", []obs.Observation{capacity("D10", "1013-12-31")}, Options{}, nil},
	}
	for _, tt := range tests {
		expect(t, tt.name, tt.in, tt.opt, tt.want, finding.Implausible)
	}
}

func TestCheckRejectsPlaceNotInGazetteer(t *testing.T) {
	g, err := places.New([]places.Place{
		{Code: "KH", Level: places.Country, Name: "Cambodia"},
		{Code: "KH-12", Level: places.Province, Parent: "KH", Name: "Phnom Penh"},
	})
	if err != nil {
		t.Fatal(err)
	}
	in := []obs.Observation{ob("D7", 1), ob("D8", 1, place("Phnom Penh")), ob("D9", 1, place("KH")),
		ob("D10", 2, place("Phnom Penh"), sex(obs.Female))}
	expect(t, "with gazetteer", in, Options{Places: g}, []want{{finding.ForeignKey, finding.Error, "D8"}}, finding.ForeignKey)
	expect(t, "without gazetteer", in, Options{}, nil, finding.ForeignKey)
}
