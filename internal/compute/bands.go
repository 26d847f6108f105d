package compute

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// band is a child age band in years, [lo, hi); hi is +Inf for "over N".
type band struct{ lo, hi float64 }

// parseBand reads an age-band category: "under_1", "1_2", "2_3", "over_3".
func parseBand(cat string) (band, bool) {
	num := func(s string) (float64, bool) {
		f, err := strconv.ParseFloat(s, 64)
		return f, err == nil && f >= 0
	}
	switch {
	case strings.HasPrefix(cat, "under_"):
		if n, ok := num(strings.TrimPrefix(cat, "under_")); ok {
			return band{0, n}, true
		}
	case strings.HasPrefix(cat, "over_"):
		if n, ok := num(strings.TrimPrefix(cat, "over_")); ok {
			return band{n, math.Inf(1)}, true
		}
	default:
		a, b, found := strings.Cut(cat, "_")
		lo, ok1 := num(a)
		hi, ok2 := num(b)
		if found && ok1 && ok2 && lo < hi {
			return band{lo, hi}, true
		}
	}
	return band{}, false
}

// bandsOver returns the bands (categories) that lie wholly above a limit of
// years, or why the limit cannot be drawn with these bands.
func bandsOver(cats []string, years int) ([]string, error) {
	limit := float64(years)
	var over []string
	open := false
	for _, c := range cats {
		b, ok := parseBand(c)
		if !ok {
			return nil, fmt.Errorf("age band %q is not a range of years", c)
		}
		if math.IsInf(b.hi, 1) {
			open = true
		}
		switch {
		case b.lo >= limit:
			over = append(over, c)
		case b.hi <= limit:
		default:
			return nil, fmt.Errorf("the age band %s straddles the %d-year limit, so children over it cannot be counted from these bands", c, years)
		}
	}
	if !open {
		return nil, fmt.Errorf("no age band covers children over %d years", years)
	}
	return over, nil
}
