package check

import (
	"testing"

	"github.com/prisonstats/prisonstats/internal/finding"
	"github.com/prisonstats/prisonstats/internal/obs"
)

func TestCheckRejectsPregnantAboveFemalePrisoners(t *testing.T) {
	female := ob("D7", 10, sex(obs.Female))
	tests := []struct {
		name string
		in   []obs.Observation
		want []want
	}{
		{"pregnant above female", []obs.Observation{female, ob("L7", 11, sex(obs.Female), measure(obs.Pregnant))},
			[]want{{finding.RowConstraint, finding.Error, "L7"}}},
		{"breastfeeding above female", []obs.Observation{female, ob("M7", 12, sex(obs.Female), measure(obs.Breastfeeding))},
			[]want{{finding.RowConstraint, finding.Error, "M7"}}},
		{"women with children above female", []obs.Observation{female, ob("R7", 13, sex(obs.Female), measure(obs.WomenWithChildren))},
			[]want{{finding.RowConstraint, finding.Error, "R7"}}},
		{"pregnant given before the female count", []obs.Observation{ob("L7", 11, sex(obs.Female), measure(obs.Pregnant)), female},
			[]want{{finding.RowConstraint, finding.Error, "D7"}}},
		{"pregnant coded sex total still compares with women", []obs.Observation{female, ob("L7", 11, measure(obs.Pregnant))},
			[]want{{finding.RowConstraint, finding.Error, "L7"}}},
		{"pregnant equal to female", []obs.Observation{female, ob("L7", 10, sex(obs.Female), measure(obs.Pregnant))}, nil},
		{"pregnant elsewhere", []obs.Observation{female, ob("L7", 11, sex(obs.Female), measure(obs.Pregnant), place("KH-1"))}, nil},
		{"pregnant compared with male prisoners: no", []obs.Observation{
			ob("E7", 1, sex(obs.Male)), ob("L7", 3, sex(obs.Female), measure(obs.Pregnant))}, nil},
	}
	for _, tt := range tests {
		expect(t, tt.name, tt.in, Options{}, tt.want, finding.RowConstraint)
	}
}

func TestCheckWarnsMoreChildrenThanWomen(t *testing.T) {
	kids := func(cell string, v float64, edits ...func(*obs.Observation)) obs.Observation {
		return ob(cell, v, append([]func(*obs.Observation){measure(obs.ChildrenInPrison)}, edits...)...)
	}
	tests := []struct {
		name string
		in   []obs.Observation
		want []want
	}{
		{"Brazil's outlier: 698 children, 61 women", []obs.Observation{ob("D7", 61, sex(obs.Female)), kids("N7", 698)},
			[]want{{finding.RowConstraint, finding.Warning, "N7"}}},
		{"age bands summed", []obs.Observation{ob("D7", 5, sex(obs.Female)),
			kids("N7", 2, cat("under_1")), kids("O7", 2, cat("1_2")), kids("P7", 1, cat("2_3")), kids("Q7", 1, cat("over_3"))},
			[]want{{finding.RowConstraint, finding.Warning, "Q7"}}},
		{"bands within the women", []obs.Observation{ob("D7", 6, sex(obs.Female)),
			kids("N7", 2, cat("under_1")), kids("O7", 2, cat("1_2")), kids("P7", 1, cat("2_3")), kids("Q7", 1, cat("over_3"))}, nil},
		{"children fewer than women", []obs.Observation{ob("D7", 61, sex(obs.Female)), kids("N7", 20)}, nil},
		{"no female count", []obs.Observation{ob("F7", 61), kids("N7", 698)}, nil},
		{"more women with children than children", []obs.Observation{ob("D7", 61, sex(obs.Female)),
			kids("N7", 3), ob("R7", 5, sex(obs.Female), measure(obs.WomenWithChildren))},
			[]want{{finding.RowConstraint, finding.Warning, "R7"}}},
		{"women with children, each with one or more", []obs.Observation{ob("D7", 61, sex(obs.Female)),
			kids("N7", 7), ob("R7", 5, sex(obs.Female), measure(obs.WomenWithChildren))}, nil},
	}
	for _, tt := range tests {
		expect(t, tt.name, tt.in, Options{}, tt.want, finding.RowConstraint)
	}
}
