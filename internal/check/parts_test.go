package check

import (
	"testing"

	"github.com/prisonstats/prisonstats/internal/finding"
	"github.com/prisonstats/prisonstats/internal/obs"
)

func TestCheckRejectsFemaleAboveTotal(t *testing.T) {
	tests := []struct {
		name string
		in   []obs.Observation
		want []want
	}{
		{"female above total, total later", []obs.Observation{ob("D7", 1700, sex(obs.Female)), ob("F7", 1624)},
			[]want{{finding.RowConstraint, finding.Error, "F7"}}},
		{"female above total, female later", []obs.Observation{ob("F7", 1624), ob("D7", 1700, sex(obs.Female))},
			[]want{{finding.RowConstraint, finding.Error, "D7"}}},
		{"male above total", []obs.Observation{ob("E7", 1700, sex(obs.Male)), ob("F7", 1624)},
			[]want{{finding.RowConstraint, finding.Error, "F7"}}},
		{"female equal to total", []obs.Observation{ob("D7", 1624, sex(obs.Female)), ob("F7", 1624)}, nil},
		{"female below total", []obs.Observation{ob("D7", 1600, sex(obs.Female)), ob("F7", 1624)}, nil},
		{"total not available", []obs.Observation{ob("D7", 1700, sex(obs.Female)), ob("F7", 0, missing(obs.NotAvailable))}, nil},
		{"another place's total", []obs.Observation{ob("D7", 1700, sex(obs.Female)), ob("F7", 1624, place("KH-1"))}, nil},
		{"another date's total", []obs.Observation{ob("D7", 1700, sex(obs.Female)), ob("F7", 1624, date("2011-12-31"))}, nil},
		{"rates are not counts", []obs.Observation{
			ob("D7", 120, sex(obs.Male), measure(obs.PrisonersRate)), ob("F7", 110, measure(obs.PrisonersRate))}, nil},
	}
	for _, tt := range tests {
		expect(t, tt.name, tt.in, Options{}, tt.want, finding.RowConstraint)
	}
}

func TestCheckRejectsPartAboveTotalInOtherBreakdowns(t *testing.T) {
	tests := []struct {
		name string
		in   []obs.Observation
		want []want
	}{
		{"female pretrial above female total", []obs.Observation{
			ob("D7", 100, sex(obs.Female)), ob("G7", 120, sex(obs.Female), status(obs.Pretrial))},
			[]want{{finding.RowConstraint, finding.Error, "G7"}}},
		{"pretrial above total, both sexes", []obs.Observation{
			ob("F7", 1000), ob("H7", 1200, status(obs.Pretrial))},
			[]want{{finding.RowConstraint, finding.Error, "H7"}}},
		{"female pretrial against the all-sex pretrial is fine", []obs.Observation{
			ob("G7", 90, sex(obs.Female), status(obs.Pretrial)), ob("H7", 900, status(obs.Pretrial))}, nil},
		{"sentenced above total", []obs.Observation{ob("F7", 1000), ob("J7", 1001, status(obs.Sentenced))},
			[]want{{finding.RowConstraint, finding.Error, "J7"}}},
		{"juvenile above total", []obs.Observation{ob("F7", 10), ob("J7", 11, age(obs.Juvenile))},
			[]want{{finding.RowConstraint, finding.Error, "J7"}}},
		{"a release mechanism above all releases", []obs.Observation{
			ob("C2", 10, measure(obs.Releases), sex(obs.Female)),
			ob("C3", 12, measure(obs.Releases), sex(obs.Female), cat("royal_pardon"))},
			[]want{{finding.RowConstraint, finding.Error, "C3"}}},
	}
	for _, tt := range tests {
		expect(t, tt.name, tt.in, Options{}, tt.want, finding.RowConstraint)
	}
}

func TestCheckWarnsSexesNotAddingUp(t *testing.T) {
	brazil := func(cell string, v float64, s string) obs.Observation {
		return ob(cell, v, sex(s), place("BRA"), date("2019-12-31"))
	}
	tests := []struct {
		name string
		in   []obs.Observation
		want []want
	}{
		{"Brazil 2019: F + M is 70 short", []obs.Observation{
			brazil("B1", 755274, obs.Total), brazil("B2", 37197, obs.Female), brazil("B3", 718007, obs.Male)},
			[]want{{finding.RowConstraint, finding.Warning, "B1"}}},
		{"over the total", []obs.Observation{
			brazil("B1", 100, obs.Total), brazil("B2", 60, obs.Female), brazil("B3", 50, obs.Male)},
			[]want{{finding.RowConstraint, finding.Warning, "B1"}}},
		{"adding up", []obs.Observation{
			brazil("B1", 755204, obs.Total), brazil("B2", 37197, obs.Female), brazil("B3", 718007, obs.Male)}, nil},
		{"male missing", []obs.Observation{
			brazil("B1", 755274, obs.Total), brazil("B2", 37197, obs.Female), brazil("B3", 0, obs.Male)}[:2], nil},
		{"male not available", []obs.Observation{
			brazil("B1", 755274, obs.Total), brazil("B2", 37197, obs.Female), ob("B3", 0, sex(obs.Male), place("BRA"), date("2019-12-31"), missing(obs.NotAvailable))}, nil},
		{"female above total is the error only", []obs.Observation{
			brazil("B1", 100, obs.Total), brazil("B2", 120, obs.Female), brazil("B3", 10, obs.Male)},
			[]want{{finding.RowConstraint, finding.Error, "B2"}}},
	}
	for _, tt := range tests {
		expect(t, tt.name, tt.in, Options{}, tt.want, finding.RowConstraint)
	}
}

func TestCheckWarnsStatusNotAddingUp(t *testing.T) {
	tests := []struct {
		name string
		in   []obs.Observation
		want []want
	}{
		{"female pretrial + sentenced short of female total", []obs.Observation{
			ob("D7", 100, sex(obs.Female)), ob("G7", 40, sex(obs.Female), status(obs.Pretrial)),
			ob("I7", 50, sex(obs.Female), status(obs.Sentenced))},
			[]want{{finding.RowConstraint, finding.Warning, "D7"}}},
		{"adding up for both sexes", []obs.Observation{
			ob("D7", 100, sex(obs.Female)), ob("G7", 40, sex(obs.Female), status(obs.Pretrial)),
			ob("I7", 60, sex(obs.Female), status(obs.Sentenced)),
			ob("F7", 1000), ob("H7", 400, status(obs.Pretrial)), ob("J7", 600, status(obs.Sentenced))}, nil},
		{"sentenced of another sex does not count", []obs.Observation{
			ob("D7", 100, sex(obs.Female)), ob("G7", 40, sex(obs.Female), status(obs.Pretrial)),
			ob("J7", 60, status(obs.Sentenced))}, nil},
	}
	for _, tt := range tests {
		expect(t, tt.name, tt.in, Options{}, tt.want, finding.RowConstraint)
	}
}

func TestCheckDoesNotSumAgeGroups(t *testing.T) {
	// England and Wales: 18-20 year olds are neither adult nor juvenile.
	in := []obs.Observation{ob("B5", 80659), ob("B6", 70000, age(obs.Adult)), ob("B7", 500, age(obs.Juvenile))}
	expect(t, "age groups with a gap", in, Options{}, nil, finding.RowConstraint)
}
