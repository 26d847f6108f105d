package casestudy

import (
	"fmt"
	"slices"
	"sort"

	"github.com/prisonstats/prisonstats/internal/compute"
	"github.com/prisonstats/prisonstats/internal/obs"
)

// Indicator ids of the documented-case figures.
const (
	IndOutcomes         = "documented_outcomes"
	IndDaysToRelease    = "documented_days_to_release"
	IndChildrenReleased = "documented_children_released"
)

// documentedCaveat goes with every documented-case figure.
const documentedCaveat = "Documented cases only: the case studies a partner organisation followed and that the women agreed to publish. They are not a sample of the prison population and are never national statistics."

// Catalogue is the catalogue entries of the documented-case figures, for
// the methodology page.
var Catalogue = []compute.Indicator{
	{
		ID: IndOutcomes, Name: "Documented cases: outcomes by mechanism and year",
		Definition:       "Number of documented case studies whose outcome (release, pardon, sentence reduction) came in the year, by the mechanism that brought it about.",
		Formula:          "count of case studies with outcome ≠ still_detained, by year of outcome_date and mechanism",
		Unit:             "count",
		ReferenceDate:    "year of the outcome",
		Caveats:          documentedCaveat,
		DefinitionSource: "this project",
	},
	{
		ID: IndDaysToRelease, Name: "Documented cases: time from arrest to release (median days)",
		Definition:       "Median number of days from the start of custody to release, over the documented cases released in the year.",
		Formula:          "median(release date − custody.from) in days; release date = custody.to, else outcome_date when released or pardoned",
		Unit:             "days",
		ReferenceDate:    "year of release",
		Caveats:          documentedCaveat + " A median over fewer than 3 cases is not shown.",
		DefinitionSource: "this project",
	},
	{
		ID: IndChildrenReleased, Name: "Documented cases: children released with their mothers",
		Definition:       "Children who were living in prison with their mother (children.with_her) when she was released, over the documented cases released in the year.",
		Formula:          "sum of children.with_her over released case studies, by year of release",
		Unit:             "count",
		ReferenceDate:    "year of release",
		Caveats:          documentedCaveat,
		DefinitionSource: "this project",
	},
}

// minMedian is the fewest cases a median is computed over.
const minMedian = 3

// NoMechanism is the breakdown of outcomes without a mechanism.
const NoMechanism = "none"

// Summarise computes the documented-case figures of cases (pass the cases
// Gate allowed on the channel the figures are published on) as series for
// place (the country's code), by year (dated 31 December). Breakdown "" is
// the total over mechanisms.
func Summarise(cases []Case, place string) []compute.Series {
	type cell struct{ ind, breakdown string }
	counts := map[cell]map[int]float64{}
	days := map[cell]map[int][]int{}
	sources := map[cell]map[int][]obs.Source{}
	add := func(c cell, y int, v float64, src string) {
		if counts[c] == nil {
			counts[c] = map[int]float64{}
			sources[c] = map[int][]obs.Source{}
		}
		counts[c][y] += v
		sources[c][y] = append(sources[c][y], obs.Source{File: src})
	}
	for _, c := range cases {
		mech := c.Mechanism
		if mech == "" {
			mech = NoMechanism
		}
		if c.Outcome != "still_detained" && c.Outcome != "" {
			if y := year(c.OutcomeDate); y > 0 {
				add(cell{IndOutcomes, mech}, y, 1, c.File)
				add(cell{IndOutcomes, ""}, y, 1, c.File)
			}
		}
		y := year(c.ReleaseDate())
		if y == 0 {
			continue
		}
		add(cell{IndChildrenReleased, ""}, y, float64(c.Children.WithHer), c.File)
		if d, ok := c.DaysToRelease(); ok {
			for _, b := range []string{mech, ""} {
				k := cell{IndDaysToRelease, b}
				if days[k] == nil {
					days[k] = map[int][]int{}
				}
				days[k][y] = append(days[k][y], d)
				if sources[k] == nil {
					sources[k] = map[int][]obs.Source{}
				}
				sources[k][y] = append(sources[k][y], obs.Source{File: c.File})
			}
		}
	}
	var out []compute.Series
	for k, byYear := range counts {
		s := compute.Series{Indicator: k.ind, Place: place, Breakdown: k.breakdown, Note: "documented cases"}
		for _, y := range sortedYears(byYear) {
			s.Points = append(s.Points, compute.Point{Date: fmt.Sprintf("%d-12-31", y), Value: obs.Num(byYear[y]), Sources: sources[k][y]})
		}
		out = append(out, s)
	}
	for k, byYear := range days {
		s := compute.Series{Indicator: k.ind, Place: place, Breakdown: k.breakdown, Note: "documented cases"}
		for _, y := range sortedYears(byYear) {
			p := compute.Point{Date: fmt.Sprintf("%d-12-31", y), Sources: sources[k][y]}
			if ds := byYear[y]; len(ds) < minMedian {
				p.Value = obs.Absent(obs.NotApplicable)
				p.Reason = fmt.Sprintf("fewer than %d documented cases", minMedian)
			} else {
				p.Value = obs.Num(median(ds))
			}
			s.Points = append(s.Points, p)
		}
		out = append(out, s)
	}
	slices.SortFunc(out, func(a, b compute.Series) int {
		if a.Indicator != b.Indicator {
			return indexOf(a.Indicator) - indexOf(b.Indicator)
		}
		switch {
		case a.Breakdown < b.Breakdown:
			return -1
		case a.Breakdown > b.Breakdown:
			return 1
		}
		return 0
	})
	return out
}

func indexOf(ind string) int {
	return slices.IndexFunc(Catalogue, func(i compute.Indicator) bool { return i.ID == ind })
}

func sortedYears[V any](m map[int]V) []int {
	ys := make([]int, 0, len(m))
	for y := range m {
		ys = append(ys, y)
	}
	sort.Ints(ys)
	return ys
}

// median of whole days; the mean of the middle two for an even count.
func median(ds []int) float64 {
	s := slices.Clone(ds)
	slices.Sort(s)
	n := len(s)
	if n%2 == 1 {
		return float64(s[n/2])
	}
	return float64(s[n/2-1]+s[n/2]) / 2
}
