package check

import (
	"strings"
	"testing"

	"github.com/prisonstats/prisonstats/internal/finding"
	"github.com/prisonstats/prisonstats/internal/obs"
)

func TestCheckReportsConflictingDuplicate(t *testing.T) {
	unodc := func(cell string, v float64, edits ...func(*obs.Observation)) obs.Observation {
		o := ob(cell, v, append(edits, place("KHM"), date("2018-12-31"))...)
		o.Source = obs.Source{File: "unodc.xlsx", Sheet: "data_cts_prisons_and_prisoners", Cell: cell}
		return o
	}
	tests := []struct {
		name string
		in   []obs.Observation
		want []want
	}{
		{"Cambodia 2018: 31,008 and 490", []obs.Observation{unodc("M20", 31008), unodc("M21", 490)},
			[]want{{finding.PrimaryKey, finding.Error, "M21"}}},
		{"same value twice", []obs.Observation{unodc("M20", 490), unodc("M21", 490)},
			[]want{{finding.DuplicateRow, finding.Warning, "M21"}}},
		{"blank and a number", []obs.Observation{unodc("M20", 0, missing(obs.Blank)), unodc("M21", 490)},
			[]want{{finding.PrimaryKey, finding.Error, "M21"}}},
		{"zero is not blank", []obs.Observation{unodc("M20", 0), unodc("M21", 0, missing(obs.Blank))},
			[]want{{finding.PrimaryKey, finding.Error, "M21"}}},
		{"three times: each later one", []obs.Observation{unodc("M20", 490), unodc("M21", 490), unodc("M22", 31008)},
			[]want{{finding.PrimaryKey, finding.Error, "M22"}, {finding.DuplicateRow, finding.Warning, "M21"}}},
		{"different sex is another key", []obs.Observation{unodc("M20", 31008), unodc("M21", 490, sex(obs.Female))}, nil},
		{"different category is another key", []obs.Observation{unodc("M20", 3, cat("under_1")), unodc("M21", 4, cat("1_2"))}, nil},
	}
	for _, tt := range tests {
		expect(t, tt.name, tt.in, Options{}, tt.want, finding.PrimaryKey, finding.DuplicateRow)
	}
}

// The message is what a person reads to fix the data: it must name both
// cells and both values.
func TestConflictMessageNamesBothCellsAndValues(t *testing.T) {
	a := ob("M20", 31008, place("KHM"), date("2018-12-31"))
	b := ob("M21", 490, place("KHM"), date("2018-12-31"))
	l := Run([]obs.Observation{a, b}, Options{})
	if len(l) != 1 {
		t.Fatalf("Run = %v, want one finding", l)
	}
	msg := l[0].Error()
	for _, s := range []string{"t.xlsx:S!M21", "t.xlsx:S!M20", "31,008", "490"} {
		if !strings.Contains(msg, s) {
			t.Errorf("message %q does not name %s", msg, s)
		}
	}
}

func TestConflictingKeyIsLeftOutOfOtherRules(t *testing.T) {
	in := []obs.Observation{
		ob("D7", 100, sex(obs.Female)), ob("D8", 900, sex(obs.Female)), // conflict
		ob("F7", 500), // total: the female 900 would be above it
		ob("D6", 100, sex(obs.Female), date("2011-12-31")),
	}
	opt := Options{MaxChange: 1, MinChangeBase: 1}
	expect(t, "conflict", in, opt, []want{{finding.PrimaryKey, finding.Error, "D8"}},
		finding.PrimaryKey, finding.RowConstraint, finding.Implausible)
}
