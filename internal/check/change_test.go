package check

import (
	"testing"

	"github.com/prisonstats/prisonstats/internal/finding"
	"github.com/prisonstats/prisonstats/internal/obs"
)

func TestCheckWarnsImplausibleChange(t *testing.T) {
	opt := Options{MaxChange: 1, MinChangeBase: 100}
	year := func(cell, d string, v float64, edits ...func(*obs.Observation)) obs.Observation {
		return ob(cell, v, append(edits, date(d))...)
	}
	tests := []struct {
		name string
		in   []obs.Observation
		opt  Options
		want []want
	}{
		{"more than doubles", []obs.Observation{year("D7", "2011-12-31", 1000), year("D8", "2012-12-31", 2001)}, opt,
			[]want{{finding.Implausible, finding.Warning, "D8"}}},
		{"exactly doubles", []obs.Observation{year("D7", "2011-12-31", 1000), year("D8", "2012-12-31", 2000)}, opt, nil},
		{"falls below half", []obs.Observation{year("D7", "2017-12-31", 31008), year("D8", "2018-12-31", 490)}, opt,
			[]want{{finding.Implausible, finding.Warning, "D8"}}},
		{"the later year is flagged whatever the input order", []obs.Observation{year("D8", "2012-12-31", 2500), year("D7", "2011-12-31", 1000)}, opt,
			[]want{{finding.Implausible, finding.Warning, "D8"}}},
		{"up from zero", []obs.Observation{year("D7", "2011-12-31", 0), year("D8", "2012-12-31", 150)}, opt,
			[]want{{finding.Implausible, finding.Warning, "D8"}}},
		{"98% in four years is not one year", []obs.Observation{year("D7", "2008-12-31", 820), year("D8", "2012-12-31", 1624)}, opt, nil},
		{"steady growth", []obs.Observation{year("D7", "2008-12-31", 820), year("D8", "2009-12-31", 1010), year("D9", "2010-12-31", 1220)}, opt, nil},
		{"small counts are not judged", []obs.Observation{year("L7", "2011-12-31", 3), year("L8", "2012-12-31", 9)}, opt, nil},
		{"different day of the year", []obs.Observation{year("D7", "2011-06-30", 1000), year("D8", "2012-12-31", 2500)}, opt, nil},
		{"quarters compare with the same quarter", []obs.Observation{year("D7", "2005-03-01", 1000), year("D8", "2005-06-01", 2500), year("D9", "2006-03-01", 1100)}, opt, nil},
		{"another sex is another series", []obs.Observation{year("D7", "2011-12-31", 1000), year("D8", "2012-12-31", 2500, sex(obs.Female))}, opt, nil},
		{"turned off", []obs.Observation{year("D7", "2011-12-31", 1000), year("D8", "2012-12-31", 5000)}, Options{}, nil},
		{"tighter bound", []obs.Observation{year("D7", "2011-12-31", 1000), year("D8", "2012-12-31", 1300)}, Options{MaxChange: 0.25, MinChangeBase: 100},
			[]want{{finding.Implausible, finding.Warning, "D8"}}},
	}
	for _, tt := range tests {
		expect(t, tt.name, tt.in, tt.opt, tt.want, finding.Implausible)
	}
}
