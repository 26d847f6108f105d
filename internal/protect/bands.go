package protect

import (
	"math"
	"regexp"
	"strconv"
	"strings"

	"github.com/prisonstats/prisonstats/internal/rules"
)

// bandRange reads an age-band category ("under_1", "1_2", "over_3") as
// years [lo, hi). It is the same reading as compute's.
func bandRange(cat string) (lo, hi float64, ok bool) {
	num := func(s string) (float64, bool) {
		f, err := strconv.ParseFloat(s, 64)
		return f, err == nil && f >= 0
	}
	switch {
	case strings.HasPrefix(cat, "under_"):
		if n, ok := num(strings.TrimPrefix(cat, "under_")); ok {
			return 0, n, true
		}
	case strings.HasPrefix(cat, "over_"):
		if n, ok := num(strings.TrimPrefix(cat, "over_")); ok {
			return n, math.Inf(1), true
		}
	default:
		a, b, found := strings.Cut(cat, "_")
		l, ok1 := num(a)
		h, ok2 := num(b)
		if found && ok1 && ok2 && l < h {
			return l, h, true
		}
	}
	return 0, 0, false
}

// bandsOverLimit returns the bands wholly above the age limit in force on
// date: the bands whose sum compute publishes as children_over_limit.
func bandsOverLimit(r *rules.Rules, date string, bands []string) []string {
	if r == nil {
		return nil
	}
	lim, ok := r.AgeLimitOn(date)
	if !ok {
		return nil
	}
	var over []string
	for _, b := range bands {
		lo, hi, ok := bandRange(b)
		if !ok {
			return nil
		}
		switch {
		case lo >= float64(lim.Years):
			over = append(over, b)
		case hi <= float64(lim.Years):
		default:
			return nil // straddles: compute publishes no figure
		}
	}
	return over
}

// noteBands reads the bands compute names in a children_over_limit point's
// note ("over the 3-year limit (…): bands [over_3]").
var noteBands = regexp.MustCompile(`bands \[([^\]]*)\]`)

func bandsFromNote(note string) []string {
	m := noteBands.FindStringSubmatch(note)
	if m == nil {
		return nil
	}
	return strings.Fields(m[1])
}
