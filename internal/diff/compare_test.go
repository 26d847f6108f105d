package diff

import (
	"slices"
	"testing"

	"github.com/prisonstats/prisonstats/internal/obs"
)

// o makes a total observation of measure at place and date, read from cell.
func o(date, place, measure string, v obs.Value, cell string) obs.Observation {
	return obs.Observation{Date: date, Place: place, Sex: obs.Female, Status: obs.Total, Age: obs.Total,
		Measure: measure, Value: v, Source: obs.Source{File: "data/raw/a.xlsx", Sheet: date[:4], Cell: cell}}
}

func TestCompare(t *testing.T) {
	const p = obs.Prisoners
	base := []obs.Observation{
		o("2014-12-31", "KH-1", p, obs.Num(10), "D7"),
		o("2014-12-31", "KH-2", p, obs.Num(20), "D8"),
	}
	tests := []struct {
		name     string
		old, new []obs.Observation
		want     Summary
	}{
		{"same data", base, base, Summary{OldCount: 2, NewCount: 2}},
		{"revised value old → new with both cells", base, []obs.Observation{
			o("2014-12-31", "KH-1", p, obs.Num(12), "E7"),
			o("2014-12-31", "KH-2", p, obs.Num(20), "D8"),
		}, Summary{OldCount: 2, NewCount: 2, Revised: []Revision{{
			Key: o("2014-12-31", "KH-1", p, obs.Num(0), "").Key(), Old: obs.Num(10), New: obs.Num(12),
			OldSource: obs.Source{File: "data/raw/a.xlsx", Sheet: "2014", Cell: "D7"},
			NewSource: obs.Source{File: "data/raw/a.xlsx", Sheet: "2014", Cell: "E7"},
		}}}},
		{"a cell that moved is not a revision", base, []obs.Observation{
			o("2014-12-31", "KH-1", p, obs.Num(10), "Z9"),
			o("2014-12-31", "KH-2", p, obs.Num(20), "D8"),
		}, Summary{OldCount: 2, NewCount: 2}},
		{"blank to zero is a revision", []obs.Observation{o("2014-12-31", "KH-1", p, obs.Absent(obs.Blank), "D7")},
			[]obs.Observation{o("2014-12-31", "KH-1", p, obs.Num(0), "D7")},
			Summary{OldCount: 1, NewCount: 1, Revised: []Revision{{
				Key: o("2014-12-31", "KH-1", p, obs.Num(0), "").Key(), Old: obs.Absent(obs.Blank), New: obs.Num(0),
				OldSource: obs.Source{File: "data/raw/a.xlsx", Sheet: "2014", Cell: "D7"},
				NewSource: obs.Source{File: "data/raw/a.xlsx", Sheet: "2014", Cell: "D7"},
			}}}},
		{"new period", base, append(slices.Clone(base),
			o("2015-12-31", "KH-1", p, obs.Num(11), "D7"),
			o("2015-12-31", "KH-2", p, obs.Num(21), "D8"),
		), Summary{OldCount: 2, NewCount: 4, Added: 2, NewPeriods: []string{"2015-12-31"}}},
		{"vanished place", base, base[:1],
			Summary{OldCount: 2, NewCount: 1, Removed: 1, VanishedPlaces: []string{"KH-2"}}},
		{"new place and new measure", base, append(slices.Clone(base),
			o("2014-12-31", "KH-3", obs.Pregnant, obs.Num(1), "F9"),
		), Summary{OldCount: 2, NewCount: 3, Added: 1, NewPlaces: []string{"KH-3"}, NewMeasures: []string{obs.Pregnant}}},
		{"vanished measure and period", append(slices.Clone(base),
			o("2013-12-31", "KH-1", obs.Capacity, obs.Num(50), "C7"),
		), base, Summary{OldCount: 3, NewCount: 2, Removed: 1, VanishedPeriods: []string{"2013-12-31"}, VanishedMeasures: []string{obs.Capacity}}},
		{"a repeated key counts once, the first value", base, append(slices.Clone(base),
			o("2014-12-31", "KH-1", p, obs.Num(99), "D30"),
		), Summary{OldCount: 2, NewCount: 2}},
		{"first release", nil, base,
			Summary{NewCount: 2, Added: 2, NewPeriods: []string{"2014-12-31"}, NewPlaces: []string{"KH-1", "KH-2"}, NewMeasures: []string{p}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Compare(tt.old, tt.new)
			if !equal(got, tt.want) {
				t.Errorf("Compare =\n%+v\nwant\n%+v", got, tt.want)
			}
		})
	}
}

func TestCompareSortsRevisionsByMeasurePlaceDate(t *testing.T) {
	old := []obs.Observation{
		o("2015-12-31", "KH-2", obs.Prisoners, obs.Num(1), "A1"),
		o("2014-12-31", "KH-2", obs.Prisoners, obs.Num(1), "A2"),
		o("2014-12-31", "KH-1", obs.Prisoners, obs.Num(1), "A3"),
		o("2014-12-31", "KH-9", obs.Capacity, obs.Num(1), "A4"),
	}
	var new []obs.Observation
	for _, x := range old {
		x.Value = obs.Num(2)
		new = append(new, x)
	}
	var got []string
	for _, r := range Compare(old, new).Revised {
		got = append(got, r.Key.Measure+" "+r.Key.Place+" "+r.Key.Date)
	}
	want := []string{"capacity KH-9 2014-12-31", "prisoners KH-1 2014-12-31", "prisoners KH-2 2014-12-31", "prisoners KH-2 2015-12-31"}
	if !slices.Equal(got, want) {
		t.Errorf("revisions in order %q, want %q", got, want)
	}
}

// equal compares summaries field by field, nil and empty lists alike.
func equal(a, b Summary) bool {
	return a.Old == b.Old && a.New == b.New && a.Date == b.Date &&
		a.OldCount == b.OldCount && a.NewCount == b.NewCount && a.Added == b.Added && a.Removed == b.Removed &&
		slices.Equal(a.NewPeriods, b.NewPeriods) && slices.Equal(a.VanishedPeriods, b.VanishedPeriods) &&
		slices.Equal(a.NewPlaces, b.NewPlaces) && slices.Equal(a.VanishedPlaces, b.VanishedPlaces) &&
		slices.Equal(a.NewMeasures, b.NewMeasures) && slices.Equal(a.VanishedMeasures, b.VanishedMeasures) &&
		slices.Equal(a.Revised, b.Revised)
}
