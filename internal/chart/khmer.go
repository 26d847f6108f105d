package chart

import (
	"strings"
	"unicode/utf8"
)

// Khmer titles are wrapped here, not by ECharts. ECharts breaks a line
// between any two characters of a script it does not know, so a Khmer title
// could break between a consonant and its vowel sign ("ទា" / "ំងអស់"), and
// it measures every character, marks included, as one em wide, so it breaks
// far too early. wrapKhmer breaks only between written syllables
// (clusters), at a space where there is one, with an estimate of the
// browser's widths; the option then carries explicit line breaks and a line
// height that leaves room for Khmer's stacked consonants and vowels.

// Line heights of Khmer titles and subtitles, in px.
const (
	khmerTitleLine = 28
	khmerSubLine   = 22
)

// khmerAdvance estimates a rune's width in em as a browser draws it with a
// Khmer font: consonants and independent vowels about 0.72 em, spacing
// vowel signs about 0.4 em, marks above and below and subscript consonants
// nothing.
func khmerAdvance(r, prev rune) float64 {
	switch {
	case prev == 0x17D2: // after coeng: a subscript consonant
		return 0
	case r == 0x17D2, r == 0x17B4, r == 0x17B5, r == 0x200B, r == 0x200C, r == 0x200D:
		return 0
	case r >= 0x17B7 && r <= 0x17BD, r == 0x17C6, r >= 0x17C9 && r <= 0x17D1, r == 0x17D3, r == 0x17DD:
		return 0 // marks above and below
	case r == 0x17B6, r >= 0x17BE && r <= 0x17C5, r == 0x17C7, r == 0x17C8:
		return 0.4 // spacing vowel signs
	case r >= 0x1780 && r <= 0x17FF:
		return 0.72
	case r == ' ':
		return 0.3
	case r < utf8.RuneSelf:
		return 0.6
	}
	return 1
}

// startsCluster reports whether a line may break before r, which follows
// prev: before a base character (not a mark, a vowel sign or a subscript).
func startsCluster(r, prev rune) bool {
	if prev == 0 || prev == 0x17D2 || r == 0x17D2 {
		return false
	}
	if r >= 0x1780 && r <= 0x17FF {
		return r <= 0x17B3 || (r >= 0x17D4 && r <= 0x17DC && r != 0x17DD) || (r >= 0x17E0 && r <= 0x17F9)
	}
	return r != 0x200C && r != 0x200D
}

// wrapKhmer breaks s into lines of at most width px at the given font size.
func wrapKhmer(s string, size, width int) []string {
	limit := float64(width) / float64(size)
	var out []string
	var line []rune
	w := 0.0
	lastSpace := -1 // index in line of the last space
	prev := rune(0)
	for _, r := range s {
		adv := khmerAdvance(r, prev)
		if len(line) > 0 && w+adv > limit && adv > 0 && startsCluster(r, prev) {
			if lastSpace > 0 {
				out = append(out, strings.TrimSpace(string(line[:lastSpace])))
				line = append([]rune(nil), line[lastSpace+1:]...)
			} else {
				out = append(out, string(line))
				line = line[:0]
			}
			w, lastSpace = 0, -1
			p := rune(0)
			for _, q := range line {
				w += khmerAdvance(q, p)
				p = q
			}
		}
		if r == ' ' {
			lastSpace = len(line)
		}
		line = append(line, r)
		w += adv
		prev = r
	}
	if l := strings.TrimSpace(string(line)); l != "" {
		out = append(out, l)
	}
	return out
}
