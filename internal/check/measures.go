package check

import (
	"github.com/prisonstats/prisonstats/internal/finding"
)

// checkMeasures compares measures about the same women: pregnant,
// breastfeeding and women_with_children cannot exceed the female prisoners
// of the same place, date, status and age (an error); more children living
// in a prison than women in it, or more women with children than children,
// is implausible (a warning).
func checkMeasures(ix *index, out *finding.List) {
	// Children per place and date: the total (category "") when given,
	// otherwise the sum of the categories (age bands).
	type kids struct {
		g               int32
		date, place     uint32
		whole, bands    float64
		wholeI, lastI   int32
		hasWhole, hasBd bool
	}
	var order []*kids
	byGroup := make([]*kids, len(ix.start)-1)

	for i := range ix.obs {
		k := ix.keys[i]
		m := k[fMeasure]
		if m != ix.pregnant && m != ix.feeding && m != ix.withChildren && m != ix.children {
			continue
		}
		if !ix.usable(i) {
			continue
		}
		v := ix.obs[i].Value.Num
		if m == ix.children {
			if k[fSex] != ix.total || k[fStatus] != ix.stTotal || k[fAge] != ix.ageTotal {
				continue
			}
			g := ix.group[i]
			c := byGroup[g]
			if c == nil {
				c = &kids{g: g, date: k[fDate], place: k[fPlace]}
				byGroup[g] = c
				order = append(order, c)
			}
			if k[fCategory] == ix.noCategory {
				c.whole, c.wholeI, c.hasWhole = v, int32(i), true
			} else {
				c.bands += v
				c.lastI = max(c.lastI, int32(i))
				c.hasBd = true
			}
			continue
		}
		fk := ikey{k[fDate], k[fPlace], ix.female, k[fStatus], k[fAge], ix.prisoners, ix.noCategory}
		f, fi, ok := ix.sibling(int32(i), fk)
		if !ok || v <= f {
			continue
		}
		o, fo := &ix.obs[i], &ix.obs[fi]
		if int32(i) > fi {
			*out = append(*out, finding.Errorf(o.Source, finding.RowConstraint,
				"%s is %s, above the %s female prisoners at %s",
				o.Key(), num(v), num(f), fo.Source))
		} else {
			*out = append(*out, finding.Errorf(fo.Source, finding.RowConstraint,
				"%s is %s, below the %s %s at %s",
				fo.Key(), num(f), num(v), o.Measure, o.Source))
		}
	}

	for _, c := range order {
		n, at, what := c.whole, c.wholeI, "children living in prison"
		if !c.hasWhole {
			if !c.hasBd {
				continue
			}
			n, at, what = c.bands, c.lastI, "children living in prison (sum of age bands)"
		}
		fk := ikey{c.date, c.place, ix.female, ix.stTotal, ix.ageTotal, ix.prisoners, ix.noCategory}
		if f, fi, ok := ix.valueIn(c.g, fk); ok && n > f {
			src := ix.obs[max(fi, at)].Source
			*out = append(*out, finding.Warnf(src, finding.RowConstraint,
				"%s at %s on %s: %s, more than the %s women in prison (cells %s and %s); implausible",
				what, ix.str(fPlace, c.place), ix.str(fDate, c.date), num(n), num(f), ix.obs[at].Source, ix.obs[fi].Source))
		}
		wk := ikey{c.date, c.place, ix.female, ix.stTotal, ix.ageTotal, ix.withChildren, ix.noCategory}
		if w, wi, ok := ix.valueIn(c.g, wk); ok && w > n {
			src := ix.obs[max(wi, at)].Source
			*out = append(*out, finding.Warnf(src, finding.RowConstraint,
				"%s women with children at %s on %s (at %s), but only %s %s (at %s); implausible",
				num(w), ix.str(fPlace, c.place), ix.str(fDate, c.date), ix.obs[wi].Source,
				num(n), what, ix.obs[at].Source))
		}
	}
}
