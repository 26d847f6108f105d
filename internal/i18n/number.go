package i18n

import (
	"math"
	"strconv"
	"strings"
)

var khmerDigits = []rune("០១២៣៤៥៦៧៨៩")

// Digits chooses the numerals used for a language.
type Digits int

const (
	// Western digits 0-9.
	Western Digits = iota
	// Native digits (Khmer ០-៩ for km).
	Native
)

// Format writes x with the given decimals and thousands separators, in the
// numerals chosen for lang. Negative zero prints as 0.
func Format(lang string, x float64, decimals int, d Digits) string {
	if x == 0 {
		x = 0
	}
	s := strconv.FormatFloat(math.Abs(x), 'f', decimals, 64)
	intPart, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	if x < 0 && strings.Trim(s, "0.") != "" {
		b.WriteByte('-')
	}
	for i, c := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if frac != "" {
		b.WriteByte('.')
		b.WriteString(frac)
	}
	out := b.String()
	if lang == "km" && d == Native {
		out = strings.Map(func(r rune) rune {
			if r >= '0' && r <= '9' {
				return khmerDigits[r-'0']
			}
			return r
		}, out)
	}
	return out
}
