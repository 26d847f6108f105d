package check

import (
	"testing"

	"github.com/prisonstats/prisonstats/internal/finding"
	"github.com/prisonstats/prisonstats/internal/obs"
)

// ob makes an observation of prisoners in KH-12 on 2012-12-31, sex total,
// status total, age total, from cell S!cell of t.xlsx; edits change fields.
func ob(cell string, v float64, edits ...func(*obs.Observation)) obs.Observation {
	o := obs.Observation{
		Date: "2012-12-31", Place: "KH-12", Sex: obs.Total, Status: obs.Total, Age: obs.Total,
		Measure: obs.Prisoners, Value: obs.Num(v),
		Source: obs.Source{File: "t.xlsx", Sheet: "S", Cell: cell},
	}
	for _, e := range edits {
		e(&o)
	}
	return o
}

func sex(s string) func(*obs.Observation)     { return func(o *obs.Observation) { o.Sex = s } }
func status(s string) func(*obs.Observation)  { return func(o *obs.Observation) { o.Status = s } }
func age(s string) func(*obs.Observation)     { return func(o *obs.Observation) { o.Age = s } }
func measure(s string) func(*obs.Observation) { return func(o *obs.Observation) { o.Measure = s } }
func cat(s string) func(*obs.Observation)     { return func(o *obs.Observation) { o.Category = s } }
func date(s string) func(*obs.Observation)    { return func(o *obs.Observation) { o.Date = s } }
func place(s string) func(*obs.Observation)   { return func(o *obs.Observation) { o.Place = s } }
func missing(m obs.Missing) func(*obs.Observation) {
	return func(o *obs.Observation) { o.Value = obs.Absent(m) }
}

// want is a finding expected by code, severity and cell.
type want struct {
	code string
	sev  finding.Severity
	cell string
}

// only returns the findings with one of the codes, as wants.
func only(l finding.List, codes ...string) []want {
	var out []want
	for _, f := range l {
		for _, c := range codes {
			if f.Code == c {
				out = append(out, want{f.Code, f.Severity, f.Source.Cell})
			}
		}
	}
	return out
}

// expect runs check over in and compares the findings with the given codes
// against ws, in order (Run sorts).
func expect(t *testing.T, name string, in []obs.Observation, opt Options, ws []want, codes ...string) {
	t.Helper()
	l := Run(in, opt)
	got := only(l, codes...)
	if len(got) != len(ws) {
		t.Errorf("%s: got %d findings %v, want %v\nall: %v", name, len(got), got, ws, l)
		return
	}
	for i := range ws {
		if got[i] != ws[i] {
			t.Errorf("%s: finding %d = %v, want %v\nall: %v", name, i, got[i], ws[i], l)
		}
	}
}
