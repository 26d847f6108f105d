package protect

import (
	"errors"
	"math"

	"github.com/prisonstats/prisonstats/internal/compute"
	"github.com/prisonstats/prisonstats/internal/obs"
	"github.com/prisonstats/prisonstats/internal/places"
	"github.com/prisonstats/prisonstats/internal/rules"
)

// options switch parts of Apply off, for tests that show the audit bites.
type options struct {
	noComplement bool // skip complementary suppression
	noAudit      bool // return the result without auditing it
}

// Apply returns a protected copy of res (res is never modified): small
// counts hidden as obs.Absent(obs.Suppressed) with the reason "fewer than
// N", complementary cells hidden so that none can be worked out by
// subtraction, derived figures whose inputs are hidden also hidden, counts
// rounded where a rule asks for it, and key findings that quote a hidden
// value withheld. It then runs the audit; an audit failure is an
// *AuditError naming each recoverable cell and how, and no result is
// returned.
func Apply(res *compute.Result, g *places.Gazetteer, r *rules.Rules) (*compute.Result, *Report, error) {
	return apply(res, g, r, options{})
}

// applier holds the protected copy while it is being protected.
type applier struct {
	g    *places.Gazetteer
	r    *rules.Rules
	out  *compute.Result
	gr   *grid
	orig map[key]obs.Value // the values before protection
	why  map[key]string    // hidden cells and why
}

func apply(res *compute.Result, g *places.Gazetteer, r *rules.Rules, opt options) (*compute.Result, *Report, error) {
	if res == nil {
		return nil, nil, errors.New("no result to protect")
	}
	if g == nil {
		return nil, nil, errors.New("no gazetteer: places cannot be told apart by level")
	}
	if err := checkRules(res, r); err != nil {
		return nil, nil, err
	}
	ap := &applier{g: g, r: r, out: clone(res), orig: map[key]obs.Value{}, why: map[key]string{}}
	ap.gr = newGrid(ap.out)
	for k, p := range ap.gr.pts {
		ap.orig[k] = p.Value
	}
	ap.primary()
	ap.smallShares()
	lk := ap.links()
	eqs := equations(ap.gr, g, lk)
	if !opt.noComplement {
		if err := ap.complement(eqs); err != nil {
			return nil, nil, err
		}
	}
	ap.round()
	ap.derived()
	var dropped []string
	ap.out.Findings, dropped = withhold(ap.out, g, ap.why)
	rep := ap.report()
	rep.Withheld = dropped
	if !opt.noAudit {
		if err := audit(ap.gr, g, lk); err != nil {
			return nil, rep, err
		}
	}
	return ap.out, rep, nil
}

func (ap *applier) hide(k key, reason, why string) {
	p := ap.gr.pts[k]
	p.Value = obs.Absent(obs.Suppressed)
	p.Reason = reason
	ap.why[k] = why
}

// primary hides the counts from 1 to below−1 the rules cover. Zeros stay.
func (ap *applier) primary() {
	for _, k := range ap.gr.keys {
		v := ap.orig[k]
		if !isCount(ap.out, k.ind) || !v.OK() {
			continue
		}
		below, _ := threshold(ap.g, ap.r, k.ind, k.place)
		if below > 0 && v.Num > 0 && v.Num < float64(below) {
			ap.hide(k, reasonPrimary(below), reasonPrimary(below))
		}
	}
}

// links returns, per place and date, the age bands whose sum is published
// as children_over_limit, from the age limit in force (rules).
func (ap *applier) links() links {
	lk := links{}
	for _, k := range ap.gr.keys {
		if k.ind != compute.IndChildrenOverLimit {
			continue
		}
		var bands []string
		for _, b := range ap.gr.bds[[2]string{compute.IndChildrenInPrison, k.place}] {
			if b != obs.Total {
				bands = append(bands, b)
			}
		}
		if over := bandsOverLimit(ap.r, k.date, bands); over != nil {
			lk[[2]string{k.place, k.date}] = over
		}
	}
	return lk
}

// round rounds the published counts a rule asks to round (half up).
func (ap *applier) round() {
	for _, k := range ap.gr.keys {
		p := ap.gr.pts[k]
		if !isCount(ap.out, k.ind) || !p.Value.OK() {
			continue
		}
		if _, to := threshold(ap.g, ap.r, k.ind, k.place); to > 0 {
			p.Value = obs.Num(math.Floor(p.Value.Num/float64(to)+0.5) * float64(to))
			p.Note = joinNotes(p.Note, noteRounded(to))
		}
	}
}

func joinNotes(a, b string) string {
	if a == "" {
		return b
	}
	return a + "; " + b
}
