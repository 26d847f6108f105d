package check

import (
	"testing"

	"github.com/prisonstats/prisonstats/internal/finding"
	"github.com/prisonstats/prisonstats/internal/obs"
	"github.com/prisonstats/prisonstats/internal/places"
)

func TestCheckWarnsPlacesNotAddingUpToTotal(t *testing.T) {
	g, err := places.New([]places.Place{
		{Code: "KH", Level: places.Country, Name: "Cambodia"},
		{Code: "KH-12", Level: places.Province, Parent: "KH", Name: "Phnom Penh"},
		{Code: "KH-2", Level: places.Province, Parent: "KH", Name: "Battambang"},
		{Code: "KH-25", Level: places.Province, Parent: "KH", Name: "Tbong Khmum"},
		{Code: "KH-12-CC1", Level: places.Facility, Parent: "KH-12", Name: "CC1"},
		{Code: "KH-12-CC2", Level: places.Facility, Parent: "KH-12", Name: "CC2"},
		{Code: "KH-2-BTB", Level: places.Facility, Parent: "KH-2", Name: "Battambang Provincial Prison"},
		{Code: "KH-25-TBK", Level: places.Facility, Parent: "KH-25", Name: "Tbong Khmum Provincial Prison"},
	})
	if err != nil {
		t.Fatal(err)
	}
	prison := func(cell, code string, v float64, edits ...func(*obs.Observation)) obs.Observation {
		return ob(cell, v, append([]func(*obs.Observation){place(code), sex(obs.Female)}, edits...)...)
	}
	facilities := []obs.Observation{prison("D5", "KH-12-CC1", 300), prison("D6", "KH-12-CC2", 400), prison("D7", "KH-2-BTB", 100)}
	tests := []struct {
		name string
		in   []obs.Observation
		want []want
	}{
		{"Total row adds up (Tbong Khmum not yet open)", append(facilities[:3:3], prison("D9", "KH", 800)), nil},
		{"Total row off by one", append(facilities[:3:3], prison("D9", "KH", 801)),
			[]want{{finding.RowConstraint, finding.Warning, "D9"}}},
		{"province row used where given", append(facilities[:3:3], prison("D8", "KH-12", 700), prison("D9", "KH", 800)), nil},
		{"province row off", append(facilities[:3:3], prison("D8", "KH-12", 650), prison("D9", "KH", 750)),
			[]want{{finding.RowConstraint, finding.Warning, "D8"}}},
		{"a prison not available: no comparison", append(facilities[:3:3],
			prison("D4", "KH-25-TBK", 0, missing(obs.NotAvailable)), prison("D9", "KH", 801)), nil},
		{"another sex is another count", append(facilities[:3:3], prison("D9", "KH", 9000, sex(obs.Total))), nil},
	}
	for _, tt := range tests {
		expect(t, tt.name, tt.in, Options{Places: g}, tt.want, finding.RowConstraint)
	}
	expect(t, "without gazetteer", append(facilities[:3:3], prison("D9", "KH", 801)), Options{}, nil, finding.RowConstraint)
}
