package chart

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"strconv"

	"github.com/prisonstats/prisonstats/internal/compute"
	"github.com/prisonstats/prisonstats/internal/obs"
	"github.com/prisonstats/prisonstats/internal/places"
)

// frame is the data of one chart before it is drawn: rows (years, or places
// for a ranking bar) by series. Option, table, CSV and alt text are all
// made from the same frame, so they always show the same numbers.
type frame struct {
	rows  []row
	ncols int
	// year is the one year of a ranking bar.
	year int
	// refDate is the latest date of a plotted value.
	refDate string
}

type row struct {
	key   string // year ("2012") or place code
	year  int    // for rows over years
	cells []cell // one per series
}

type cell struct {
	v      float64
	ok     bool
	reason string // why the value is absent
}

// reasonWords turns a Missing into the words used in the CSV.
var reasonWords = map[obs.Missing]string{
	obs.Blank:              "blank in the source",
	obs.NotAvailable:       "not available",
	obs.SuppressedAtSource: "suppressed at source",
	obs.NotApplicable:      "not applicable",
	obs.Suppressed:         "suppressed (small count)",
}

const noData = "no data"

func pointCell(p compute.Point) cell {
	if p.Value.OK() {
		return cell{v: p.Value.Num, ok: true}
	}
	r := reasonWords[p.Value.Missing]
	if r == "" {
		r = p.Value.Missing.String()
	}
	if p.Reason != "" {
		r += ": " + p.Reason
	}
	return cell{reason: r}
}

// yearFrame gathers the def's series for one place, one row per year that
// any series has within the def's years. found reports whether at least one
// series exists for the place.
func yearFrame(d *Def, res *compute.Result, place string) (f frame, found bool) {
	byYear := map[int][]cell{}
	f.ncols = len(d.Series)
	for j, sd := range d.Series {
		s, ok := res.Get(sd.Indicator, place, sd.Breakdown)
		if !ok {
			continue
		}
		found = true
		for _, p := range s.Points {
			y := p.Year()
			if y == 0 || !d.inYears(y) {
				continue
			}
			cs, ok := byYear[y]
			if !ok {
				cs = make([]cell, f.ncols)
				for k := range cs {
					cs[k] = cell{reason: noData}
				}
				byYear[y] = cs
			}
			// Points are in date order: a later date in the same year wins.
			cs[j] = pointCell(p)
			if p.Value.OK() && p.Date > f.refDate {
				f.refDate = p.Date
			}
		}
	}
	for _, y := range slices.Sorted(maps.Keys(byYear)) {
		f.rows = append(f.rows, row{key: strconv.Itoa(y), year: y, cells: byYear[y]})
	}
	return f, found
}

// rankingFrame gathers one series over every province for one year (the
// def's year, or the latest year any province has a value), sorted by
// value, highest first; places without a value come last in gazetteer order.
func rankingFrame(d *Def, res *compute.Result, g *places.Gazetteer) (frame, error) {
	sd := d.Series[0]
	provs := g.Level(places.Province)
	if len(provs) == 0 {
		return frame{}, fmt.Errorf("the gazetteer has no provinces")
	}
	year := d.from
	if year == 0 {
		for _, p := range provs {
			s, ok := res.Get(sd.Indicator, p.Code, sd.Breakdown)
			if !ok {
				continue
			}
			for _, pt := range s.Points {
				if pt.Value.OK() {
					year = max(year, pt.Year())
				}
			}
		}
		if year == 0 {
			return frame{}, fmt.Errorf("no province has a value of %s", seriesName(sd))
		}
	}
	f := frame{ncols: 1, year: year}
	for _, p := range provs {
		c := cell{reason: noData}
		if s, ok := res.Get(sd.Indicator, p.Code, sd.Breakdown); ok {
			for _, pt := range s.Points {
				if pt.Year() == year {
					c = pointCell(pt)
					if pt.Value.OK() && pt.Date > f.refDate {
						f.refDate = pt.Date
					}
				}
			}
		}
		f.rows = append(f.rows, row{key: p.Code, cells: []cell{c}})
	}
	slices.SortStableFunc(f.rows, func(a, b row) int {
		ca, cb := a.cells[0], b.cells[0]
		switch {
		case ca.ok && cb.ok:
			return cmp.Compare(cb.v, ca.v)
		case ca.ok:
			return -1
		case cb.ok:
			return 1
		}
		return 0
	})
	return f, nil
}

func seriesName(sd SeriesDef) string {
	if sd.Breakdown == "" {
		return sd.Indicator
	}
	return sd.Indicator + "/" + sd.Breakdown
}
