package site

import (
	"fmt"
	"slices"
	"strings"

	"github.com/prisonstats/prisonstats/internal/compute"
	"github.com/prisonstats/prisonstats/internal/i18n"
	"github.com/prisonstats/prisonstats/internal/obs"
)

// figureCell is one formatted number and where it came from.
type figureCell struct {
	V   string `json:"v"`
	Src string `json:"src,omitempty"`
}

type figureTable struct {
	Caption string         `json:"caption"`
	Header  []string       `json:"header"`
	Rows    [][]figureCell `json:"rows"`
}

// figureColumns are the key figures shown for every place, by year.
var figureColumns = []struct {
	label, indicator, breakdown string
	decimals                    int
	percent                     bool
}{
	{"fig_women", "prisoners", obs.Female, 0, false},
	{"fig_men", "prisoners", obs.Male, 0, false},
	{"fig_total", "prisoners", obs.Total, 0, false},
	{"fig_female_share", "female_share", "", 1, true},
	{"fig_pretrial_women", "pretrial_share", obs.Female, 1, true},
	{"fig_occupancy", "occupancy", "", 0, true},
	{"fig_pregnant", "pregnant", "", 0, false},
	{"fig_children", "children_in_prison", "total", 0, false},
}

// figureTables builds, per language and place, a table of key figures by
// year. Each cell carries its source cells so a reader can trace it.
func figureTables(in Input) (map[string]map[string]figureTable, error) {
	out := map[string]map[string]figureTable{}
	placesWithData := map[string]bool{}
	for _, s := range in.Result.Series {
		placesWithData[s.Place] = true
	}
	for _, lang := range in.Langs {
		out[lang] = map[string]figureTable{}
		header := []string{}
		for _, id := range append([]string{"fig_year"}, labels()...) {
			h, err := in.I18n.T(lang, id, nil)
			if err != nil {
				return nil, err
			}
			header = append(header, h)
		}
		for code := range placesWithData {
			p, ok := in.Places.Get(code)
			if !ok {
				continue
			}
			years := yearsOf(in.Result, code)
			if len(years) == 0 {
				continue
			}
			name := p.Name
			if lang == "km" && p.NameKm != "" {
				name = p.NameKm
			}
			caption, err := in.I18n.T(lang, "fig_caption", map[string]any{"place": name})
			if err != nil {
				return nil, err
			}
			t := figureTable{Caption: caption, Header: header}
			for _, y := range years {
				row := []figureCell{{V: yearString(lang, y, in.Digits)}}
				for _, col := range figureColumns {
					row = append(row, cellFor(in, lang, code, col.indicator, col.breakdown, y, col.decimals, col.percent))
				}
				t.Rows = append(t.Rows, row)
			}
			out[lang][code] = t
		}
	}
	return out, nil
}

func labels() []string {
	var l []string
	for _, c := range figureColumns {
		l = append(l, c.label)
	}
	return l
}

func yearString(lang string, y int, d i18n.Digits) string {
	s := fmt.Sprint(y)
	if lang == "km" && d == i18n.Native {
		return khmerYear(s)
	}
	return s
}

func khmerYear(s string) string {
	digits := []rune("០១២៣៤៥៦៧៨៩")
	r := []rune(s)
	for i, c := range r {
		if c >= '0' && c <= '9' {
			r[i] = digits[c-'0']
		}
	}
	return string(r)
}

func yearsOf(r *compute.Result, place string) []int {
	seen := map[int]bool{}
	for _, b := range []string{obs.Total, obs.Female} {
		if s, ok := r.Get("prisoners", place, b); ok {
			for _, p := range s.Points {
				seen[p.Year()] = true
			}
		}
	}
	var ys []int
	for y := range seen {
		if y > 0 {
			ys = append(ys, y)
		}
	}
	slices.Sort(ys)
	return ys
}

func cellFor(in Input, lang, place, ind, breakdown string, year, decimals int, percent bool) figureCell {
	s, ok := in.Result.Get(ind, place, breakdown)
	if !ok {
		return figureCell{V: "–"}
	}
	for _, p := range s.Points {
		if p.Year() != year {
			continue
		}
		if p.Value.Missing == obs.Suppressed {
			return figureCell{V: suppressedText(in, lang, p.Reason), Src: suppressedWhy(in, lang, p.Reason)}
		}
		if !p.Value.OK() {
			return figureCell{V: "–", Src: p.Reason}
		}
		v := i18n.Format(lang, p.Value.Num, decimals, in.Digits)
		if percent {
			v += "%"
		}
		return figureCell{V: v, Src: sourceSummary(in, lang, p.Sources)}
	}
	return figureCell{V: "–"}
}

// sourceSummary names the cells a value came from: all of them when few,
// the first ones and a count when many.
func sourceSummary(in Input, lang string, src []obs.Source) string {
	const show = 3
	s := ""
	for i, x := range src {
		if i == show {
			t, err := in.I18n.T(lang, "cell_more_sources", map[string]any{"cells": s, "n": len(src) - show})
			if err != nil {
				return fmt.Sprintf("%s and %d more cells", s, len(src)-show)
			}
			return t
		}
		if i > 0 {
			s += ", "
		}
		s += x.String()
	}
	return s
}

// suppressedText is what a reader sees for a value hidden by disclosure
// control: "fewer than 5" for a small count, or "hidden" for a complement.
func suppressedText(in Input, lang, reason string) string {
	id := "cell_hidden"
	if strings.HasPrefix(reason, "fewer than") {
		id = "cell_fewer_than"
		n := strings.TrimSpace(strings.TrimPrefix(reason, "fewer than"))
		if t, err := in.I18n.T(lang, id, map[string]any{"n": n}); err == nil {
			return t
		}
		return reason
	}
	if t, err := in.I18n.T(lang, id, nil); err == nil {
		return t
	}
	return reason
}

// suppressedWhy is the hover text of a hidden value: the small-count rule
// as the rule states it, or why a complement was hidden, in the page's
// language.
func suppressedWhy(in Input, lang, reason string) string {
	if strings.HasPrefix(reason, "fewer than") {
		return suppressedText(in, lang, reason)
	}
	if t, err := in.I18n.T(lang, "cell_hidden_why", nil); err == nil {
		return t
	}
	return reason
}
