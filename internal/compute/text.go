package compute

import (
	"math"
	"strconv"
	"strings"

	"github.com/prisonstats/prisonstats/internal/i18n"
	"github.com/prisonstats/prisonstats/internal/places"
)

// kind says how a finding's parameter is written in a language.
type kind int

const (
	kYear  kind = iota // 2012, no separator
	kCount             // 1,624
	kPct0              // whole percent: 98
	kPct1              // one decimal: 8.7
	kPlace             // a place code, written as the place's name
	kOrd               // an ordinal suffix for the number ("st", "nd"); empty outside English
	kText              // written as is
)

// param is one value a sentence is rendered from.
type param struct {
	name string
	kind kind
	num  float64
	str  string
}

func pYear(name string, y int) param      { return param{name: name, kind: kYear, num: float64(y)} }
func pCount(name string, x float64) param { return param{name: name, kind: kCount, num: x} }
func pPct0(name string, x float64) param  { return param{name: name, kind: kPct0, num: round(x, 0)} }
func pPct1(name string, x float64) param  { return param{name: name, kind: kPct1, num: round(x, 1)} }
func pPlace(name, code string) param      { return param{name: name, kind: kPlace, str: code} }
func pOrd(name string, n int) param       { return param{name: name, kind: kOrd, num: float64(n)} }
func pText(name string, s string) param   { return param{name: name, kind: kText, str: s} }
func round(x float64, decimals int) float64 {
	p := math.Pow(10, float64(decimals))
	return math.Round(x*p) / p
}

// raw returns the language-independent value stored in KeyFinding.Params.
func (p param) raw() any {
	switch p.kind {
	case kYear, kOrd:
		return int(p.num)
	case kPlace, kText:
		return p.str
	}
	return p.num
}

var khmerDigits = []rune("០១២៣៤៥៦៧៨៩")

// text writes the parameter in lang.
func (p param) text(lang string, d i18n.Digits, g *places.Gazetteer) string {
	switch p.kind {
	case kYear:
		s := strconv.Itoa(int(p.num))
		if lang == "km" && d == i18n.Native {
			s = strings.Map(func(r rune) rune {
				if r >= '0' && r <= '9' {
					return khmerDigits[r-'0']
				}
				return r
			}, s)
		}
		return s
	case kCount, kPct0:
		return i18n.Format(lang, p.num, 0, d)
	case kPct1:
		return i18n.Format(lang, p.num, 1, d)
	case kPlace:
		return placeName(g, p.str, lang)
	case kOrd:
		if lang == "en" {
			return ordinalEN(int(p.num))
		}
		return ""
	}
	return p.str
}

// placeName is the place's name in lang (Khmer name for km), or its code.
func placeName(g *places.Gazetteer, code, lang string) string {
	if g == nil {
		return code
	}
	pl, ok := g.Get(code)
	if !ok {
		return code
	}
	if lang == "km" && pl.NameKm != "" {
		return pl.NameKm
	}
	if pl.Name != "" {
		return pl.Name
	}
	return code
}

// render writes a key finding's sentence in every language.
func render(kf *KeyFinding, ps []param, opt Options) error {
	kf.Params = map[string]any{}
	for _, p := range ps {
		kf.Params[p.name] = p.raw()
	}
	if opt.I18n == nil {
		return nil
	}
	kf.Text = map[string]string{}
	for _, lang := range opt.Langs {
		m := map[string]any{}
		for _, p := range ps {
			m[p.name] = p.text(lang, opt.Digits, opt.Places)
		}
		s, err := opt.I18n.T(lang, kf.ID, m)
		if err != nil {
			return err
		}
		kf.Text[lang] = s
	}
	return nil
}
