package protect

import (
	"errors"
	"fmt"
	"slices"

	"github.com/prisonstats/prisonstats/internal/compute"
	"github.com/prisonstats/prisonstats/internal/places"
	"github.com/prisonstats/prisonstats/internal/rules"
)

// checkRules refuses rules that would protect less than they seem to: none
// at all, an unknown level or indicator (a typo would otherwise publish
// every small count), a threshold whose own label gives the value away.
func checkRules(res *compute.Result, r *rules.Rules) error {
	if r == nil || len(r.Disclosure) == 0 {
		return errors.New("rules: no [[disclosure]] entry; refusing to publish without disclosure control")
	}
	known := map[string]bool{}
	for _, id := range append(append([]string{}, counts...), derived...) {
		known[id] = true
	}
	for _, c := range res.Catalogue {
		known[c.ID] = true
	}
	for _, s := range res.Series {
		known[s.Indicator] = true
	}
	for i, d := range r.Disclosure {
		if len(d.Measures) == 0 || len(d.Levels) == 0 {
			return fmt.Errorf("rules: disclosure[%d]: measures and levels must not be empty", i)
		}
		for _, l := range d.Levels {
			if l != places.Country && l != places.Province && l != places.Facility {
				return fmt.Errorf("rules: disclosure[%d].levels: %q is not country, province or facility", i, l)
			}
		}
		for _, m := range d.Measures {
			switch {
			case !known[m]:
				return fmt.Errorf("rules: disclosure[%d].measures: %q is not an indicator", i, m)
			case slices.Contains(shares, m):
				if d.RoundTo != 0 {
					return fmt.Errorf("rules: disclosure[%d]: round_to applies to counts, and %q is a share", i, m)
				}
			case !isCount(res, m):
				return fmt.Errorf("rules: disclosure[%d].measures: %q is neither a count nor a share (female_share, pretrial_share); figures computed from counts are protected through their counts", i, m)
			}
		}
		if d.Below == 1 || d.Below == 2 {
			return fmt.Errorf("rules: disclosure[%d].below: %d would label a hidden 1 as \"fewer than %d\", which gives it away; use 0 (off) or 3 or more", i, d.Below, d.Below)
		}
	}
	return nil
}

// level returns a place's gazetteer level, or "" when the gazetteer does
// not know it (such a place matches every rule's levels: fail closed).
func level(g *places.Gazetteer, place string) string {
	if p, ok := g.Get(place); ok {
		return p.Level
	}
	return ""
}

// matching returns the rules that cover indicator ind at place.
func matching(g *places.Gazetteer, r *rules.Rules, ind, place string) []rules.Disclosure {
	lvl := level(g, place)
	var out []rules.Disclosure
	for _, d := range r.Disclosure {
		if slices.Contains(d.Measures, ind) && (lvl == "" || slices.Contains(d.Levels, lvl)) {
			out = append(out, d)
		}
	}
	return out
}

// threshold is the largest "below" of the rules covering ind at place (0:
// none), and roundTo the largest round_to.
func threshold(g *places.Gazetteer, r *rules.Rules, ind, place string) (below, roundTo int) {
	for _, d := range matching(g, r, ind, place) {
		below = max(below, d.Below)
		roundTo = max(roundTo, d.RoundTo)
	}
	return below, roundTo
}
