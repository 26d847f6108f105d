package protect

import (
	"slices"

	"github.com/prisonstats/prisonstats/internal/compute"
	"github.com/prisonstats/prisonstats/internal/obs"
	"github.com/prisonstats/prisonstats/internal/places"
)

// equation says total = sum(members): a published figure that ties cells
// together, so that a hidden one could be worked out from the others.
type equation struct {
	total   key
	members []key
	// Words for messages: "province total", "other facilities".
	totalWords, memberWords string
}

func (e equation) cells() []key { return append([]key{e.total}, e.members...) }

// links maps a place and date to the age bands whose sum is published as
// children_over_limit there.
type links map[[2]string][]string

// equations returns every sum that ties the points of gr together:
//
//   - a place's count is the sum of its sub-places' counts (facilities →
//     province → country); a sub-place with no point on that date adds
//     nothing (compute sums only the sub-places with data);
//   - a total is the sum of its breakdowns (age bands, release mechanisms,
//     female + male);
//   - children_over_limit is the sum of the age bands above the limit.
func equations(gr *grid, g *places.Gazetteer, lk links) []equation {
	var eqs []equation
	for _, k := range gr.keys {
		if !isCount(gr.res, k.ind) {
			continue
		}
		// Places.
		var members []key
		memberLevel := ""
		for _, c := range g.Children(k.place) {
			m := key{k.ind, c.Code, k.bd, k.date}
			if _, ok := gr.pts[m]; ok {
				members = append(members, m)
				memberLevel = c.Level
			}
		}
		if len(members) > 0 {
			tw := "total"
			if p, ok := g.Get(k.place); ok {
				tw = p.Level + " total"
			}
			mw := "other " + map[string]string{places.Province: "provinces", places.Facility: "facilities"}[memberLevel]
			eqs = append(eqs, equation{total: k, members: members, totalWords: tw, memberWords: mw})
		}
		// Breakdowns.
		if k.bd == obs.Total {
			bds := gr.bds[[2]string{k.ind, k.place}]
			members = nil
			for _, b := range bds {
				m := key{k.ind, k.place, b, k.date}
				if _, ok := gr.pts[m]; ok && b != obs.Total {
					members = append(members, m)
				}
			}
			if len(members) > 0 {
				mw := "other bands"
				if isSexes(bds) {
					mw = "the other sex"
				} else if k.ind != compute.IndChildrenInPrison {
					mw = "other categories"
				}
				eqs = append(eqs, equation{total: k, members: members, totalWords: "total", memberWords: mw})
			}
		}
		// Children over the age limit.
		if k.ind == compute.IndChildrenOverLimit {
			bands := lk[[2]string{k.place, k.date}]
			if bands == nil {
				bands = bandsFromNote(gr.pts[k].Note)
			}
			members = nil
			for _, b := range bands {
				m := key{compute.IndChildrenInPrison, k.place, b, k.date}
				if _, ok := gr.pts[m]; ok {
					members = append(members, m)
				}
			}
			if len(members) > 0 {
				eqs = append(eqs, equation{total: k, members: members, totalWords: "the same children counted", memberWords: "by age band"})
			}
		}
	}
	return dedupe(eqs)
}

// dedupe drops equations that repeat another's cells.
func dedupe(eqs []equation) []equation {
	seen := map[string]bool{}
	var out []equation
	for _, e := range eqs {
		ks := []string{}
		for _, c := range e.cells() {
			ks = append(ks, c.String())
		}
		slices.Sort(ks)
		id := ""
		for _, s := range ks {
			id += s + "|"
		}
		if !seen[id] {
			seen[id] = true
			out = append(out, e)
		}
	}
	return out
}
