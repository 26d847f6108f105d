package chart

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"text/template"

	"github.com/prisonstats/prisonstats/internal/i18n"
)

// phrases are the building blocks of alt texts, as text/template strings.
// An i18n catalog entry with the same id (i18n/<lang>.toml) takes precedence,
// so translators can improve them without touching Go.
var phrases = map[string]map[string]string{
	"en": {
		"chart_alt_kind_line":    "Line chart",
		"chart_alt_kind_bar":     "Bar chart",
		"chart_alt_kind_stacked": "Stacked bar chart",
		"chart_alt_rose":         "{{.name}} rose from {{.a}} in {{.y0}} to {{.b}} in {{.y1}}",
		"chart_alt_fell":         "{{.name}} fell from {{.a}} in {{.y0}} to {{.b}} in {{.y1}}",
		"chart_alt_same":         "{{.name}} stayed at {{.a}} from {{.y0}} to {{.y1}}",
		"chart_alt_short":        "{{.name}} from {{.a}} to {{.b}}",
		"chart_alt_single":       "{{.name}}: {{.a}} in {{.y0}} only",
		"chart_alt_nodata":       "no data for {{.name}}",
		"chart_alt_total":        "the total",
		"chart_alt_parts":        "in {{.y}}: {{.parts}}",
		"chart_alt_rank":         "{{.kind}}, {{.y}}: {{.top}} is highest ({{.v}})",
		"chart_alt_rank_next":    "followed by {{.list}}",
		"chart_alt_rank_zero":    "none in {{.n}} of {{.of}} provinces",
		"chart_alt_rank_missing": "no data for {{.n}}",
		"chart_alt_nothing":      "{{.kind}} with no data",
		"chart_alt_end":          ".",
		"chart_alt_colon":        ": ",
		"chart_alt_and":          ", ",
		"chart_alt_then":         "; ",
		"illustrative_data":      "Illustrative data.",
	},
	"km": {
		"chart_alt_kind_line":    "គំនូសតាងខ្សែ",
		"chart_alt_kind_bar":     "គំនូសតាងរបារ",
		"chart_alt_kind_stacked": "គំនូសតាងរបារជង់",
		"chart_alt_rose":         "{{.name}} កើនឡើងពី {{.a}} ក្នុងឆ្នាំ {{.y0}} ដល់ {{.b}} ក្នុងឆ្នាំ {{.y1}}",
		"chart_alt_fell":         "{{.name}} ថយចុះពី {{.a}} ក្នុងឆ្នាំ {{.y0}} មក {{.b}} ក្នុងឆ្នាំ {{.y1}}",
		"chart_alt_same":         "{{.name}} នៅដដែល {{.a}} ពីឆ្នាំ {{.y0}} ដល់ឆ្នាំ {{.y1}}",
		"chart_alt_short":        "{{.name}} ពី {{.a}} ដល់ {{.b}}",
		"chart_alt_single":       "{{.name}} មាន {{.a}} តែក្នុងឆ្នាំ {{.y0}}",
		"chart_alt_nodata":       "គ្មានទិន្នន័យសម្រាប់ {{.name}}",
		"chart_alt_total":        "សរុប",
		"chart_alt_parts":        "ក្នុងឆ្នាំ {{.y}}៖ {{.parts}}",
		"chart_alt_rank":         "{{.kind}} ឆ្នាំ {{.y}}៖ {{.top}} ខ្ពស់ជាងគេ ({{.v}})",
		"chart_alt_rank_next":    "បន្ទាប់មក {{.list}}",
		"chart_alt_rank_zero":    "គ្មានទាល់តែសោះក្នុង {{.n}} ខេត្ត ក្នុងចំណោម {{.of}}",
		"chart_alt_rank_missing": "គ្មានទិន្នន័យសម្រាប់ {{.n}} ខេត្ត",
		"chart_alt_nothing":      "{{.kind}} គ្មានទិន្នន័យ",
		"chart_alt_end":          "។",
		"chart_alt_colon":        "៖ ",
		"chart_alt_and":          " ",
		"chart_alt_then":         " ",
		"illustrative_data":      "ទិន្នន័យគំរូ។",
	},
}

// words renders phrase id in lang: the catalog's translation if it has
// one, else the built-in one, else the English built-in.
type words struct {
	lang string
	cat  *i18n.Catalog
}

func (w words) get(id string, params map[string]any) string {
	if w.cat != nil && w.cat.Has(w.lang, id) {
		if s, err := w.cat.T(w.lang, id, params); err == nil {
			return s
		}
	}
	src, ok := phrases[w.lang][id]
	if !ok {
		src = phrases["en"][id]
	}
	t := template.Must(template.New(id).Option("missingkey=error").Parse(src))
	var b bytes.Buffer
	if err := t.Execute(&b, params); err != nil {
		panic(fmt.Sprintf("chart: phrase %s: %v", id, err)) // built-in phrases are fixed; a failure is a bug
	}
	return b.String()
}

