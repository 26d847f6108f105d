package compute

import (
	"strconv"

	"github.com/prisonstats/prisonstats/internal/obs"
	"github.com/prisonstats/prisonstats/internal/places"
)

// Key finding ids (strings in i18n/<lang>.toml).
const (
	FindGrowth             = "finding_growth_women_men"
	FindGrowthWomenFell    = "finding_growth_women_men_women_fell"
	FindGrowthMenFell      = "finding_growth_women_men_men_fell"
	FindGrowthBothFell     = "finding_growth_women_men_both_fell"
	FindShare              = "finding_female_share"
	FindShareFirstAbove    = "finding_female_share_first_above"
	FindPretrialWomenMen   = "finding_pretrial_women_men"
	FindPretrialWomen      = "finding_pretrial_women"
	FindChildren           = "finding_children"
	FindChildrenNone       = "finding_children_none"
	FindOverLimit          = "finding_children_over_limit"
	FindOverLimitNone      = "finding_children_over_limit_none"
	FindOverLimitUnknown   = "finding_children_over_limit_unknown"
	FindPregnant           = "finding_pregnant"
	FindPregnantMost       = "finding_pregnant_most"
	FindPregnantAll        = "finding_pregnant_all"
	FindReleases           = "finding_releases"
	FindReleasesChildren   = "finding_releases_children"
	FindShareWorldRank     = "finding_share_world_rank"
	FindShareWorldRankTopN = "finding_share_world_rank_top"
)

// findings writes the key findings of one place (the country or a
// province). Every sentence names its period; no sentence spans a gap.
type findings struct {
	r   *Result
	opt Options
	out []KeyFinding
}

func (f *findings) add(id, place string, ps ...param) error {
	kf := KeyFinding{ID: id, Place: place}
	if err := render(&kf, ps, f.opt); err != nil {
		return err
	}
	f.out = append(f.out, kf)
	return nil
}

// latest returns the last present point of a series.
func latest(s Series) (Point, bool) {
	for i := len(s.Points) - 1; i >= 0; i-- {
		if s.Points[i].Value.OK() {
			return s.Points[i], true
		}
	}
	return Point{}, false
}

// value returns the present value of a series at a date.
func (f *findings) value(ind, place, bd, date string) (float64, bool) {
	s, ok := f.r.Get(ind, place, bd)
	if !ok {
		return 0, false
	}
	p, ok := pointAt(s, date)
	if !ok || !p.Value.OK() {
		return 0, false
	}
	return p.Value.Num, true
}

func (f *findings) place(p string) error {
	for _, step := range []func(string) error{f.growth, f.share, f.worldRank, f.pretrial, f.children, f.pregnant, f.releases} {
		if err := step(p); err != nil {
			return err
		}
	}
	return nil
}

