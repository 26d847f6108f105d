package compute

import (
	"fmt"
	"slices"
	"sort"

	"github.com/prisonstats/prisonstats/internal/obs"
	"github.com/prisonstats/prisonstats/internal/places"
	"github.com/prisonstats/prisonstats/internal/rules"
)

// builder computes the series of every indicator over one table.
type builder struct {
	t      *table
	rules  *rules.Rules
	obs    []obs.Observation
	order  map[string]int // place -> position in gazetteer order
	series []Series
}

var sexes = []string{obs.Female, obs.Male, obs.Total}

func (b *builder) key(place, date, measure, sex, status, cat string) obs.Key {
	return obs.Key{Date: date, Place: place, Sex: sex, Status: status, Age: obs.Total, Measure: measure, Category: cat}
}

// count resolves a count with status and age total.
func (b *builder) count(place, date, measure, sex, cat string) cell {
	return b.t.get(b.key(place, date, measure, sex, obs.Total, cat))
}

// firstOK resolves keys in turn and returns the first present value, or the
// first key's absence.
func (b *builder) firstOK(keys ...obs.Key) cell {
	var first cell
	for i, k := range keys {
		c := b.t.get(k)
		if c.ok() {
			return c
		}
		if i == 0 {
			first = c
		}
	}
	return first
}

// presence returns, per place, the sorted dates on which the place or a
// sub-place has an observation matching pred.
func (b *builder) presence(pred func(obs.Observation) bool) map[string][]string {
	set := map[string]map[string]bool{}
	for _, o := range b.obs {
		o = normalise(o)
		if !pred(o) {
			continue
		}
		for _, p := range b.t.lineage(o.Place) {
			if set[p] == nil {
				set[p] = map[string]bool{}
			}
			set[p][o.Date] = true
		}
	}
	out := map[string][]string{}
	for p, ds := range set {
		for d := range ds {
			out[p] = append(out[p], d)
		}
		slices.Sort(out[p])
	}
	return out
}

func measureIs(ms ...string) func(obs.Observation) bool {
	return func(o obs.Observation) bool { return slices.Contains(ms, o.Measure) }
}

// places returns the keys of m in gazetteer order, unknown places last by code.
func (b *builder) places(m map[string][]string) []string {
	var ps []string
	for p := range m {
		ps = append(ps, p)
	}
	sort.Slice(ps, func(i, j int) bool {
		oi, ki := b.order[ps[i]]
		oj, kj := b.order[ps[j]]
		switch {
		case ki && kj:
			return oi < oj
		case ki != kj:
			return ki
		}
		return ps[i] < ps[j]
	})
	return ps
}

// add computes one series per place and breakdown from f.
func (b *builder) add(ind string, dates map[string][]string, breakdowns []string, f func(place, date, bd string) cell) {
	for _, bd := range breakdowns {
		for _, p := range b.places(dates) {
			s := Series{Indicator: ind, Place: p, Breakdown: bd}
			for _, d := range dates[p] {
				s.Points = append(s.Points, f(p, d, bd).point(d))
			}
			b.series = append(b.series, s)
		}
	}
}

// ratio is num ÷ den × factor, absent when either is absent, den is zero,
// or (with same) the two stand on different places' figures, e.g. a
// source's own country total against a sum over prisons.
func ratio(num, den cell, factor float64, what string, same bool) cell {
	src := append(append([]obs.Source{}, num.src...), den.src...)
	switch {
	case !num.ok():
		return absentCell(num.reason, src)
	case !den.ok():
		return absentCell(den.reason, src)
	case den.v.Num == 0:
		return absentCell(what+" is zero", src)
	case same && (num.cover == "" || num.cover != den.cover):
		return absentCell(fmt.Sprintf("the two counts come from different levels (%s; %s)", coverWords(num.cover, ""), coverWords(den.cover, "")), src)
	}
	c := cell{v: obs.Num(num.v.Num / den.v.Num * factor), src: src, cover: num.cover}
	if num.note != "" || den.note != "" {
		c.note = joinNotes(num.note, den.note)
	}
	return c
}

func joinNotes(a, b string) string {
	switch {
	case a == "" || a == b:
		return b
	case b == "":
		return a
	}
	return a + "; " + b
}

// categories returns the categories seen for a measure, then "total".
func (b *builder) categories(measure string) []string {
	return append(slices.Clone(b.t.cats[measure]), obs.Total)
}

func catKey(bd string) string {
	if bd == obs.Total {
		return ""
	}
	return bd
}

