package protect

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/prisonstats/prisonstats/internal/compute"
	"github.com/prisonstats/prisonstats/internal/obs"
	"github.com/prisonstats/prisonstats/internal/places"
	"github.com/prisonstats/prisonstats/internal/rules"
)

// randomCase builds a random country of 1–3 provinces of 1–4 facilities,
// with pregnant women, children by age band (and over the limit) and
// prisoners by sex, on one or two dates, summed up the hierarchy the way
// compute sums them, and random disclosure rules.
func randomCase(t *testing.T, rng *rand.Rand) (*compute.Result, *places.Gazetteer, *rules.Rules) {
	t.Helper()
	ps := []places.Place{{Code: "KH", Level: places.Country}}
	var facilities []string
	kids := map[string][]string{}
	for p := 1; p <= 1+rng.IntN(3); p++ {
		pc := fmt.Sprintf("KH-%d", p)
		ps = append(ps, places.Place{Code: pc, Level: places.Province, Parent: "KH"})
		kids["KH"] = append(kids["KH"], pc)
		for f := 1; f <= 1+rng.IntN(4); f++ {
			fc := fmt.Sprintf("%s-F%d", pc, f)
			ps = append(ps, places.Place{Code: fc, Level: places.Facility, Parent: pc})
			facilities = append(facilities, fc)
			kids[pc] = append(kids[pc], fc)
		}
	}
	g, err := places.New(ps)
	if err != nil {
		t.Fatal(err)
	}
	small := func() float64 {
		switch x := rng.IntN(10); {
		case x < 4:
			return 0
		case x < 8:
			return float64(1 + rng.IntN(4))
		default:
			return float64(5 + rng.IntN(30))
		}
	}
	bands := []string{"under_1", "1_2", "2_3", "over_3"}
	res := &compute.Result{Catalogue: compute.Catalogue(), Levels: map[string]string{}}
	add := func(ind, place, bd, date string, v float64, note string) {
		val := obs.Num(v)
		if v < 0 {
			val = obs.Absent(obs.NotAvailable)
		}
		p := compute.Point{Date: date, Value: val, Note: note}
		for i := range res.Series {
			s := &res.Series[i]
			if s.Indicator == ind && s.Place == place && s.Breakdown == bd {
				s.Points = append(s.Points, p)
				return
			}
		}
		res.Series = append(res.Series, compute.Series{Indicator: ind, Place: place, Breakdown: bd, Points: []compute.Point{p}})
	}
	dates := []string{"2011-12-31", "2012-12-31"}[:1+rng.IntN(2)]
	for _, d := range dates {
		vals := map[[3]string]float64{}
		for _, f := range facilities {
			v := small()
			if rng.IntN(20) == 0 {
				v = -1 // not available at source
			}
			vals[[3]string{"pregnant", f, ""}] = v
			tot := 0.0
			for _, b := range bands {
				bv := small()
				vals[[3]string{"children_in_prison", f, b}] = bv
				tot += bv
			}
			vals[[3]string{"children_in_prison", f, "total"}] = tot
			fem, male := small(), float64(rng.IntN(60))
			vals[[3]string{"prisoners", f, "female"}] = fem
			vals[[3]string{"prisoners", f, "male"}] = male
			vals[[3]string{"prisoners", f, "total"}] = fem + male
		}
		// Sum up: provinces, then the country; a missing part makes the sum missing.
		for _, parent := range []string{"KH-1", "KH-2", "KH-3", "KH"} {
			if len(kids[parent]) == 0 {
				continue
			}
			for _, ib := range [][2]string{{"pregnant", ""}, {"children_in_prison", "under_1"}, {"children_in_prison", "1_2"},
				{"children_in_prison", "2_3"}, {"children_in_prison", "over_3"}, {"children_in_prison", "total"},
				{"prisoners", "female"}, {"prisoners", "male"}, {"prisoners", "total"}} {
				sum := 0.0
				for _, k := range kids[parent] {
					v := vals[[3]string{ib[0], k, ib[1]}]
					if v < 0 || sum < 0 {
						sum = -1
						continue
					}
					sum += v
				}
				vals[[3]string{ib[0], parent, ib[1]}] = sum
			}
		}
		for _, p := range g.All() {
			add("pregnant", p.Code, "", d, vals[[3]string{"pregnant", p.Code, ""}], "")
			for _, b := range append(slices.Clone(bands), "total") {
				add("children_in_prison", p.Code, b, d, vals[[3]string{"children_in_prison", p.Code, b}], "")
			}
			add("children_over_limit", p.Code, "", d, vals[[3]string{"children_in_prison", p.Code, "over_3"}], "over the 3-year limit (law): bands [over_3]")
			fem, tot := vals[[3]string{"prisoners", p.Code, "female"}], vals[[3]string{"prisoners", p.Code, "total"}]
			for _, s := range []string{"female", "male", "total"} {
				add("prisoners", p.Code, s, d, vals[[3]string{"prisoners", p.Code, s}], "")
			}
			if tot > 0 {
				add("female_share", p.Code, "", d, fem/tot*100, "")
			}
		}
	}
	r := defaultRules()
	r.Disclosure[0].Below = []int{3, 5, 5, 10}[rng.IntN(4)]
	if rng.IntN(3) == 0 {
		r.Disclosure = append(r.Disclosure, rules.Disclosure{Measures: []string{"prisoners"}, Levels: []string{"facility"}, Below: 5})
	}
	if rng.IntN(5) == 0 {
		r.Disclosure[0].Levels = append(r.Disclosure[0].Levels, places.Country)
	}
	return res, g, r
}

func TestApplyPassesItsAuditOnRandomHierarchies(t *testing.T) {
	rng := rand.New(rand.NewPCG(2012, 2026))
	hiddenTotal := 0
	for i := range 500 {
		in, g, r := randomCase(t, rng)
		out, rep, err := Apply(in, g, r)
		if err != nil {
			t.Fatalf("case %d: Apply: %v", i, err)
		}
		if err := Audit(out, g); err != nil {
			t.Fatalf("case %d: Audit after Apply: %v", i, err)
		}
		hiddenTotal += len(rep.Suppressed)
		// Every small count the rules cover is hidden; every published
		// count is the input's.
		gin, gout := newGrid(in), newGrid(out)
		for _, k := range gin.keys {
			v, p := gin.pts[k].Value, gout.pts[k]
			below, _ := threshold(g, r, k.ind, k.place)
			if isCount(in, k.ind) && v.OK() && v.Num > 0 && v.Num < float64(below) && p.Value.OK() {
				t.Fatalf("case %d: %s = %v published, want it hidden (fewer than %d)", i, k, v, below)
			}
			if p.Value.OK() && v.OK() && p.Value.Num != v.Num {
				t.Fatalf("case %d: %s = %v published, input %v", i, k, p.Value, v)
			}
			if p.Value.OK() != v.OK() && p.Value.Missing != obs.Suppressed {
				t.Fatalf("case %d: %s became %v", i, k, p.Value)
			}
		}
		// Apply is deterministic.
		again, _, _ := Apply(in, g, r)
		a, _ := json.Marshal(out)
		b, _ := json.Marshal(again)
		if string(a) != string(b) {
			t.Fatalf("case %d: two runs differ", i)
		}
	}
	if hiddenTotal == 0 {
		t.Fatal("nothing was hidden in 500 cases: the test proves nothing")
	}
	t.Logf("%d cells hidden over 500 cases", hiddenTotal)
}
