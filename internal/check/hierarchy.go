package check

import (
	"math"

	"github.com/prisonstats/prisonstats/internal/finding"
	"github.com/prisonstats/prisonstats/internal/places"
)

// checkHierarchy compares a country's or province's count with the counts
// of the places under it (a Total row and the prison rows above it): when
// they do not add up, a warning on the whole's cell. Each child counts with
// its own value when it has an observation, otherwise with the sum of its
// own children, so a country is compared with its provinces where they are
// given and with their prisons where not. A child whose value is missing
// (blank, not available, in conflict) makes the sum unknown, and nothing is
// compared; a place with no observation at all, and none below it, counts
// as absent (a prison opened later). Needs Options.Places.
func checkHierarchy(ix *index, g *places.Gazetteer, out *finding.List) {
	if g == nil {
		return
	}
	children := map[string][]string{}
	for _, p := range g.All() {
		if p.Parent != "" {
			children[p.Parent] = append(children[p.Parent], p.Code)
		}
	}

	// sum adds up the places under code for key k (whose place is ignored);
	// n counts the places that had a value.
	var sum func(k ikey, code string) (total float64, n int, unknown bool)
	sum = func(k ikey, code string) (float64, int, bool) {
		var total float64
		n := 0
		for _, c := range children[code] {
			if id := ix.fields[fPlace].lookup(c); id != noID {
				if i, found := ix.find(with(k, fPlace, id)); found {
					if !ix.obs[i].Value.OK() || ix.bad[i] {
						return 0, 0, true
					}
					total += ix.obs[i].Value.Num
					n++
					continue
				}
			}
			s, m, unknown := sum(k, c)
			if unknown {
				return 0, 0, true
			}
			total += s
			n += m
		}
		return total, n, false
	}

	parent := make([]bool, len(ix.fields[fPlace].strs))
	for id, code := range ix.fields[fPlace].strs {
		parent[id] = len(children[code]) > 0
	}
	for i := range ix.obs {
		k := ix.keys[i]
		if !parent[k[fPlace]] || k[fMeasure] == ix.rate || !ix.knownMeasure[k[fMeasure]] || !ix.usable(i) {
			continue
		}
		o := &ix.obs[i]
		parts, n, unknown := sum(k, o.Place)
		if unknown || n == 0 || math.Abs(parts-o.Value.Num) < 1e-9 {
			continue
		}
		*out = append(*out, finding.Warnf(o.Source, finding.RowConstraint,
			"%s is %s, but the %d places under %s with this count add up to %s",
			o.Key(), num(o.Value.Num), n, o.Place, num(parts)))
	}
}
