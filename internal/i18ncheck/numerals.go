package i18ncheck

import "regexp"

// nativeNumerals matches numerals that are not 0-9 (Khmer ០-៩). A
// translation writes numbers as 0-9; the build's digits setting
// (internal/i18n.Digits) turns them into Khmer numerals where chosen.
// Written in Khmer, they stay Khmer under the Western setting, so a page
// mixes "ឆ្នាំ2008 = ១០០".
var nativeNumerals = regexp.MustCompile(`[០-៩]+`)

func (c *checker) numerals(file string, line int, where, text string) {
	if m := nativeNumerals.FindString(text); m != "" {
		c.warn(Mismatch, file, line, "%s writes the numeral %q: write 0-9; the digits setting chooses Khmer or Western numerals", where, m)
	}
}
