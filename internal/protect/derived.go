package protect

import (
	"math"
	"regexp"
	"slices"

	"github.com/prisonstats/prisonstats/internal/compute"
	"github.com/prisonstats/prisonstats/internal/obs"
)

// dep says what a derived point is computed from.
type dep struct {
	inputs []key
	// base is the count a share is a part of (its denominator); zero key
	// when the figure is not a share.
	base key
	// recompute gives the figure from its inputs' published values, or
	// false when some input is not published (pretrial counts are not).
	recompute func(v []float64) (float64, bool)
}

var indexBase = regexp.MustCompile(`^(\d{4}) = 100`)

// deps returns the inputs of a derived point k, as compute defines them
// (compute/indicators.go). An indicator this package does not know rests on
// every count at its place and date.
func deps(gr *grid, k key) dep {
	prisoners := func(sex, date string) key { return key{compute.IndPrisoners, k.place, sex, date} }
	ratio := func(factor float64) func(v []float64) (float64, bool) {
		return func(v []float64) (float64, bool) {
			if len(v) != 2 || v[1] == 0 {
				return 0, false
			}
			return v[0] / v[1] * factor, true
		}
	}
	var d dep
	switch k.ind {
	case compute.IndFemaleShare:
		d = dep{inputs: []key{prisoners(obs.Female, k.date), prisoners(obs.Total, k.date)}, base: prisoners(obs.Total, k.date), recompute: ratio(100)}
	case compute.IndPretrialShare:
		d = dep{inputs: []key{prisoners(k.bd, k.date)}, base: prisoners(k.bd, k.date)}
	case compute.IndOccupancy:
		d = dep{inputs: []key{prisoners(obs.Total, k.date), {compute.IndCapacity, k.place, "", k.date}}, recompute: ratio(100)}
	case compute.IndPrisonersIndex:
		d = dep{inputs: []key{prisoners(k.bd, k.date)}}
		if s, ok := gr.series(k.ind, k.place, k.bd); ok {
			if m := indexBase.FindStringSubmatch(s.Note); m != nil {
				if ps, ok := gr.series(compute.IndPrisoners, k.place, k.bd); ok {
					for _, p := range ps.Points {
						if p.Date[:4] == m[1] {
							d.inputs = append(d.inputs, prisoners(k.bd, p.Date))
							d.recompute = ratio(100)
							break
						}
					}
				}
			}
		}
	case compute.IndRatePer100k:
		d = dep{inputs: []key{prisoners(k.bd, k.date)}}
	default:
		for _, c := range gr.keys {
			if c.place == k.place && c.date == k.date && isCount(gr.res, c.ind) {
				d.inputs = append(d.inputs, c)
			}
		}
	}
	d.inputs = slices.DeleteFunc(d.inputs, func(c key) bool { _, ok := gr.pts[c]; return !ok })
	if len(d.inputs) != 2 {
		d.recompute = nil // an input is missing: the figure cannot be redone
	}
	return d
}

// derived hides shares, rates and indices computed from a hidden count, and
// redoes (or hides) those computed from rounded counts.
func (ap *applier) derived() {
	for _, k := range ap.gr.keys {
		p := ap.gr.pts[k]
		if isCount(ap.out, k.ind) || !p.Value.OK() {
			continue
		}
		d := deps(ap.gr, k)
		if i := slices.IndexFunc(d.inputs, func(in key) bool { _, h := ap.why[in]; return h }); i >= 0 {
			ap.hide(k, reasonDerived, "computed from the hidden "+d.inputs[i].String())
			continue
		}
		rounded := false
		var vals []float64
		for _, in := range d.inputs {
			ip := ap.gr.pts[in]
			rounded = rounded || roundedText.MatchString(ip.Note)
			vals = append(vals, ip.Value.Num)
		}
		if !rounded {
			continue
		}
		if d.recompute != nil {
			if v, ok := d.recompute(vals); ok {
				p.Value = obs.Num(v)
				p.Note = joinNotes(p.Note, "computed from rounded counts")
				continue
			}
		}
		ap.hide(k, reasonRounded, reasonRounded)
	}
}

// smallShares hides shares of 0% or 100% over a base below a rule's
// threshold: they say that all or none of a few people are in a category.
// Where the counts the share is computed from are published (prisoners are
// not protected by the default rules), they still say it: protecting those
// takes a rule that names the counts.
func (ap *applier) smallShares() {
	for _, k := range ap.gr.keys {
		p := ap.gr.pts[k]
		if !slices.Contains(shares, k.ind) || !p.Value.OK() ||
			(math.Abs(p.Value.Num) >= eps && math.Abs(p.Value.Num-100) >= eps) {
			continue
		}
		below, _ := threshold(ap.g, ap.r, k.ind, k.place)
		if below == 0 {
			continue
		}
		d := deps(ap.gr, k)
		if base, ok := ap.orig[d.base]; ok && base.OK() && base.Num >= float64(below) {
			continue
		}
		ap.hide(k, reasonSmallBase(below), reasonSmallBase(below))
	}
}
