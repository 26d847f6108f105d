package compute

import (
	"math"
	"time"
)

// pointAt returns the point of s at when: a full date (YYYY-MM-DD) matches
// exactly; a year (YYYY) matches the last point of that year.
func pointAt(s Series, when string) (Point, bool) {
	var found Point
	ok := false
	for _, p := range s.Points {
		if p.Date == when || (len(when) == 4 && len(p.Date) >= 4 && p.Date[:4] == when) {
			found, ok = p, true
		}
	}
	return found, ok
}

// Growth returns the change of s from one date to another in percent
// ((to − from) ÷ from × 100). Dates are YYYY-MM-DD or a year. It reports
// false when either point is missing or absent, or the first is zero.
func Growth(s Series, from, to string) (float64, bool) {
	a, ok1 := pointAt(s, from)
	b, ok2 := pointAt(s, to)
	if !ok1 || !ok2 || !a.Value.OK() || !b.Value.OK() || a.Value.Num == 0 {
		return 0, false
	}
	return (b.Value.Num - a.Value.Num) / a.Value.Num * 100, true
}

// CAGR returns the compound annual growth rate of s between two dates in
// percent: ((to ÷ from)^(1/years) − 1) × 100, where years is the time
// between the two points' dates (whole years when they fall on the same
// day of the year). It reports false when a point is missing or absent,
// the first is not positive, or the second is not after the first.
func CAGR(s Series, from, to string) (float64, bool) {
	a, ok1 := pointAt(s, from)
	b, ok2 := pointAt(s, to)
	if !ok1 || !ok2 || !a.Value.OK() || !b.Value.OK() || a.Value.Num <= 0 || b.Value.Num < 0 {
		return 0, false
	}
	years, ok := yearsBetween(a.Date, b.Date)
	if !ok || years <= 0 {
		return 0, false
	}
	return (math.Pow(b.Value.Num/a.Value.Num, 1/years) - 1) * 100, true
}

// yearsBetween is the time from a to b in years.
func yearsBetween(a, b string) (float64, bool) {
	ta, err1 := time.Parse(time.DateOnly, a)
	tb, err2 := time.Parse(time.DateOnly, b)
	if err1 != nil || err2 != nil {
		return 0, false
	}
	if ta.Month() == tb.Month() && ta.Day() == tb.Day() {
		return float64(tb.Year() - ta.Year()), true
	}
	return tb.Sub(ta).Hours() / 24 / 365.2425, true
}

// yearly returns the last point of each year of s, by year.
func yearly(s Series) map[int]Point {
	m := map[int]Point{}
	for _, p := range s.Points {
		if y := p.Year(); y > 0 {
			m[y] = p
		}
	}
	return m
}

// gapFree returns the first year in which every series has a present value
// and the last year of the run of consecutive such years that starts there.
func gapFree(ss ...Series) (first, last int, ok bool) {
	if len(ss) == 0 {
		return 0, 0, false
	}
	ys := make([]map[int]Point, len(ss))
	lo, hi := math.MaxInt, math.MinInt
	for i, s := range ss {
		ys[i] = yearly(s)
		for y := range ys[i] {
			lo, hi = min(lo, y), max(hi, y)
		}
	}
	all := func(y int) bool {
		for _, m := range ys {
			if p, ok := m[y]; !ok || !p.Value.OK() {
				return false
			}
		}
		return true
	}
	for y := lo; y <= hi; y++ {
		if !all(y) {
			continue
		}
		first, last = y, y
		for all(last + 1) {
			last++
		}
		return first, last, true
	}
	return 0, 0, false
}
