package compute

import (
	"fmt"
	"slices"
	"strings"

	"github.com/prisonstats/prisonstats/internal/obs"
	"github.com/prisonstats/prisonstats/internal/places"
)

// cell is one resolved count: read, summed or derived, or absent with the
// reason in words.
type cell struct {
	v      obs.Value
	reason string
	src    []obs.Source
	note   string
	// cover says which places' figures the value stands on: the place's
	// own code for a source's own figure, "A+B+…" for a sum over
	// sub-places, "" when mixed. Two counts are only combined (a share,
	// a difference) when their covers agree.
	cover string
}

func (c cell) ok() bool { return c.v.OK() }

// point turns the cell into a series point at date.
func (c cell) point(date string) Point {
	p := Point{Date: date, Value: c.v, Sources: c.src, Note: c.note}
	if !c.ok() {
		p.Reason = c.reason
	}
	return p
}

func absentCell(reason string, src []obs.Source) cell {
	return cell{v: obs.Absent(obs.NotAvailable), reason: reason, src: src}
}

// nonAdditive measures are never summed over places: they are rates.
var nonAdditive = map[string]bool{obs.PrisonersRate: true}

// table answers "what is the count for this key", preferring the source's
// own figure, then the sum over the place's sub-places that have data on
// that date, then (for male and pretrial counts) a difference of two
// counts at the same place.
type table struct {
	g    *places.Gazetteer
	obs  map[obs.Key]obs.Observation
	cats map[string][]string // measure -> categories, in order of first appearance
	// present[date][place]: the place or one of its sub-places has an
	// observation on that date.
	present map[string]map[string]bool
	memo    map[obs.Key]cell
}

// normalise fills the fields a source may leave empty and folds the
// "total" category into "".
func normalise(o obs.Observation) obs.Observation {
	if o.Sex == "" {
		o.Sex = obs.Total
	}
	if o.Status == "" {
		o.Status = obs.Total
	}
	if o.Age == "" {
		o.Age = obs.Total
	}
	if o.Category == obs.Total {
		o.Category = ""
	}
	return o
}

func newTable(os []obs.Observation, g *places.Gazetteer) *table {
	t := &table{g: g, obs: map[obs.Key]obs.Observation{}, cats: map[string][]string{},
		present: map[string]map[string]bool{}, memo: map[obs.Key]cell{}}
	seenCat := map[[2]string]bool{}
	for _, o := range os {
		o = normalise(o)
		k := o.Key()
		if _, dup := t.obs[k]; dup {
			continue // conflicting duplicates are check's business; the first wins
		}
		t.obs[k] = o
		if o.Category != "" && !seenCat[[2]string{o.Measure, o.Category}] {
			seenCat[[2]string{o.Measure, o.Category}] = true
			t.cats[o.Measure] = append(t.cats[o.Measure], o.Category)
		}
		m := t.present[o.Date]
		if m == nil {
			m = map[string]bool{}
			t.present[o.Date] = m
		}
		for _, p := range t.lineage(o.Place) {
			m[p] = true
		}
	}
	return t
}

// lineage returns the place and its ancestors, nearest first.
func (t *table) lineage(code string) []string {
	out := []string{code}
	if t.g == nil {
		return out
	}
	for {
		p, ok := t.g.Get(code)
		if !ok || p.Parent == "" {
			return out
		}
		code = p.Parent
		out = append(out, code)
	}
}

// name returns the place's English name, or its code.
func (t *table) name(code string) string {
	if t.g != nil {
		if p, ok := t.g.Get(code); ok && p.Name != "" {
			return p.Name
		}
	}
	return code
}

// missingWords says in words why a source left a value out.
func missingWords(m obs.Missing) string {
	switch m {
	case obs.Blank:
		return "blank in the source"
	case obs.NotAvailable:
		return "not available in the source"
	case obs.SuppressedAtSource:
		return "suppressed at source"
	case obs.NotApplicable:
		return "not applicable"
	case obs.Suppressed:
		return "suppressed (fewer than the disclosure threshold)"
	}
	return m.String()
}

// get resolves a key.
func (t *table) get(k obs.Key) cell {
	if c, ok := t.memo[k]; ok {
		return c
	}
	c := t.resolve(k)
	t.memo[k] = c
	return c
}

func (t *table) resolve(k obs.Key) cell {
	var own cell
	haveOwn := false
	if o, ok := t.obs[k]; ok {
		if o.Value.OK() {
			return cell{v: o.Value, src: []obs.Source{o.Source}, cover: k.Place}
		}
		own = cell{v: o.Value, reason: fmt.Sprintf("%s (%s)", missingWords(o.Value.Missing), o.Source),
			src: []obs.Source{o.Source}}
		haveOwn = true
	}
	agg, haveAgg := t.aggregate(k)
	if haveAgg && agg.ok() {
		return agg
	}
	var cats cell
	haveCats := false
	if k.Category == "" {
		if cats, haveCats = t.sumCategories(k); haveCats && cats.ok() {
			return cats
		}
	}
	d, haveD := t.derive(k)
	if haveD && d.ok() {
		return d
	}
	switch {
	case haveOwn:
		return own
	case haveD:
		return d
	case haveAgg:
		return agg
	case haveCats:
		return cats
	}
	return absentCell(describe(k)+" not reported", nil)
}

