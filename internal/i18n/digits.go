package i18n

import (
	"fmt"
	"strings"
)

// Digitize rewrites the digits 0-9 in s as lang's own numerals when d is
// Native and lang has them (Khmer ០-៩); otherwise s is returned unchanged.
func Digitize(lang, s string, d Digits) string {
	if lang != "km" || d != Native {
		return s
	}
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return khmerDigits[r-'0']
		}
		return r
	}, s)
}

// ParseDigits reads the digits setting: "western" (0-9, the default when s
// is empty) or "khmer" (also "native": each language's own numerals).
func ParseDigits(s string) (Digits, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "western":
		return Western, nil
	case "khmer", "native":
		return Native, nil
	}
	return Western, fmt.Errorf("digits %q: want \"western\" or \"khmer\"", s)
}

// String names the setting as ParseDigits reads it.
func (d Digits) String() string {
	if d == Native {
		return "khmer"
	}
	return "western"
}

// Text is T with the digits setting applied to the whole result: with
// Native digits, a Khmer string's numerals (its own "100" as well as the
// parameters) come out as Khmer numerals. Translations write numerals as
// 0-9 for this reason (internal/i18ncheck warns otherwise).
func (c *Catalog) Text(lang, id string, params map[string]any, d Digits) (string, error) {
	s, err := c.T(lang, id, params)
	if err != nil {
		return "", err
	}
	return Digitize(lang, s, d), nil
}