// altText writes the one-sentence text alternative from the frame.
// num formats a value as the table does; label gives a row's label.
func altText(kind string, f frame, names []string, w words, num func(float64) string, label func(row) string) string {
	kindWord := w.get("chart_alt_kind_line", nil)
	switch kind {
	case KindBar, KindRankingBar:
		kindWord = w.get("chart_alt_kind_bar", nil)
	case KindStackedBar:
		kindWord = w.get("chart_alt_kind_stacked", nil)
	}
	end := w.get("chart_alt_end", nil)
	sep, colon, then := w.get("chart_alt_and", nil), w.get("chart_alt_colon", nil), w.get("chart_alt_then", nil)
	switch kind {
	case KindRankingBar:
		return rankingAlt(f, kindWord, w, num, label, sep, then) + end
	case KindStackedBar:
		total := make([]cell, len(f.rows))
		for i, r := range f.rows {
			for _, c := range r.cells {
				if c.ok {
					total[i].v += c.v
					total[i].ok = true
				}
			}
		}
		clause, _ := trendClause(w.get("chart_alt_total", nil), f, total, w, num, nil)
		if clause == "" {
			return w.get("chart_alt_nothing", map[string]any{"kind": kindWord}) + end
		}
		s := kindWord + colon + clause
		// The parts of the last year that has any.
		for i := len(f.rows) - 1; i >= 0; i-- {
			if !total[i].ok {
				continue
			}
			var parts []string
			for j, c := range f.rows[i].cells {
				if c.ok {
					parts = append(parts, names[j]+" "+num(c.v))
				}
			}
			s += then + w.get("chart_alt_parts", map[string]any{"y": f.rows[i].key, "parts": strings.Join(parts, sep)})
			break
		}
		return s + end
	}
	var clauses []string
	var first *trend
	for j, name := range names {
		col := make([]cell, len(f.rows))
		for i, r := range f.rows {
			col[i] = r.cells[j]
		}
		c, tr := trendClause(name, f, col, w, num, first)
		if c == "" {
			c = w.get("chart_alt_nodata", map[string]any{"name": name})
		}
		if first == nil && tr != nil {
			first = tr
		}
		clauses = append(clauses, c)
	}
	if first == nil {
		return w.get("chart_alt_nothing", map[string]any{"kind": kindWord}) + end
	}
	return kindWord + colon + strings.Join(clauses, sep) + end
}

type trend struct {
	y0, y1 string
	dir    int
}

// trendClause describes one column from its first to its last value. When
// like is given and the column spans the same years in the same direction,
// the short form ("men from 100 to 138") is used.
func trendClause(name string, f frame, col []cell, w words, num func(float64) string, like *trend) (string, *trend) {
	i0, i1 := -1, -1
	for i, c := range col {
		if c.ok {
			if i0 < 0 {
				i0 = i
			}
			i1 = i
		}
	}
	if i0 < 0 {
		return "", nil
	}
	a, b := col[i0].v, col[i1].v
	tr := &trend{y0: f.rows[i0].key, y1: f.rows[i1].key}
	p := map[string]any{"name": name, "a": num(a), "b": num(b), "y0": tr.y0, "y1": tr.y1}
	if i0 == i1 {
		return w.get("chart_alt_single", p), tr
	}
	id := "chart_alt_same"
	switch {
	case num(b) == num(a):
	case b > a:
		id, tr.dir = "chart_alt_rose", 1
	default:
		id, tr.dir = "chart_alt_fell", -1
	}
	if like != nil && *like == *tr && tr.dir != 0 {
		return w.get("chart_alt_short", p), tr
	}
	return w.get(id, p), tr
}

func rankingAlt(f frame, kindWord string, w words, num func(float64) string, label func(row) string, sep, then string) string {
	var present []row
	zero, missing := 0, 0
	for _, r := range f.rows {
		switch c := r.cells[0]; {
		case !c.ok:
			missing++
		case c.v == 0:
			zero++
			present = append(present, r)
		default:
			present = append(present, r)
		}
	}
	if len(present) == 0 {
		return w.get("chart_alt_nothing", map[string]any{"kind": kindWord})
	}
	s := w.get("chart_alt_rank", map[string]any{"kind": kindWord, "y": strconv.Itoa(f.year), "top": label(present[0]), "v": num(present[0].cells[0].v)})
	var next []string
	for _, r := range present[1:min(3, len(present))] {
		if r.cells[0].v == 0 {
			break
		}
		next = append(next, label(r)+" ("+num(r.cells[0].v)+")")
	}
	if len(next) > 0 {
		s += sep + w.get("chart_alt_rank_next", map[string]any{"list": strings.Join(next, sep)})
	}
	if zero > 0 {
		s += then + w.get("chart_alt_rank_zero", map[string]any{"n": strconv.Itoa(zero), "of": strconv.Itoa(len(f.rows))})
	}
	if missing > 0 {
		s += then + w.get("chart_alt_rank_missing", map[string]any{"n": strconv.Itoa(missing)})
	}
	return s
}