// describe names a key's count in words ("female pretrial prisoners").
func describe(k obs.Key) string {
	var w []string
	if k.Sex != obs.Total {
		w = append(w, k.Sex)
	}
	if k.Status != obs.Total {
		w = append(w, k.Status)
	}
	if k.Age != obs.Total {
		w = append(w, k.Age)
	}
	w = append(w, strings.ReplaceAll(k.Measure, "_", " "))
	if k.Category != "" {
		w = append(w, "("+k.Category+")")
	}
	return strings.Join(w, " ")
}

// aggregate sums k over the place's sub-places that have any data on the
// date. It reports false when there is nothing to sum.
func (t *table) aggregate(k obs.Key) (cell, bool) {
	if t.g == nil || nonAdditive[k.Measure] {
		return cell{}, false
	}
	var kids []string
	for _, p := range t.g.Children(k.Place) {
		if t.present[k.Date][p.Code] {
			kids = append(kids, p.Code)
		}
	}
	if len(kids) == 0 {
		return cell{}, false
	}
	sum := 0.0
	var src []obs.Source
	var bad, covers []string
	firstReason := ""
	for _, kid := range kids {
		kk := k
		kk.Place = kid
		c := t.get(kk)
		src = append(src, c.src...)
		if !c.ok() {
			if firstReason == "" {
				firstReason = fmt.Sprintf("%s: %s", t.name(kid), c.reason)
			}
			bad = append(bad, kid)
			continue
		}
		sum += c.v.Num
		covers = append(covers, c.cover)
	}
	if len(bad) > 0 {
		r := "sum incomplete, " + firstReason
		if len(bad) > 1 {
			r += fmt.Sprintf(" (and %d more)", len(bad)-1)
		}
		return absentCell(r, src), true
	}
	cover := strings.Join(covers, "+")
	if slices.Contains(covers, "") {
		cover = ""
	}
	return cell{v: obs.Num(sum), src: src, cover: cover}, true
}

// sameCover returns the common cover of cells, or "" when they differ.
func sameCover(cs ...cell) string {
	for _, c := range cs[1:] {
		if c.cover != cs[0].cover {
			return ""
		}
	}
	return cs[0].cover
}

// sumCategories sums a measure's categories at one place, for a total that
// was not given. It reports false when the measure has no categories.
func (t *table) sumCategories(k obs.Key) (cell, bool) {
	cats := t.cats[k.Measure]
	if len(cats) == 0 {
		return cell{}, false
	}
	sum := 0.0
	var src []obs.Source
	var parts []cell
	for _, c := range cats {
		kk := k
		kk.Category = c
		got := t.get(kk)
		if !got.ok() {
			return absentCell(fmt.Sprintf("total of %s needs every category: %s", strings.ReplaceAll(k.Measure, "_", " "), got.reason), got.src), true
		}
		sum += got.v.Num
		src = append(src, got.src...)
		parts = append(parts, got)
	}
	return cell{v: obs.Num(sum), src: src, cover: sameCover(parts...)}, true
}

// derive computes male = total − female and pretrial = total − sentenced at
// one place, when both terms are there.
func (t *table) derive(k obs.Key) (cell, bool) {
	var whole, part obs.Key
	var note string
	switch {
	case k.Sex == obs.Male:
		whole, part = k, k
		whole.Sex, part.Sex = obs.Total, obs.Female
		note = "male = total − female"
	case k.Status == obs.Pretrial:
		whole, part = k, k
		whole.Status, part.Status = obs.Total, obs.Sentenced
		note = "pretrial = total − sentenced"
	default:
		return cell{}, false
	}
	w, p := t.get(whole), t.get(part)
	if !w.ok() || !p.ok() {
		return cell{}, false
	}
	src := append(append([]obs.Source{}, w.src...), p.src...)
	if w.cover == "" || w.cover != p.cover {
		return absentCell(fmt.Sprintf("cannot derive (%s): %s and %s come from different levels (%s; %s)",
			note, describe(whole), describe(part), coverWords(w.cover, k.Place), coverWords(p.cover, k.Place)), src), true
	}
	if p.v.Num > w.v.Num {
		return absentCell(fmt.Sprintf("cannot derive (%s): %s %v is above %s %v", note, describe(part), p.v, describe(whole), w.v), src), true
	}
	return cell{v: obs.Num(w.v.Num - p.v.Num), src: src, note: note, cover: w.cover}, true
}

// coverWords describes a cover in words for a reason.
func coverWords(cover, place string) string {
	switch cover {
	case place:
		return "the source's own figure"
	case "":
		return "figures from several levels"
	}
	return "a sum over " + strings.ReplaceAll(cover, "+", ", ")
}
