package check

import (
	"fmt"
	"testing"

	"github.com/prisonstats/prisonstats/internal/finding"
	"github.com/prisonstats/prisonstats/internal/obs"
)

// synthetic returns about n observations shaped like the sample export:
// per place and year, prisoners by sex and status, capacity, pregnant,
// breastfeeding, women with children and children in four age bands, all
// consistent with each other and growing slowly, so Run should find nothing
// but what is planted.
func synthetic(n int) []obs.Observation {
	const years = 20
	perPlaceYear := 9 + 5 + 4
	nPlaces := max(1, n/(years*perPlaceYear))
	out := make([]obs.Observation, 0, nPlaces*years*perPlaceYear)
	for p := range nPlaces {
		code := fmt.Sprintf("P-%d", p)
		for y := range years {
			d := fmt.Sprintf("%d-12-31", 2000+y)
			row := 5 + y
			add := func(col string, v float64, s, st, m, c string) {
				out = append(out, obs.Observation{Date: d, Place: code, Sex: s, Status: st, Age: obs.Total,
					Measure: m, Category: c, Value: obs.Num(v),
					Source: obs.Source{File: "synthetic.xlsx", Sheet: code, Cell: fmt.Sprint(col, row)}})
			}
			fp, fs := float64(40+y), float64(60+2*y)
			mp, ms := float64(400+10*y), float64(600+20*y)
			add("A", fp, obs.Female, obs.Pretrial, obs.Prisoners, "")
			add("B", fs, obs.Female, obs.Sentenced, obs.Prisoners, "")
			add("C", fp+fs, obs.Female, obs.Total, obs.Prisoners, "")
			add("D", mp, obs.Male, obs.Pretrial, obs.Prisoners, "")
			add("E", ms, obs.Male, obs.Sentenced, obs.Prisoners, "")
			add("F", mp+ms, obs.Male, obs.Total, obs.Prisoners, "")
			add("G", fp+mp, obs.Total, obs.Pretrial, obs.Prisoners, "")
			add("H", fs+ms, obs.Total, obs.Sentenced, obs.Prisoners, "")
			add("I", fp+fs+mp+ms, obs.Total, obs.Total, obs.Prisoners, "")
			add("J", 2000, obs.Total, obs.Total, obs.Capacity, "")
			add("K", 3, obs.Female, obs.Total, obs.Pregnant, "")
			add("L", 4, obs.Female, obs.Total, obs.Breastfeeding, "")
			add("M", 5, obs.Female, obs.Total, obs.WomenWithChildren, "")
			add("N", 2, obs.Total, obs.Total, obs.ChildrenInPrison, "under_1")
			add("O", 2, obs.Total, obs.Total, obs.ChildrenInPrison, "1_2")
			add("P", 2, obs.Total, obs.Total, obs.ChildrenInPrison, "2_3")
			add("Q", 1, obs.Total, obs.Total, obs.ChildrenInPrison, "over_3")
			add("R", 1, obs.Female, obs.Total, obs.Admissions, "")
		}
	}
	return out
}

func TestSyntheticInputIsCleanUntilSpoilt(t *testing.T) {
	in := synthetic(20000)
	opt := Options{MaxChange: 1, MinChangeBase: 100, MinYear: 1950, MaxYear: 2026}
	if l := Run(in, opt); len(l) != 0 {
		t.Fatalf("Run on clean synthetic input = %d findings, first %v", len(l), l[0])
	}
	in[2].Value = obs.Num(10000) // female total above everything
	in = append(in, in[100])     // a duplicate
	l := Run(in, opt)
	if l.Errors() == 0 || len(only(l, finding.DuplicateRow)) != 1 {
		t.Errorf("Run on spoilt input = %v, want errors and one duplicate-row", l)
	}
}

func BenchmarkRun(b *testing.B) {
	in := synthetic(1_000_000)
	opt := DefaultOptions()
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if l := Run(in, opt); len(l) != 0 {
			b.Fatalf("Run = %d findings, first %v", len(l), l[0])
		}
	}
	b.ReportMetric(float64(len(in)), "observations")
}
