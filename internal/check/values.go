package check

import (
	"fmt"
	"math"
	"time"

	"github.com/prisonstats/prisonstats/internal/finding"
	"github.com/prisonstats/prisonstats/internal/obs"
)

// checkValues applies the rules that look at one observation alone: sign,
// whole counts, vocabulary, place, date and year.
func checkValues(ix *index, opt Options, out *finding.List) {
	dates := judgeDates(ix, opt)
	var placeOK []bool
	if opt.Places != nil {
		placeOK = make([]bool, len(ix.fields[fPlace].strs))
		for id, code := range ix.fields[fPlace].strs {
			_, placeOK[id] = opt.Places.Get(code)
		}
	}
	agg := newAggregator()
	for i := range ix.obs {
		o := &ix.obs[i]
		k := ix.keys[i]
		if !ix.knownMeasure[k[fMeasure]] {
			agg.add("measure", o.Measure, i, o.Source.File)
		}
		if !ix.knownSex[k[fSex]] {
			agg.add("sex", o.Sex, i, o.Source.File)
		}
		if !ix.knownStat[k[fStatus]] {
			agg.add("status", o.Status, i, o.Source.File)
		}
		if !ix.knownAge[k[fAge]] {
			agg.add("age", o.Age, i, o.Source.File)
		}
		if placeOK != nil && !placeOK[k[fPlace]] {
			agg.add("place", o.Place, i, o.Source.File)
		}
		if dates[k[fDate]].msg != "" {
			agg.add("date", o.Date, i, o.Source.File)
		}
		if !o.Value.OK() {
			continue
		}
		v := o.Value.Num
		switch {
		case v < 0:
			*out = append(*out, finding.Errorf(o.Source, finding.ConstraintError,
				"%s is negative (%s)", num(v), o.Key()))
		case ix.knownMeasure[k[fMeasure]] && k[fMeasure] != ix.rate && v != math.Trunc(v):
			*out = append(*out, finding.Errorf(o.Source, finding.ConstraintError,
				"%s is not a whole number, and %s is a count (%s)", num(v), o.Measure, o.Key()))
		}
	}
	for _, g := range agg.order {
		o := &ix.obs[g.first]
		more := ""
		if g.n > 1 {
			more = fmt.Sprintf(" (%d values in this file, first here)", g.n)
		}
		switch g.field {
		case "measure":
			*out = append(*out, finding.Warnf(o.Source, finding.ConstraintError,
				"measure %q is not one of %v%s", g.name, obs.Measures, more))
		case "sex":
			*out = append(*out, finding.Warnf(o.Source, finding.ConstraintError,
				"sex %q is not female, male or total%s", g.name, more))
		case "status":
			*out = append(*out, finding.Warnf(o.Source, finding.ConstraintError,
				"status %q is not pretrial, sentenced or total%s", g.name, more))
		case "age":
			*out = append(*out, finding.Warnf(o.Source, finding.ConstraintError,
				"age %q is not adult, juvenile or total%s", g.name, more))
		case "place":
			*out = append(*out, finding.Errorf(o.Source, finding.ForeignKey,
				"place %q is not in the gazetteer%s", g.name, more))
		case "date":
			d := dates[ix.keys[g.first][fDate]]
			if d.notDate {
				*out = append(*out, finding.Errorf(o.Source, finding.ConstraintError, "%s%s", d.msg, more))
			} else {
				*out = append(*out, finding.Warnf(o.Source, finding.Implausible, "%s%s", d.msg, more))
			}
		}
	}
}

// dateVerdict is what judgeDates says about one distinct date: nothing
// (msg empty), an implausible year, or not a date at all (notDate).
type dateVerdict struct {
	msg     string
	notDate bool
}

// judgeDates judges each distinct date once, by date id.
func judgeDates(ix *index, opt Options) []dateVerdict {
	vs := make([]dateVerdict, len(ix.fields[fDate].strs))
	for id, d := range ix.fields[fDate].strs {
		if _, err := time.Parse(time.DateOnly, d); err != nil {
			vs[id] = dateVerdict{msg: fmt.Sprintf("date %q is not a date (YYYY-MM-DD)", d), notDate: true}
			continue
		}
		y := yearOf(d)
		if opt.MinYear != 0 && y < opt.MinYear || opt.MaxYear != 0 && y > opt.MaxYear {
			vs[id].msg = fmt.Sprintf("year %d (date %s) is outside the plausible years %s..%s",
				y, d, bound(opt.MinYear), bound(opt.MaxYear))
		}
	}
	return vs
}

func bound(y int) string {
	if y == 0 {
		return ""
	}
	return fmt.Sprint(y)
}

// yearOf returns the year of a YYYY-MM-DD date already known to be valid.
func yearOf(d string) int {
	return int(d[0]-'0')*1000 + int(d[1]-'0')*100 + int(d[2]-'0')*10 + int(d[3]-'0')
}

// aggregator gathers one finding per unknown name per file, so that a
// misspelt measure in a 10,000-row file is one line, not 10,000.
type aggregator struct {
	groups map[aggKey]*group
	order  []*group
}

type aggKey struct{ field, name, file string }

type group struct {
	field, name string
	first       int
	n           int
}

func newAggregator() *aggregator { return &aggregator{groups: map[aggKey]*group{}} }

func (a *aggregator) add(field, name string, i int, file string) {
	k := aggKey{field, name, file}
	g := a.groups[k]
	if g == nil {
		g = &group{field: field, name: name, first: i}
		a.groups[k] = g
		a.order = append(a.order, g)
	}
	g.n++
}
