package check

import (
	"math"

	"github.com/prisonstats/prisonstats/internal/finding"
)

// dimension is one breakdown of a key: the field, the id of its whole, and
// the two parts that should add up to it (noID when the parts are open, as
// categories and age groups are).
type dimension struct {
	field        int
	name         string
	whole        uint32
	part1, part2 uint32
}

func (ix *index) dimensions() []dimension {
	return []dimension{
		{fSex, "sex", ix.total, ix.female, ix.male},
		{fStatus, "status", ix.stTotal, ix.pretrial, ix.sentenced},
		// Adult + juvenile is not summed: sources leave age groups out of
		// both (England and Wales count 18-20 year olds apart), so the sum
		// fell short for 900 of the MoJ's totals without any fault.
		{fAge, "age", ix.ageTotal, noID, noID},
		{fCategory, "category", ix.noCategory, noID, noID},
	}
}

// checkParts compares parts with their wholes within one measure: a part
// above its whole is an error; two parts not adding up to the whole is a
// warning. Rates are not counts and are left out; so are unknown measures.
func checkParts(ix *index, out *finding.List) {
	dims := ix.dimensions()
	for i := range ix.obs {
		k := ix.keys[i]
		if k[fMeasure] == ix.rate || !ix.knownMeasure[k[fMeasure]] || !ix.usable(i) {
			continue
		}
		v := ix.obs[i].Value.Num
		for _, d := range dims {
			if k[d.field] != d.whole {
				w, wi, ok := ix.sibling(int32(i), with(k, d.field, d.whole))
				if ok && v > w {
					*out = append(*out, partAbove(ix, int32(i), wi, d))
				}
				continue
			}
			if d.part1 == noID {
				continue
			}
			v1, i1, ok1 := ix.sibling(int32(i), with(k, d.field, d.part1))
			v2, i2, ok2 := ix.sibling(int32(i), with(k, d.field, d.part2))
			if !ok1 || !ok2 || v1 > v || v2 > v || math.Abs(v1+v2-v) < 1e-9 {
				continue
			}
			o, o1, o2 := &ix.obs[i], &ix.obs[i1], &ix.obs[i2]
			gap, side := v-(v1+v2), "short of"
			if gap < 0 {
				gap, side = -gap, "over"
			}
			*out = append(*out, finding.Warnf(o.Source, finding.RowConstraint,
				"%s is %s, but %s %s (at %s) + %s %s (at %s) = %s, %s %s it",
				o.Key(), num(v), ix.str(d.field, d.part1), num(v1), o1.Source,
				ix.str(d.field, d.part2), num(v2), o2.Source, num(v1+v2), num(gap), side))
		}
	}
}

// partAbove reports part p above whole w, at the later of the two cells.
func partAbove(ix *index, p, w int32, d dimension) finding.Finding {
	po, wo := &ix.obs[p], &ix.obs[w]
	wholeName := ix.str(d.field, d.whole)
	if wholeName == "" {
		wholeName = `""`
	}
	if p > w {
		return finding.Errorf(po.Source, finding.RowConstraint,
			"%s is %s, above its whole (%s=%s) %s at %s",
			po.Key(), num(po.Value.Num), d.name, wholeName, num(wo.Value.Num), wo.Source)
	}
	return finding.Errorf(wo.Source, finding.RowConstraint,
		"%s is %s, below its part %s=%s %s at %s",
		wo.Key(), num(wo.Value.Num), d.name, ix.str(d.field, ix.keys[p][d.field]), num(po.Value.Num), po.Source)
}
