package compute

import (
	"slices"
	"sort"
	"strings"
	"unicode"

	"github.com/prisonstats/prisonstats/internal/obs"
	"github.com/prisonstats/prisonstats/internal/places"
)

// RankEntry is one place's position in a ranking.
type RankEntry struct {
	// Rank is 1 for the highest value; equal values share a rank (1, 2, 2, 4).
	Rank    int          `json:"rank"`
	Place   string       `json:"place"`
	Date    string       `json:"date"`
	Value   float64      `json:"value"`
	Sources []obs.Source `json:"sources,omitempty"`
}

// Ranking ranks the places of a level (places.Province, places.Facility) by
// an indicator on a date, highest first. The breakdown is "total" where the
// indicator has one (children_in_prison) and "" otherwise. date is
// YYYY-MM-DD, a year, or "" for the latest date with a value at that level.
// Places whose value is absent on that date are left out.
func Ranking(r *Result, indicator, level, date string) []RankEntry {
	var ss []Series
	for _, s := range r.Series {
		if s.Indicator == indicator && r.Levels[s.Place] == level {
			ss = append(ss, s)
		}
	}
	bd := ""
	if slices.ContainsFunc(ss, func(s Series) bool { return s.Breakdown == obs.Total }) {
		bd = obs.Total
	}
	ss = slices.DeleteFunc(ss, func(s Series) bool { return s.Breakdown != bd })
	if date == "" {
		for _, s := range ss {
			for _, p := range s.Points {
				if p.Value.OK() && p.Date > date {
					date = p.Date
				}
			}
		}
		if date == "" {
			return nil
		}
	}
	var out []RankEntry
	for _, s := range ss {
		p, ok := pointAt(s, date)
		if !ok || !p.Value.OK() {
			continue
		}
		out = append(out, RankEntry{Place: s.Place, Date: p.Date, Value: p.Value.Num, Sources: p.Sources})
	}
	rank(out)
	return out
}

// rank sorts entries by value, highest first (stable), and numbers them.
func rank(es []RankEntry) {
	sort.SliceStable(es, func(i, j int) bool { return es[i].Value > es[j].Value })
	for i := range es {
		if i > 0 && es[i].Value == es[i-1].Value {
			es[i].Rank = es[i-1].Rank
		} else {
			es[i].Rank = i + 1
		}
	}
}

// CountryRank is a country's place among countries by women's share of
// prisoners in one year.
type CountryRank struct {
	Place string  `json:"place"` // gazetteer code of the country
	Year  int     `json:"year"`
	Share float64 `json:"share"` // percent
	Rank  int     `json:"rank"`  // 1 = highest share
	Of    int     `json:"of"`    // countries with a share that year, the country included
}

// shareByYear computes women's share of prisoners per place code and year
// from a reference table (UNODC layout: place codes are ISO3), using the
// last date of each year on which both counts are present.
func shareByYear(ref []obs.Observation) map[int]map[string]float64 {
	t := newTable(ref, nil)
	type py struct {
		place string
		year  int
	}
	last := map[py]string{}
	for k, o := range t.obs {
		if k.Measure == obs.Prisoners && k.Status == obs.Total && k.Age == obs.Total && k.Category == "" && k.Sex == obs.Female {
			id := py{k.Place, o.Year()}
			if k.Date > last[id] {
				fk, tk := k, k
				tk.Sex = obs.Total
				if f, tot := t.get(fk), t.get(tk); f.ok() && tot.ok() && tot.v.Num > 0 {
					last[id] = k.Date
				}
			}
		}
	}
	out := map[int]map[string]float64{}
	for id, d := range last {
		f := t.get(obs.Key{Date: d, Place: id.place, Sex: obs.Female, Status: obs.Total, Age: obs.Total, Measure: obs.Prisoners})
		tot := t.get(obs.Key{Date: d, Place: id.place, Sex: obs.Total, Status: obs.Total, Age: obs.Total, Measure: obs.Prisoners})
		if out[id.year] == nil {
			out[id.year] = map[string]float64{}
		}
		out[id.year][id.place] = f.v.Num / tot.v.Num * 100
	}
	return out
}

// countryCodes returns the codes a reference table may use for a country:
// its gazetteer code and its three-letter upper-case aliases (ISO3).
func countryCodes(g *places.Gazetteer, code string) []string {
	out := []string{code}
	if g == nil {
		return out
	}
	p, ok := g.Get(code)
	if !ok {
		return out
	}
	for _, a := range p.Aliases {
		if len(a) == 3 && strings.IndexFunc(a, func(r rune) bool { return !unicode.IsUpper(r) }) < 0 {
			out = append(out, a)
		}
	}
	return out
}

// rankAmongCountries ranks the country by women's share among the
// reference's countries in the latest year for which the country has a
// share of its own (from share) and the reference has other countries.
// The country's own figure replaces the reference's for it.
func rankAmongCountries(ref map[int]map[string]float64, codes []string, share Series) (CountryRank, bool) {
	pts := yearly(share)
	var years []int
	for y, p := range pts {
		if p.Value.OK() {
			years = append(years, y)
		}
	}
	slices.Sort(years)
	for i := len(years) - 1; i >= 0; i-- {
		y := years[i]
		var es []RankEntry
		for code, v := range ref[y] {
			if !slices.Contains(codes, code) {
				es = append(es, RankEntry{Place: code, Value: v})
			}
		}
		if len(es) == 0 {
			continue
		}
		sort.Slice(es, func(i, j int) bool { return es[i].Place < es[j].Place })
		own := pts[y].Value.Num
		es = append(es, RankEntry{Place: share.Place, Value: own})
		rank(es)
		for _, e := range es {
			if e.Place == share.Place {
				return CountryRank{Place: share.Place, Year: y, Share: own, Rank: e.Rank, Of: len(es)}, true
			}
		}
	}
	return CountryRank{}, false
}

// ordinalEN returns the English ordinal suffix of n ("st", "nd", "rd", "th").
func ordinalEN(n int) string {
	if n%100 >= 11 && n%100 <= 13 {
		return "th"
	}
	switch n % 10 {
	case 1:
		return "st"
	case 2:
		return "nd"
	case 3:
		return "rd"
	}
	return "th"
}
