package protect

import (
	"errors"
	"fmt"
	"math"
	"strings"

	"github.com/prisonstats/prisonstats/internal/compute"
	"github.com/prisonstats/prisonstats/internal/obs"
	"github.com/prisonstats/prisonstats/internal/places"
)

// Recovery is a hidden value the published numbers give away.
type Recovery struct {
	Cell  Cell    // Why says how it is worked out
	Value float64 // the value worked out (for a derived figure: the published one)
}

// AuditError lists every hidden value that can be recovered.
type AuditError struct{ Recoverable []Recovery }

func (e *AuditError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "disclosure audit: %d hidden value", len(e.Recoverable))
	if len(e.Recoverable) != 1 {
		b.WriteString("s")
	}
	b.WriteString(" can be worked out from the published figures")
	for _, r := range e.Recoverable {
		b.WriteString("\n\t")
		b.WriteString(r.Cell.Why)
	}
	return b.String()
}

// Audit checks a protected result: no hidden value may be determined by the
// published numbers through the sums that tie them together (facilities →
// province → country, bands → total, sexes → total, children over the limit
// = the bands above it), using the bounds the published reasons state, and
// no published share, rate or index may rest on a hidden count or on the
// exact value of a rounded one. It returns an *AuditError naming every
// recoverable cell and how.
func Audit(res *compute.Result, g *places.Gazetteer) error {
	if g == nil {
		return errors.New("disclosure audit: no gazetteer")
	}
	return audit(newGrid(res), g, nil)
}

func audit(gr *grid, g *places.Gazetteer, lk links) error {
	eqs := equations(gr, g, lk)
	var rs []Recovery
	for _, r := range newSystem(gr, eqs).analyse(true).found {
		rs = append(rs, Recovery{Cell: r.k.cell(r.how), Value: r.value})
	}
	rs = append(rs, auditDerived(gr)...)
	if len(rs) > 0 {
		return &AuditError{Recoverable: rs}
	}
	return nil
}

// auditDerived finds published derived figures that rest on hidden counts
// or on the exact values behind rounded ones.
func auditDerived(gr *grid) []Recovery {
	var rs []Recovery
	for _, k := range gr.keys {
		p := gr.pts[k]
		if isCount(gr.res, k.ind) {
			continue
		}
		d := deps(gr, k)
		if !p.Value.OK() {
			if r, ok := redone(gr, k, d); ok {
				rs = append(rs, r)
			}
			continue
		}
		rounded := false
		var vals []float64
		for _, in := range d.inputs {
			ip := gr.pts[in]
			if !ip.Value.OK() && ip.Value.Missing == obs.Suppressed {
				rs = append(rs, Recovery{Cell: k.cell(fmt.Sprintf("%s = %s is published although it is computed from the hidden %s", k, p.Value, in)), Value: p.Value.Num})
				rounded = false
				break
			}
			if roundedText.MatchString(ip.Note) {
				rounded = true
			}
			vals = append(vals, ip.Value.Num)
		}
		if !rounded {
			continue
		}
		if d.recompute == nil {
			rs = append(rs, Recovery{Cell: k.cell(fmt.Sprintf("%s = %s is published although its inputs are rounded and it cannot be computed from the rounded values", k, p.Value)), Value: p.Value.Num})
			continue
		}
		if v, ok := d.recompute(vals); !ok || math.Abs(v-p.Value.Num) > 1e-9*math.Max(1, math.Abs(v)) {
			rs = append(rs, Recovery{Cell: k.cell(fmt.Sprintf("%s = %s is computed from exact counts, not from the published rounded ones", k, p.Value)), Value: p.Value.Num})
		}
	}
	return rs
}

// redone reports a hidden derived figure that its published, exact inputs
// give back. A share hidden for being 0% or 100% of a few people is left
// out: its counts are published unless a rule protects them (see
// smallShares), and hiding it only keeps pages from stating it outright.
func redone(gr *grid, k key, d dep) (Recovery, bool) {
	p := gr.pts[k]
	if p.Value.Missing != obs.Suppressed || d.recompute == nil || strings.HasPrefix(p.Reason, smallBasePrefix) {
		return Recovery{}, false
	}
	var vals []float64
	var names []string
	for _, in := range d.inputs {
		ip := gr.pts[in]
		if !ip.Value.OK() || roundedText.MatchString(ip.Note) {
			return Recovery{}, false
		}
		vals = append(vals, ip.Value.Num)
		names = append(names, fmt.Sprintf("%s = %s", in, ip.Value))
	}
	v, ok := d.recompute(vals)
	if !ok {
		return Recovery{}, false
	}
	return Recovery{Cell: k.cell(fmt.Sprintf("%s = %s: computed from the published %s", k, num(v), strings.Join(names, " and "))), Value: v}, true
}
