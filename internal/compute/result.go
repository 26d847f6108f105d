package compute

import "github.com/prisonstats/prisonstats/internal/obs"

// Point is one value of a series at one reference date. A point that cannot
// be computed (no capacity, a missing year) is absent with a reason, never 0.
type Point struct {
	Date  string    `json:"date"` // YYYY-MM-DD
	Value obs.Value `json:"value"`
	// Reason explains an absent value in words ("no capacity reported").
	Reason string `json:"reason,omitempty"`
	// Sources are the cells the value was computed from.
	Sources []obs.Source `json:"sources,omitempty"`
	// Note says how a present value was obtained when it was not read or
	// summed directly ("male = total − female").
	Note string `json:"note,omitempty"`
}

// Year returns the year of the point's date.
func (p Point) Year() int { return obs.Observation{Date: p.Date}.Year() }

// Series is an indicator over time for one place and one breakdown.
type Series struct {
	Indicator string `json:"indicator"` // catalogue id
	Place     string `json:"place"`     // gazetteer code
	// Breakdown is the sex ("female", "male", "total"), the category (an age
	// band, a release mechanism) or "" when the indicator has none.
	Breakdown string  `json:"breakdown,omitempty"`
	Points    []Point `json:"points"` // in date order
	// Note qualifies the whole series ("2008 = 100" for an index).
	Note string `json:"note,omitempty"`
}

// Indicator is one catalogue entry; the methodology page is generated from
// these.
type Indicator struct {
	ID         string `json:"id"`
	Name       string `json:"name"`
	Definition string `json:"definition"`
	Formula    string `json:"formula"`
	Unit       string `json:"unit"` // "count", "percent", "per 100,000", "index"
	// ReferenceDate says which date the figure applies to.
	ReferenceDate string `json:"reference_date"`
	Caveats       string `json:"caveats,omitempty"`
	// DefinitionSource cites where the definition comes from (SDG 16.3.2
	// metadata, UNODC, World Prison Brief, this project).
	DefinitionSource string `json:"definition_source"`
}

// KeyFinding is a sentence generated from the numbers, in every language.
type KeyFinding struct {
	ID    string `json:"id"`    // i18n string id, e.g. "finding_growth_women_men"
	Place string `json:"place"` // gazetteer code
	// Params are the values the sentence is rendered from.
	Params map[string]any `json:"params"`
	// Text is the rendered sentence per language code.
	Text map[string]string `json:"text"`
}

// Result is everything compute produces.
type Result struct {
	Catalogue []Indicator  `json:"catalogue"`
	Series    []Series     `json:"series"`
	Findings  []KeyFinding `json:"findings"`
	// Levels maps each place with a series to its gazetteer level
	// (country, province, facility), or "" when the gazetteer does not
	// know it. Ranking reads it.
	Levels map[string]string `json:"levels,omitempty"`
	// WorldRank is the country's rank among countries by women's share,
	// when Options.Reference was given and covers a year with data.
	WorldRank *CountryRank `json:"world_rank,omitempty"`
	index     map[seriesKey]int
}

type seriesKey struct{ ind, place, breakdown string }

// Get returns the series of an indicator for a place and breakdown.
func (r *Result) Get(indicator, place, breakdown string) (Series, bool) {
	if r.index == nil || len(r.index) != len(r.Series) {
		r.index = make(map[seriesKey]int, len(r.Series))
		for i, s := range r.Series {
			r.index[seriesKey{s.Indicator, s.Place, s.Breakdown}] = i
		}
	}
	i, ok := r.index[seriesKey{indicator, place, breakdown}]
	if !ok {
		return Series{}, false
	}
	return r.Series[i], true
}
