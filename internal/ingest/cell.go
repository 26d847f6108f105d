package ingest

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/prisonstats/prisonstats/internal/obs"
)

// NumberFormat says how text numbers are written.
type NumberFormat struct {
	// Decimal is "." (1,234.5) or "," (1.234,5).
	Decimal string
	// Percent says how a percentage column is written: "points" (12.5
	// means 12.5%, stored as 0.125) or "fraction" (0.125 is stored as is,
	// as spreadsheets store cells formatted as %). Text "12.5%" is 0.125
	// either way.
	Percent string
}

// ParseCell turns a cell's text into a value: a number, or missing with
// the reason the markers give. It reports an error for text that is
// neither, naming the text.
func ParseCell(s string, missing map[string]obs.Missing, nf NumberFormat) (obs.Value, error) {
	t := strings.TrimSpace(strings.Map(dropSpaceLike, s))
	if missing == nil {
		missing = defaultMissing
	}
	if m, ok := missing[strings.ToLower(t)]; ok {
		return obs.Absent(m), nil
	}
	f, err := parseNumber(t, nf)
	if err != nil {
		return obs.Value{}, err
	}
	return obs.Num(f), nil
}

// dropSpaceLike turns no-break and thin spaces into plain spaces.
func dropSpaceLike(r rune) rune {
	switch r {
	case '\u00a0', '\u2007', '\u202f', '\u2009':
		return ' '
	}
	return r
}

// parseNumber reads "1234", "1,234", "1 234", "1.234,5" (decimal ","),
// "-3", "(3)" is refused, "12.5%".
func parseNumber(t string, nf NumberFormat) (float64, error) {
	orig := t
	pct := false
	if strings.HasSuffix(t, "%") {
		pct = true
		t = strings.TrimSpace(strings.TrimSuffix(t, "%"))
	}
	// A raw spreadsheet number ("5114.4799999999996", "1E-3") reads as is,
	// unless the locale makes "1.234" a thousand.
	raw, rerr := 0.0, fmt.Errorf("%q is not a number", orig)
	if plainFloat(t) {
		raw, rerr = strconv.ParseFloat(t, 64)
		if rerr == nil && (nf.Decimal != "," || !strings.Contains(t, ".")) {
			return finish(raw, orig, pct, nf)
		}
	}
	f, err := localeNumber(t, orig, nf)
	if err != nil && rerr == nil {
		return finish(raw, orig, pct, nf)
	}
	if err != nil {
		return 0, err
	}
	return finish(f, orig, pct, nf)
}

// plainFloat reports whether t is digits with an optional sign, point and
// exponent (no hex, no "Inf").
func plainFloat(t string) bool {
	if t == "" {
		return false
	}
	for _, r := range t {
		if !(r >= '0' && r <= '9' || r == '.' || r == '-' || r == '+' || r == 'e' || r == 'E') {
			return false
		}
	}
	return true
}

func localeNumber(t, orig string, nf NumberFormat) (float64, error) {
	dec, thou := '.', ','
	if nf.Decimal == "," {
		dec, thou = ',', '.'
	}
	var b strings.Builder
	seenDec := false
	digitsSinceThou := -1
	for i, r := range t {
		switch {
		case r >= '0' && r <= '9':
			b.WriteRune(r)
			if digitsSinceThou >= 0 {
				digitsSinceThou++
			}
		case r == '-' && i == 0, r == '+' && i == 0:
			b.WriteRune(r)
		case r == thou || r == ' ' || r == '\'':
			if seenDec || b.Len() == 0 || digitsSinceThou >= 0 && digitsSinceThou != 3 {
				return 0, fmt.Errorf("%q is not a number", orig)
			}
			digitsSinceThou = 0
		case r == dec:
			if seenDec || digitsSinceThou >= 0 && digitsSinceThou != 3 {
				return 0, fmt.Errorf("%q is not a number", orig)
			}
			seenDec = true
			digitsSinceThou = -1
			b.WriteByte('.')
		default:
			return 0, fmt.Errorf("%q is not a number", orig)
		}
	}
	if digitsSinceThou >= 0 && digitsSinceThou != 3 {
		return 0, fmt.Errorf("%q is not a number", orig)
	}
	f, err := strconv.ParseFloat(b.String(), 64)
	if err != nil {
		return 0, fmt.Errorf("%q is not a number", orig)
	}
	return f, nil
}

func finish(f float64, orig string, pct bool, nf NumberFormat) (float64, error) {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return 0, fmt.Errorf("%q is not a number", orig)
	}
	if pct || nf.Percent == "points" {
		f /= 100
	}
	return f, nil
}

// cleanLabel strips control characters and bidirectional overrides from a
// label and reports whether it had to.
func cleanLabel(s string) (string, bool) {
	if plainASCII(s) {
		return s, false
	}
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	changed := false
	out := strings.Map(func(r rune) rune {
		switch {
		case r == '\t' || r == '\n' || r == '\r':
			return ' '
		case unicode.IsControl(r), isBidiControl(r), r == '\uFEFF':
			changed = true
			return -1
		}
		return r
	}, s)
	return strings.Join(strings.Fields(out), " "), changed
}

// plainASCII reports printable ASCII without leading, trailing or doubled
// spaces: text cleanLabel would return unchanged.
func plainASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 || c > 0x7e || c == ' ' && (i == 0 || i == len(s)-1 || s[i-1] == ' ') {
			return false
		}
	}
	return true
}

// isBidiControl reports the embedding, override and isolate controls that
// can make a label display differently from what it is (Trojan Source).
func isBidiControl(r rune) bool {
	switch {
	case r >= '\u202A' && r <= '\u202E', r >= '\u2066' && r <= '\u2069', r == '\u200E', r == '\u200F', r == '\u061C':
		return true
	}
	return false
}

// stripFootnote removes a footnote marker glued to a label.
func (s *Source) stripFootnote(v string) string {
	if s.footRe == nil || v == "" {
		return v
	}
	// fast path for the default markers: they end in a letter after '/',
	// in ')' or in '*'
	if s.Footnotes == "" || s.Footnotes == "default" {
		last := v[len(v)-1]
		if last != ')' && last != '*' && !strings.Contains(v[max(0, len(v)-8):], "/") {
			return v
		}
	}
	if loc := s.footRe.FindStringIndex(v); loc != nil && loc[0] > 0 {
		return strings.TrimSpace(v[:loc[0]])
	}
	return v
}
