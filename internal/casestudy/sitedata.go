package casestudy

import (
	_ "embed"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/prisonstats/prisonstats/internal/compute"
	"github.com/prisonstats/prisonstats/internal/i18n"
	"github.com/prisonstats/prisonstats/internal/obs"
	"github.com/prisonstats/prisonstats/internal/places"
)

//go:embed labels.toml
var labelsTOML string

// SiteOptions configure SiteData.
type SiteOptions struct {
	Places   *places.Gazetteer
	Offences []Offence // labels of the offence codes
	Langs    []string
	Digits   i18n.Digits
}

type local map[string]string // lang -> text

type siteCase struct {
	Slug         string         `json:"slug"`
	Pseudonym    string         `json:"pseudonym"`
	Title        local          `json:"title"`
	Body         local          `json:"body"`
	Province     string         `json:"province"`
	ProvinceSlug string         `json:"province_slug"`
	ProvinceName local          `json:"province_name"`
	Prison       local          `json:"prison,omitempty"`
	From         string         `json:"from"`
	To           string         `json:"to,omitempty"`
	Status       []StatusChange `json:"status_history,omitempty"`
	Offence      string         `json:"offence"`
	OffenceName  local          `json:"offence_name"`
	Children     Children       `json:"children"`
	Pregnant     bool           `json:"pregnant"`
	Outcome      string         `json:"outcome"`
	Mechanism    string         `json:"mechanism,omitempty"`
	OutcomeDate  string         `json:"outcome_date,omitempty"`
	SupportedBy  string         `json:"supported_by,omitempty"`
	Year         string         `json:"year"`
	// Years label the years in custody in Western and Khmer digits, to
	// pick the rows of the province's key-figures table.
	Years []string `json:"years"`
}

type facetValue struct {
	Key   string `json:"key"`
	Slug  string `json:"slug"`
	Name  local  `json:"name"`
	Count int    `json:"count"`
}

type table struct {
	Caption string     `json:"caption"`
	Note    string     `json:"note"`
	Header  []string   `json:"header"`
	Rows    [][]string `json:"rows"`
}

// SiteData is what Hugo renders the case-study pages from
// (site.Input.Data["casestudies"], read as hugo.Data.casestudies): the
// cases (pass only those Gate allowed on the web), the facet values with
// their counts, the words of the pages per language, and the documented
// cases table per language made from series (Summarise of the same cases).
func SiteData(cases []Case, series []compute.Series, opt SiteOptions) (map[string]any, error) {
	labels, err := loadLabels(opt.Langs)
	if err != nil {
		return nil, err
	}
	word := func(lang, id, code string) string {
		if t := labels[lang][id]; t != "" {
			return t
		}
		return code
	}
	offences := map[string]local{}
	for _, o := range opt.Offences {
		offences[o.ID] = local(o.Name)
	}
	var out []siteCase
	facets := map[string]map[string]*facetValue{"province": {}, "outcome": {}, "mechanism": {}, "year": {}}
	count := func(facet, key string, name local) {
		if key == "" {
			return
		}
		f := facets[facet][key]
		if f == nil {
			f = &facetValue{Key: key, Slug: strings.ToLower(key), Name: name}
			facets[facet][key] = f
		}
		f.Count++
	}
	for _, c := range cases {
		if c.Province == "" {
			return nil, fmt.Errorf("%s: province: not resolved in the gazetteer", c.File)
		}
		p, _ := opt.Places.Get(c.Province)
		sc := siteCase{
			Slug: c.Slug, Pseudonym: c.Pseudonym, Title: local{}, Body: local{},
			Province: c.Province, ProvinceSlug: p.Slug(), ProvinceName: placeName(p, opt.Langs),
			From: c.CustodyFrom, To: c.CustodyTo, Status: c.Status, Offence: c.Offence,
			OffenceName: local{}, Children: c.Children, Pregnant: c.Pregnant, Outcome: c.Outcome,
			Mechanism: c.Mechanism, OutcomeDate: c.OutcomeDate, SupportedBy: c.SupportedBy,
			Year: strconv.Itoa(c.FacetYear()),
		}
		if c.Prison != "" {
			f, _ := opt.Places.Get(c.Prison)
			sc.Prison = placeName(f, opt.Langs)
		} else if c.PrisonName != "" {
			sc.Prison = local{}
			for _, l := range opt.Langs {
				sc.Prison[l] = c.PrisonName
			}
		}
		for _, l := range opt.Langs {
			sc.Title[l] = c.Title["en"]
			if t := c.Title[l]; t != "" {
				sc.Title[l] = t
			}
			sc.Body[l] = c.Body["en"]
			if b := c.Body[l]; b != "" {
				sc.Body[l] = b
			}
			sc.OffenceName[l] = offences[c.Offence][l]
			if sc.OffenceName[l] == "" {
				sc.OffenceName[l] = offences[c.Offence]["en"]
			}
		}
		for _, y := range c.Years() {
			w := strconv.Itoa(y)
			sc.Years = append(sc.Years, w, strings.ReplaceAll(i18n.Format("km", float64(y), 0, i18n.Native), ",", ""))
		}
		sc.Years = slices.Compact(sc.Years)
		out = append(out, sc)

		count("province", c.Province, sc.ProvinceName)
		count("outcome", c.Outcome, vocab(opt.Langs, word, "outcome_", c.Outcome))
		count("mechanism", c.Mechanism, vocab(opt.Langs, word, "mechanism_", c.Mechanism))
		yl := local{}
		for _, l := range opt.Langs {
			yl[l] = sc.Year
		}
		count("year", sc.Year, yl)
	}
	facetLists := map[string][]facetValue{}
	for name, m := range facets {
		list := []facetValue{}
		for _, f := range m {
			list = append(list, *f)
		}
		sort.Slice(list, func(i, j int) bool {
			if name == "province" {
				return list[i].Name["en"] < list[j].Name["en"]
			}
			return list[i].Key < list[j].Key
		})
		facetLists[name] = list
	}
	vocabularies := map[string]map[string]local{}
	for _, field := range []string{"outcome", "mechanism", "status", "band"} {
		vocabularies[field] = map[string]local{}
		for id := range labels["en"] {
			if code, ok := strings.CutPrefix(id, field+"_"); ok {
				vocabularies[field][code] = vocab(opt.Langs, word, field+"_", code)
			}
		}
	}
	tables := map[string]table{}
	for _, l := range opt.Langs {
		tables[l] = documentedTable(series, l, opt.Digits, func(id, code string) string { return word(l, id, code) })
	}
	if out == nil {
		out = []siteCase{}
	}
	return map[string]any{
		"cases":   out,
		"facets":  facetLists,
		"labels":  labels,
		"vocab":   vocabularies,
		"figures": tables,
	}, nil
}

