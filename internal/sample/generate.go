package sample

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"

	"github.com/prisonstats/prisonstats/internal/places"
)

// The fixed seed: the same gazetteer always gives the same sample.
const seed1, seed2 = 0x5052_4953_4f4e, 0x2008_2015

// Generate builds the sample for the facilities of g, in file order.
func Generate(g *places.Gazetteer) (*Data, error) {
	type prison struct {
		place, province places.Place
		profile
	}
	var prisons []prison
	for _, f := range g.Level(places.Facility) {
		prov, ok := g.Get(f.Parent)
		if !ok {
			return nil, fmt.Errorf("facility %s: parent %q is not in the gazetteer", f.Code, f.Parent)
		}
		p, ok := profiles[f.Code]
		if !ok {
			p = defaultProfile
		}
		prisons = append(prisons, prison{f, prov, p})
	}
	if len(prisons) == 0 {
		return nil, errors.New("the gazetteer has no facilities")
	}

	rng := rand.New(rand.NewPCG(seed1, seed2))
	uniform := func(lo, hi float64) float64 { return lo + (hi-lo)*rng.Float64() }
	capacity := map[string]int{}
	first := National[0].Women
	d := &Data{}

	for _, ny := range National {
		var active []prison
		var wWomen, wMen []float64
		for _, p := range prisons {
			if p.opens > ny.Year {
				continue
			}
			active = append(active, p)
			wWomen = append(wWomen, p.women*uniform(0.92, 1.08))
			wMen = append(wMen, p.men*uniform(0.92, 1.08))
		}
		women, err := allocate(ny.Women, wWomen)
		if err != nil {
			return nil, fmt.Errorf("%d: women: %w", ny.Year, err)
		}
		men, err := allocate(ny.Men, wMen)
		if err != nil {
			return nil, fmt.Errorf("%d: men: %w", ny.Year, err)
		}
		growth := float64(ny.Women) / float64(first)

		sh := Sheet{Year: ny.Year}
		for i, p := range active {
			r := Row{Facility: p.place, Province: p.province, Female: women[i], Male: men[i]}
			r.Total = r.Female + r.Male
			r.PretrialFemale = roundInt(float64(r.Female) * uniform(0.30, 0.45))
			r.PretrialTotal = r.PretrialFemale + roundInt(float64(r.Male)*uniform(0.30, 0.50))
			r.SentencedFemale = r.Female - r.PretrialFemale
			r.SentencedTotal = r.Total - r.PretrialTotal

			// Capacity is set when the prison first appears, so that it is
			// overcrowded from the start and more so as numbers grow; a third
			// of the prisons are enlarged in 2012.
			c, seen := capacity[p.place.Code]
			if !seen {
				c = max(10, 10*roundInt(float64(r.Total)/uniform(1.1, 1.8)/10))
			}
			if ny.Year == 2012 && seen && rng.IntN(3) == 0 {
				c = 10 * roundInt(float64(c)*uniform(1.2, 1.4)/10)
			}
			capacity[p.place.Code] = c
			r.Capacity = c
			r.CapacityNA = ny.Year == capacityNAYear && p.place.Code == capacityNAFacility

			if p.hot {
				r.Pregnant = clamp(roundInt((6+p.women/5)*math.Sqrt(growth)*uniform(0.8, 1.2)), 5, 20)
				r.WomenWithChildren = max(3, roundInt((5+p.women/2)*math.Pow(growth, 0.6)*uniform(0.8, 1.2)))
			} else {
				r.Pregnant = []int{0, 0, 0, 1, 1, 1, 2, 2, 3}[rng.IntN(9)]
				r.WomenWithChildren = []int{0, 0, 0, 1, 1, 2, 3}[rng.IntN(7)]
			}
			r.Pregnant = min(r.Pregnant, r.Female)
			r.WomenWithChildren = min(r.WomenWithChildren, r.Female)

			// Each mother has one child, some two; each child falls in an
			// age band under 3 (the over-3 band is filled below).
			n := r.WomenWithChildren
			for range r.WomenWithChildren {
				if rng.IntN(100) < 15 {
					n++
				}
			}
			for range n {
				switch x := rng.IntN(100); {
				case x < 40:
					r.Children[0]++
				case x < 73:
					r.Children[1]++
				default:
					r.Children[2]++
				}
			}
			r.Breastfeeding = min(r.WomenWithChildren, r.Children[0]+rng.IntN(2))
			r.BreastfeedingBlank = ny.Year == breastfeedBlankYear &&
				(p.place.Code == breastfeedBlankFirst || p.place.Code == breastfeedBlankOther)
			sh.Rows = append(sh.Rows, r)
		}

		// From 2012 (the 3-year limit of the 2011 Law on Prisons in force),
		// a few children, 3–10 nationally, are older than 3: mostly in the
		// hot spots.
		if ny.Year >= 2012 {
			var hot, withChildren []int
			for i, r := range sh.Rows {
				if r.ChildrenTotal() == 0 {
					continue
				}
				withChildren = append(withChildren, i)
				if active[i].hot {
					hot = append(hot, i)
				}
			}
			if len(withChildren) > 0 {
				for range 3 + rng.IntN(8) {
					pick := withChildren
					if len(hot) > 0 && rng.IntN(5) > 0 {
						pick = hot
					}
					r := &sh.Rows[pick[rng.IntN(len(pick))]]
					for b := 2; b >= 0; b-- {
						if r.Children[b] > 0 {
							r.Children[b]--
							r.Children[3]++
							break
						}
					}
				}
			}
		}
		d.Sheets = append(d.Sheets, sh)
	}

	for _, ny := range National {
		total := 5 + rng.IntN(10)
		if ny.Year == 2015 {
			total = ReleasesIn2015
		}
		women, err := allocate(total, []float64{uniform(0.4, 0.6), uniform(0.2, 0.35), uniform(0.1, 0.25)})
		if err != nil {
			return nil, fmt.Errorf("%d: releases: %w", ny.Year, err)
		}
		for i, m := range Mechanisms {
			w := women[i]
			d.Releases = append(d.Releases, Release{
				Year: ny.Year, Mechanism: m, Women: w, Children: w + rng.IntN(w/2+1),
			})
		}
	}
	return d, nil
}

func roundInt(x float64) int { return int(math.Round(x)) }

func clamp(x, lo, hi int) int { return max(lo, min(hi, x)) }
