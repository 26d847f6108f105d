package protect

import (
	"fmt"
	"slices"
	"strings"

	"github.com/prisonstats/prisonstats/internal/compute"
	"github.com/prisonstats/prisonstats/internal/obs"
	"github.com/prisonstats/prisonstats/internal/places"
)

// complement hides further published cells until no hidden cell can be
// worked out (a fixed point: hiding a province to protect a facility can
// make the province the one cell hidden among its country's provinces).
// Sums that share no cell are protected separately.
func (ap *applier) complement(eqs []equation) error {
	for _, part := range partition(eqs) {
		if err := ap.complementPart(part); err != nil {
			return err
		}
	}
	return nil
}

func (ap *applier) complementPart(eqs []equation) error {
	of := map[key][]int{}
	for i, e := range eqs {
		for _, c := range e.cells() {
			of[c] = append(of[c], i)
		}
	}
	sys := newSystem(ap.gr, eqs)
	for {
		found := sys.analyse(true).found
		if len(found) == 0 {
			return nil
		}
		// One action per round, then look again: a hidden cell is often
		// recoverable only because another one is, and protecting that one
		// protects both. Take the first recovery, in order of priority, that
		// something can be done about.
		slices.SortStableFunc(found, func(a, b recovery) int { return ap.priority(eqs, a) - ap.priority(eqs, b) })
		var rec recovery
		var acts []action
		for _, rec = range found {
			if acts = ap.actions(eqs, of, rec); len(acts) > 0 {
				break
			}
		}
		if len(acts) == 0 {
			rec = found[0]
			return fmt.Errorf("disclosure control: %s: no published cell left to hide that would protect it (%s)", rec.k, rec.how)
		}
		// Look one step ahead: of the actions, in order of preference, take
		// the one after which the fewest hidden cells can be worked out, so
		// that a complement that is itself given away at once (and would
		// pull in more) is passed over.
		best, bestN := acts[0], len(found)+1
		for _, a := range acts {
			p := ap.gr.pts[a.k]
			saved := *p
			a.do(p)
			n := len(sys.analyse(false).found)
			*p = saved
			if n < bestN {
				best, bestN = a, n
			}
			if n == 0 {
				break
			}
		}
		if best.relabel {
			best.do(ap.gr.pts[best.k])
			ap.why[best.k] += " (shown without its range: the ranges of neighbouring cells would give it away)"
			continue
		}
		ap.hide(best.k, reasonComplement, "complementary: protects "+rec.k.String())
	}
}

// action is one way to protect a recoverable cell: hide a published cell,
// or relabel a hidden small count so that its reason no longer states its
// range ("fewer than 5" says 1 to 4; two such cells under a total of 2 are
// both 1).
type action struct {
	k       key
	relabel bool
}

func (a action) do(p *compute.Point) {
	p.Value, p.Reason = obs.Absent(obs.Suppressed), reasonComplement
}

// actions lists what may protect rec, in order of preference: hiding a
// published cell of the sum that pins it (smallest first), then of its
// other sums, then relabelling a small count whose stated range helps pin
// it; only when none of these exists, hiding a country figure (the
// headline), and then a cell of a neighbouring sum.
func (ap *applier) actions(eqs []equation, of map[key][]int, rec recovery) []action {
	var acts, country []action
	addHides := func(ks []key) {
		for _, k := range ks {
			if level(ap.g, k.place) == places.Country {
				country = append(country, action{k: k})
			} else {
				acts = append(acts, action{k: k})
			}
		}
	}
	if rec.eq >= 0 {
		addHides(ap.candidates(eqs, []int{rec.eq}, rec.k))
	}
	if len(acts) == 0 {
		addHides(ap.candidates(eqs, of[rec.k], rec.k))
	}
	seen := map[key]bool{}
	for _, i := range of[rec.k] {
		for _, c := range eqs[i].cells() {
			p := ap.gr.pts[c]
			if !seen[c] && !p.Value.OK() && primaryText.MatchString(p.Reason) {
				seen[c] = true
				acts = append(acts, action{k: c, relabel: true})
			}
		}
	}
	if len(acts) == 0 {
		acts = country
	}
	if len(acts) == 0 {
		var wider []int
		for _, i := range of[rec.k] {
			for _, x := range eqs[i].cells() {
				wider = append(wider, of[x]...)
			}
		}
		addHides(ap.candidates(eqs, wider, rec.k))
		acts = append(acts, country...)
	}
	return acts
}

// partition splits equations into groups that share no cell.
func partition(eqs []equation) [][]equation {
	parent := make([]int, len(eqs))
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		if parent[i] != i {
			parent[i] = find(parent[i])
		}
		return parent[i]
	}
	first := map[key]int{}
	for i, e := range eqs {
		for _, c := range e.cells() {
			if j, ok := first[c]; ok {
				parent[find(i)] = find(j)
			} else {
				first[c] = i
			}
		}
	}
	idx := map[int]int{}
	var out [][]equation
	for i, e := range eqs {
		r := find(i)
		j, ok := idx[r]
		if !ok {
			j = len(out)
			idx[r] = j
			out = append(out, nil)
		}
		out[j] = append(out[j], e)
	}
	return out
}

// priority orders recoveries. A recovery pinned by published figures alone
// (no other hidden cell in its sum) is a cause; the others often follow
// from it. Causes come first, complements before primaries (a complement
// worked out gives away the cells it protects).
func (ap *applier) priority(eqs []equation, r recovery) int {
	p := 0
	if r.eq < 0 || slices.ContainsFunc(eqs[r.eq].cells(), func(c key) bool { _, h := ap.why[c]; return h && c != r.k }) {
		p += 2
	}
	if !strings.HasPrefix(ap.why[r.k], "complementary") {
		p++
	}
	return p
}

// candidates returns the published cells of equations eqIdx, in order of
// preference: the smallest non-zero member first (least information lost),
// then totals, then zeros (a zero protects little: 1 + a hidden 0 = 1 still
// shows the 1), then country figures.
func (ap *applier) candidates(eqs []equation, eqIdx []int, not key) []key {
	type cand struct {
		k    key
		rank int
		v    float64
	}
	var cs []cand
	seen := map[key]bool{not: true}
	for _, i := range eqIdx {
		for j, c := range eqs[i].cells() {
			if seen[c] || !ap.gr.pts[c].Value.OK() || ap.orig[c].Num == 0 {
				continue
			}
			seen[c] = true
			v := ap.orig[c].Num
			rank := 0
			switch {
			case v == 0:
				rank = 2
			case j == 0:
				rank = 1
			}
			cs = append(cs, cand{c, rank, v})
		}
	}
	slices.SortFunc(cs, func(a, b cand) int {
		switch {
		case a.rank != b.rank:
			return a.rank - b.rank
		case a.v != b.v:
			if a.v < b.v {
				return -1
			}
			return 1
		}
		return strings.Compare(a.k.String(), b.k.String())
	})
	out := make([]key, len(cs))
	for i, c := range cs {
		out[i] = c.k
	}
	return out
}