func vocab(langs []string, word func(lang, id, code string) string, prefix, code string) local {
	l := local{}
	for _, lang := range langs {
		l[lang] = word(lang, prefix+code, code)
	}
	return l
}

func placeName(p places.Place, langs []string) local {
	l := local{}
	for _, lang := range langs {
		l[lang] = p.Name
		if lang == "km" && p.NameKm != "" {
			l[lang] = p.NameKm
		}
	}
	return l
}

// loadLabels reads the embedded labels; a language without a label takes
// the English one.
func loadLabels(langs []string) (map[string]map[string]string, error) {
	var all map[string]map[string]string
	if _, err := toml.Decode(labelsTOML, &all); err != nil {
		return nil, fmt.Errorf("internal/casestudy/labels.toml: %w", err)
	}
	out := map[string]map[string]string{}
	for _, lang := range langs {
		out[lang] = map[string]string{}
		for id, t := range all["en"] {
			out[lang][id] = t
			if lt := all[lang][id]; lt != "" {
				out[lang][id] = lt
			}
		}
	}
	return out, nil
}

// documentedTable lays the documented-case series out by year: outcomes per
// mechanism, all outcomes, the median days to release and the children
// released with their mothers.
func documentedTable(series []compute.Series, lang string, d i18n.Digits, word func(id, code string) string) table {
	t := table{Caption: word("documented_title", ""), Note: word("documented_note", "")}
	var mechs []string
	years := map[int]bool{}
	byKey := map[string]map[int]compute.Point{}
	for _, s := range series {
		k := s.Indicator + "|" + s.Breakdown
		byKey[k] = map[int]compute.Point{}
		for _, p := range s.Points {
			byKey[k][p.Year()] = p
			years[p.Year()] = true
		}
		if s.Indicator == IndOutcomes && s.Breakdown != "" {
			mechs = append(mechs, s.Breakdown)
		}
	}
	sort.Strings(mechs)
	t.Header = []string{word("documented_year", "")}
	for _, m := range mechs {
		t.Header = append(t.Header, word("mechanism_"+m, m))
	}
	t.Header = append(t.Header, word("documented_outcomes_all", ""), word("documented_median_days", ""), word("documented_children_released", ""))
	cell := func(k string, y int) string {
		p, ok := byKey[k][y]
		switch {
		case !ok:
			return "–"
		case p.Value.Missing == obs.NotApplicable && p.Reason != "":
			return word("documented_too_few", p.Reason)
		case !p.Value.OK():
			return "–"
		}
		dec := 0
		if p.Value.Num != float64(int(p.Value.Num)) {
			dec = 1
		}
		return i18n.Format(lang, p.Value.Num, dec, d)
	}
	for _, y := range sortedYears(years) {
		row := []string{strconv.Itoa(y)}
		if lang == "km" && d == i18n.Native {
			row[0] = strings.ReplaceAll(i18n.Format(lang, float64(y), 0, d), ",", "")
		}
		for _, m := range mechs {
			row = append(row, cell(IndOutcomes+"|"+m, y))
		}
		row = append(row, cell(IndOutcomes+"|", y), cell(IndDaysToRelease+"|", y), cell(IndChildrenReleased+"|", y))
		t.Rows = append(t.Rows, row)
	}
	return t
}