func (b *builder) build() {
	prisoners := b.presence(measureIs(obs.Prisoners))
	b.add(IndPrisoners, prisoners, sexes, func(p, d, sex string) cell {
		return b.count(p, d, obs.Prisoners, sex, "")
	})
	b.add(IndFemaleShare, prisoners, []string{""}, func(p, d, _ string) cell {
		return ratio(b.count(p, d, obs.Prisoners, obs.Female, ""), b.count(p, d, obs.Prisoners, obs.Total, ""), 100, "the total of prisoners", true)
	})
	b.addIndex(prisoners)
	status := b.presence(func(o obs.Observation) bool {
		return o.Measure == obs.Prisoners && (o.Status == obs.Pretrial || o.Status == obs.Sentenced)
	})
	b.add(IndPretrialShare, status, sexes, func(p, d, sex string) cell {
		return ratio(b.t.get(b.key(p, d, obs.Prisoners, sex, obs.Pretrial, "")), b.count(p, d, obs.Prisoners, sex, ""), 100, "the number of prisoners", true)
	})
	capacity := b.presence(measureIs(obs.Capacity))
	occ := map[string][]string{}
	for p, ds := range prisoners {
		if len(capacity[p]) > 0 {
			occ[p] = ds
		}
	}
	b.add(IndOccupancy, occ, []string{""}, func(p, d, _ string) cell {
		c := b.count(p, d, obs.Capacity, obs.Total, "")
		if !c.ok() {
			c.reason = "no capacity reported: " + c.reason
		}
		return ratio(b.count(p, d, obs.Prisoners, obs.Total, ""), c, 100, "the official capacity", true)
	})
	b.add(IndCapacity, capacity, []string{""}, func(p, d, _ string) cell {
		return b.count(p, d, obs.Capacity, obs.Total, "")
	})
	for _, m := range []struct{ ind, measure string }{
		{IndPregnant, obs.Pregnant}, {IndBreastfeeding, obs.Breastfeeding}, {IndWomenWithChildren, obs.WomenWithChildren},
	} {
		b.add(m.ind, b.presence(measureIs(m.measure)), []string{""}, func(p, d, _ string) cell {
			return b.firstOK(b.key(p, d, m.measure, obs.Female, obs.Total, ""), b.key(p, d, m.measure, obs.Total, obs.Total, ""))
		})
	}
	children := b.presence(measureIs(obs.ChildrenInPrison))
	b.add(IndChildrenInPrison, children, b.categories(obs.ChildrenInPrison), func(p, d, bd string) cell {
		return b.count(p, d, obs.ChildrenInPrison, obs.Total, catKey(bd))
	})
	b.add(IndChildrenOverLimit, children, []string{""}, b.overLimit)
	for _, m := range []struct{ ind, measure, sex string }{
		{IndReleases, obs.Releases, obs.Female}, {IndChildrenReleased, obs.ChildrenReleased, obs.Total},
	} {
		b.add(m.ind, b.presence(measureIs(m.measure)), b.categories(m.measure), func(p, d, bd string) cell {
			return b.count(p, d, m.measure, m.sex, catKey(bd))
		})
	}
	b.add(IndRatePer100k, b.presence(measureIs(obs.Population, obs.PrisonersRate)), sexes, b.rate)
}

// overLimit counts children in the bands wholly above the age limit in
// force on the date.
func (b *builder) overLimit(p, d, _ string) cell {
	if b.rules == nil {
		return absentCell("no child age limit given (rules)", nil)
	}
	lim, ok := b.rules.AgeLimitOn(d)
	if !ok {
		return absentCell("no child age limit in force on "+d, nil)
	}
	cats := b.t.cats[obs.ChildrenInPrison]
	if len(cats) == 0 {
		return absentCell("children are not reported by age band", nil)
	}
	over, err := bandsOver(cats, lim.Years)
	if err != nil {
		return absentCell(err.Error(), nil)
	}
	sum := 0.0
	var src []obs.Source
	var parts []cell
	for _, c := range over {
		got := b.count(p, d, obs.ChildrenInPrison, obs.Total, c)
		src = append(src, got.src...)
		if !got.ok() {
			return absentCell(got.reason, src)
		}
		sum += got.v.Num
		parts = append(parts, got)
	}
	cover := p
	if len(parts) > 0 {
		cover = sameCover(parts...)
	}
	return cell{v: obs.Num(sum), src: src, cover: cover, note: fmt.Sprintf("over the %d-year limit (%s): bands %v", lim.Years, lim.Law, over)}
}

// rate is prisoners per 100,000: as published by the source, or computed
// from a population count.
func (b *builder) rate(p, d, sex string) cell {
	if c := b.t.get(b.key(p, d, obs.PrisonersRate, sex, obs.Total, "")); c.ok() {
		c.note = joinNotes(c.note, "as published by the source")
		return c
	}
	pop := b.count(p, d, obs.Population, sex, "")
	base := map[string]string{obs.Female: "per 100,000 women", obs.Male: "per 100,000 men", obs.Total: "per 100,000 inhabitants"}[sex]
	if !pop.ok() && sex != obs.Total {
		pop = b.count(p, d, obs.Population, obs.Total, "")
		base = "per 100,000 inhabitants (whole population, not " + sex + " only)"
	}
	if !pop.ok() {
		pop.reason = "no population reported: " + pop.reason
	}
	c := ratio(b.count(p, d, obs.Prisoners, sex, ""), pop, 100000, "the population", false)
	if c.ok() {
		c.note = joinNotes(c.note, base)
	}
	return c
}

// addIndex adds prisoners_index for women and men from the prisoners series.
func (b *builder) addIndex(prisoners map[string][]string) {
	for _, sex := range []string{obs.Female, obs.Male} {
		for _, p := range b.places(prisoners) {
			s := Series{Indicator: IndPrisonersIndex, Place: p, Breakdown: sex}
			var base cell
			baseDate := ""
			for _, d := range prisoners[p] {
				c := b.count(p, d, obs.Prisoners, sex, "")
				if baseDate == "" && c.ok() {
					base, baseDate = c, d
				}
				if baseDate == "" {
					s.Points = append(s.Points, c.point(d))
					continue
				}
				pt := ratio(c, base, 100, "the base year's count", false).point(d)
				s.Points = append(s.Points, pt)
			}
			if baseDate != "" {
				base := baseDate[:4]
				if len(yearly(s)) < len(s.Points) { // several dates a year: name the day
					base = baseDate
				}
				s.Note = base + " = 100"
			}
			b.series = append(b.series, s)
		}
	}
}

// placeOrder numbers the gazetteer's places in file order.
func placeOrder(g *places.Gazetteer) map[string]int {
	m := map[string]int{}
	if g == nil {
		return m
	}
	for i, p := range g.All() {
		m[p.Code] = i
	}
	return m
}
