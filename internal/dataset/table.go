package dataset

import (
	"cmp"
	"slices"
	"strings"

	"github.com/prisonstats/prisonstats/internal/compute"
	"github.com/prisonstats/prisonstats/internal/obs"
)

// row is one published point of the protected result.
type row struct {
	indicator, unit, place, level, breakdown, date string
	year                                           int
	value                                          obs.Value
	reason, note                                   string
	sources                                        []obs.Source
}

// status is "published" for a number, else the reason it is absent
// (suppressed, not_available, …).
func (r row) status() string {
	if r.value.OK() {
		return "published"
	}
	return r.value.Missing.String()
}

// sourceList names the cells of the row: "file:sheet!A1,A2; other.csv:3:4".
// Consecutive cells of one sheet share the "file:sheet!" prefix, so that a
// national sum over 28 prisons stays readable.
func (r row) sourceList() string {
	var b strings.Builder
	prev := obs.Source{}
	for i, src := range r.sources {
		sameSheet := i > 0 && src.Cell != "" && prev.Cell != "" && src.File == prev.File && src.Sheet == prev.Sheet
		switch {
		case sameSheet:
			b.WriteString(",")
			b.WriteString(src.Cell)
		default:
			if i > 0 {
				b.WriteString("; ")
			}
			b.WriteString(src.String())
		}
		prev = src
	}
	return b.String()
}

// tableRows lays out every point of the result (only the count indicators
// when countsOnly) in a stable order.
func tableRows(res *compute.Result, countsOnly bool) []row {
	units := map[string]string{}
	for _, ind := range res.Catalogue {
		units[ind.ID] = ind.Unit
	}
	var rows []row
	for _, s := range res.Series {
		unit := units[s.Indicator]
		if countsOnly && unit != "count" {
			continue
		}
		for _, p := range s.Points {
			r := row{indicator: s.Indicator, unit: unit, place: s.Place, level: res.Levels[s.Place],
				breakdown: s.Breakdown, date: p.Date, year: p.Year(), value: p.Value,
				reason: p.Reason, note: joinNote(s.Note, p.Note), sources: p.Sources}
			if !r.value.OK() {
				r.value = obs.Absent(r.value.Missing) // never carry a hidden number along
			}
			rows = append(rows, r)
		}
	}
	slices.SortStableFunc(rows, func(a, b row) int {
		return cmp.Or(cmp.Compare(a.indicator, b.indicator), cmp.Compare(a.place, b.place),
			cmp.Compare(a.breakdown, b.breakdown), cmp.Compare(a.date, b.date))
	})
	return rows
}

func joinNote(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + "; " + b
}
