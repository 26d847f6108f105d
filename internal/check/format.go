package check

import (
	"math"

	"github.com/prisonstats/prisonstats/internal/obs"
	"strconv"
	"strings"
)

// num formats a value for a message: whole numbers with thousands
// separators (31,008), others as Go prints them (6.52).
func num(v float64) string {
	if v != math.Trunc(v) || math.Abs(v) >= 1e15 {
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
	s := strconv.FormatInt(int64(math.Abs(v)), 10)
	var b strings.Builder
	if v < 0 {
		b.WriteByte('-')
	}
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}

// val formats a value that may be missing: the number, or the reason.
func val(v obs.Value) string {
	if v.OK() {
		return num(v.Num)
	}
	return v.Missing.String()
}