// growth: women against men from the first year to each headline end year,
// within the gap-free run that starts at the first year.
func (f *findings) growth(p string) error {
	fem, ok1 := f.r.Get(IndPrisoners, p, obs.Female)
	male, ok2 := f.r.Get(IndPrisoners, p, obs.Male)
	if !ok1 || !ok2 {
		return nil
	}
	first, last, ok := gapFree(fem, male)
	if !ok {
		return nil
	}
	ends := f.opt.HeadlineTo
	if len(ends) == 0 {
		lf, _ := latest(fem)
		lm, _ := latest(male)
		ends = []int{max(lf.Year(), lm.Year())}
	}
	done := map[int]bool{}
	for _, e := range ends {
		e = min(e, last)
		if e <= first || done[e] {
			continue
		}
		done[e] = true
		from, to := strconv.Itoa(first), strconv.Itoa(e)
		gw, ok1 := Growth(fem, from, to)
		gm, ok2 := Growth(male, from, to)
		if !ok1 || !ok2 {
			continue
		}
		gw, gm = round(gw, 0), round(gm, 0)
		id := FindGrowth
		switch {
		case gw < 0 && gm < 0:
			id = FindGrowthBothFell
		case gw < 0:
			id = FindGrowthWomenFell
		case gm < 0:
			id = FindGrowthMenFell
		}
		if err := f.add(id, p, pYear("from", first), pYear("to", e), pPct0("women_pct", abs(gw)), pPct0("men_pct", abs(gm))); err != nil {
			return err
		}
	}
	return nil
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

// share: women's share in the latest year, and the first year it went
// above the threshold when the years before it have no gap.
func (f *findings) share(p string) error {
	s, ok := f.r.Get(IndFemaleShare, p, "")
	if !ok {
		return nil
	}
	pt, ok := latest(s)
	if !ok {
		return nil
	}
	fem, ok1 := f.value(IndPrisoners, p, obs.Female, pt.Date)
	tot, ok2 := f.value(IndPrisoners, p, obs.Total, pt.Date)
	if !ok1 || !ok2 {
		return nil
	}
	if err := f.add(FindShare, p, pYear("year", pt.Year()), pPct1("share", pt.Value.Num), pCount("female", fem), pCount("total", tot)); err != nil {
		return err
	}
	th := f.opt.shareThreshold()
	first, last, ok := gapFree(s)
	if !ok {
		return nil
	}
	ys := yearly(s)
	for y := first; y <= last; y++ {
		v := round(ys[y].Value.Num, 1)
		if v <= th {
			continue
		}
		if y == first {
			return nil // above it from the first year: when it first went above is unknown
		}
		thp := pPct1("threshold", th)
		if th == round(th, 0) {
			thp = pPct0("threshold", th)
		}
		return f.add(FindShareFirstAbove, p, thp, pYear("year", y), pPct1("share", v))
	}
	return nil
}

// pretrial: the share of women held before trial in the latest year, and
// of men in the same year.
func (f *findings) pretrial(p string) error {
	s, ok := f.r.Get(IndPretrialShare, p, obs.Female)
	if !ok {
		return nil
	}
	pt, ok := latest(s)
	if !ok {
		return nil
	}
	if m, ok := f.value(IndPretrialShare, p, obs.Male, pt.Date); ok {
		return f.add(FindPretrialWomenMen, p, pYear("year", pt.Year()), pPct1("women_share", pt.Value.Num), pPct1("men_share", m))
	}
	return f.add(FindPretrialWomen, p, pYear("year", pt.Year()), pPct1("women_share", pt.Value.Num))
}

// children: children living in prison in the latest year and those over
// the age limit then in force.
func (f *findings) children(p string) error {
	s, ok := f.r.Get(IndChildrenInPrison, p, obs.Total)
	if !ok {
		return nil
	}
	pt, ok := latest(s)
	if !ok {
		return nil
	}
	y := pt.Year()
	if pt.Value.Num == 0 {
		return f.add(FindChildrenNone, p, pYear("year", y))
	}
	if err := f.add(FindChildren, p, pYear("year", y), pCount("children", pt.Value.Num)); err != nil {
		return err
	}
	if f.opt.Rules == nil {
		return nil
	}
	lim, ok := f.opt.Rules.AgeLimitOn(pt.Date)
	if !ok {
		return nil
	}
	over, ok := f.r.Get(IndChildrenOverLimit, p, "")
	if !ok {
		return nil
	}
	op, ok := pointAt(over, pt.Date)
	switch {
	case !ok:
		return nil
	case op.Value.OK() && op.Value.Num == 0:
		return f.add(FindOverLimitNone, p, pYear("year", y), pCount("limit", float64(lim.Years)))
	case op.Value.OK():
		return f.add(FindOverLimit, p, pYear("year", y), pCount("over", op.Value.Num), pCount("limit", float64(lim.Years)))
	}
	// Absent: say so when the bands cannot separate the limit, rather than
	// print a number; stay silent when a count is missing.
	var bands []string
	for _, s := range f.r.Series {
		if s.Indicator == IndChildrenInPrison && s.Place == p && s.Breakdown != obs.Total {
			bands = append(bands, s.Breakdown)
		}
	}
	if _, err := bandsOver(bands, lim.Years); err != nil && len(bands) > 0 {
		return f.add(FindOverLimitUnknown, p, pYear("year", y), pCount("limit", float64(lim.Years)))
	}
	return nil
}

// pregnant: pregnant women in the latest year, and the sub-place (province
// of the country, prison of a province) holding the most when one does.
func (f *findings) pregnant(p string) error {
	s, ok := f.r.Get(IndPregnant, p, "")
	if !ok {
		return nil
	}
	pt, ok := latest(s)
	if !ok {
		return nil
	}
	ps := []param{pYear("year", pt.Year()), pCount("pregnant", pt.Value.Num)}
	if top, n, ok := f.topChild(IndPregnant, p, pt.Date); ok {
		id := FindPregnantMost
		if n == pt.Value.Num {
			id = FindPregnantAll
		}
		return f.add(id, p, append(ps, pPlace("top_place", top), pCount("top_count", n))...)
	}
	return f.add(FindPregnant, p, ps...)
}

// topChild returns the sub-place of p with the highest value of an
// indicator on date, when there are at least two with values and one is
// strictly highest and above zero.
func (f *findings) topChild(ind, p, date string) (string, float64, bool) {
	g := f.opt.Places
	if g == nil {
		return "", 0, false
	}
	parent, ok := g.Get(p)
	if !ok {
		return "", 0, false
	}
	level := map[string]string{places.Country: places.Province, places.Province: places.Facility}[parent.Level]
	var es []RankEntry
	for _, e := range Ranking(f.r, ind, level, date) {
		if c, ok := g.Get(e.Place); ok && c.Parent == p && e.Date == date {
			es = append(es, e)
		}
	}
	if len(es) < 2 || es[0].Value <= 0 || es[1].Rank == 1 {
		return "", 0, false
	}
	return es[0].Place, es[0].Value, true
}

// releases: women released with their children in the latest year.
func (f *findings) releases(p string) error {
	s, ok := f.r.Get(IndReleases, p, obs.Total)
	if !ok {
		return nil
	}
	pt, ok := latest(s)
	if !ok {
		return nil
	}
	ps := []param{pYear("year", pt.Year()), pCount("women", pt.Value.Num)}
	if c, ok := f.value(IndChildrenReleased, p, obs.Total, pt.Date); ok {
		return f.add(FindReleasesChildren, p, append(ps, pCount("children", c))...)
	}
	return f.add(FindReleases, p, ps...)
}

// worldRank: the country's rank among countries by women's share.
func (f *findings) worldRank(p string) error {
	cr := f.r.WorldRank
	if cr == nil || cr.Place != p {
		return nil
	}
	ps := []param{pYear("year", cr.Year), pPct1("share", cr.Share), pCount("rank", float64(cr.Rank)), pOrd("ord", cr.Rank), pCount("countries", float64(cr.Of))}
	if cr.Rank <= f.opt.worldTop() {
		return f.add(FindShareWorldRankTopN, cr.Place, append(ps, pCount("top", float64(f.opt.worldTop())))...)
	}
	return f.add(FindShareWorldRank, cr.Place, ps...)
}

// findingPlaces returns the places findings are written for: every place
// with a series that is not a facility, in gazetteer order.
func findingPlaces(r *Result, order map[string]int) []string {
	m := map[string][]string{}
	for _, s := range r.Series {
		if r.Levels[s.Place] != places.Facility {
			m[s.Place] = nil
		}
	}
	b := builder{order: order}
	return b.places(m)
}
