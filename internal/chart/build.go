package chart

import (
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/prisonstats/prisonstats/internal/compute"
	"github.com/prisonstats/prisonstats/internal/i18n"
	"github.com/prisonstats/prisonstats/internal/places"
)

// Options are what Build needs besides the definitions and the numbers.
type Options struct {
	Places *places.Gazetteer
	Langs  []string // e.g. ["en", "km"]
	// I18n, when set, overrides the built-in alt-text phrases (ids
	// chart_alt_*) and the illustrative_data note where it has them.
	I18n *i18n.Catalog
	// Illustrative adds "Illustrative data" to every chart's notes.
	Illustrative bool
	// Digits chooses the numerals of the table and alt text (Western by
	// default; Native gives Khmer digits for km). The CSV always uses 0-9.
	Digits i18n.Digits
	// NoData, when set, is told of a chart whose indicators are in the
	// catalogue but have no data for its place in this release, and the
	// chart is left out; when nil that is an error.
	NoData func(id string, why error)
}

// Chart is one drawn chart in one language, with everything a page shows
// beside it.
type Chart struct {
	// ID is the definition's id, plus "--" and the place's slug for
	// per-province charts ("province-women-men--kh-12").
	ID    string `json:"id"`
	Def   string `json:"def"`
	Place string `json:"place"`
	Lang  string `json:"lang"`

	Title    string `json:"title"`
	Subtitle string `json:"subtitle,omitempty"`
	Notes    string `json:"notes,omitempty"`
	Source   string `json:"source,omitempty"`
	// Alt is a one-sentence text alternative generated from the numbers.
	Alt string `json:"alt"`
	// ReferenceDate is the latest date of a plotted value (YYYY-MM-DD).
	ReferenceDate string `json:"reference_date,omitempty"`

	// Option is the ECharts option; encoding/json escapes < > & in it.
	Option json.RawMessage `json:"option"`
	Width  int             `json:"width"`
	Height int             `json:"height"`

	Table Table  `json:"table"`
	CSV   []byte `json:"-"`
	// SVG is filled by Renderer.Render.
	SVG string `json:"-"`
	// PNG is the same picture at Width x Height on white, filled by
	// Renderer.Render when Renderer.PNG is set, or later by RenderPNG.
	PNG []byte `json:"-"`

	// raw is the SVG as ECharts wrote it and key its cache key, kept by
	// Render for RenderPNG.
	raw, key string
}

// Table holds exactly the plotted values as formatted cells; the first
// column is the row label. Cells are raw text: the page escapes them.
type Table struct {
	Caption string     `json:"caption"`
	Header  []string   `json:"header"`
	Rows    [][]string `json:"rows"`
}

// Dash marks a missing value in a table.
const Dash = "–"

// Build makes one Chart per definition × language, and per province for
// "each province" definitions (provinces without any of the series are
// skipped). Errors name the definition's file.
func Build(defs []Def, res *compute.Result, opt Options) ([]Chart, error) {
	if opt.Places == nil {
		return nil, fmt.Errorf("chart: no gazetteer")
	}
	if res == nil {
		return nil, fmt.Errorf("chart: no computed result")
	}
	if len(opt.Langs) == 0 {
		opt.Langs = []string{"en"}
	}
	countries := opt.Places.Level(places.Country)
	var out []Chart
	for i := range defs {
		d := &defs[i]
		for _, lang := range opt.Langs {
			if _, ok := d.Text[lang]; !ok {
				return nil, fmt.Errorf("%s: text.%s: missing; the site is built in %s", d.File, lang, strings.Join(opt.Langs, ", "))
			}
		}
		switch d.Places {
		case PlacesProvinces:
			f, err := rankingFrame(d, res, opt.Places)
			if err != nil {
				err = fmt.Errorf("%s: %w", d.File, err)
				if opt.NoData == nil || !knownIndicators(d, res) {
					return nil, err
				}
				opt.NoData(d.ID, err)
				continue
			}
			cs, err := drawAll(d, f, "", d.ID, opt)
			if err != nil {
				return nil, err
			}
			out = append(out, cs...)
		case PlacesEach:
			for _, p := range opt.Places.Level(places.Province) {
				f, found := yearFrame(d, res, p.Code)
				if !found {
					continue
				}
				cs, err := drawAll(d, f, p.Code, d.ID+"--"+p.Slug(), opt)
				if err != nil {
					return nil, err
				}
				out = append(out, cs...)
			}
		default:
			code := d.Places
			if code == PlacesNational {
				if len(countries) != 1 {
					return nil, fmt.Errorf("%s: places: %q needs exactly one country in the gazetteer, found %d", d.File, code, len(countries))
				}
				code = countries[0].Code
			}
			if _, ok := opt.Places.Get(code); !ok {
				return nil, fmt.Errorf("%s: places: %q is not a gazetteer code", d.File, d.Places)
			}
			f, found := yearFrame(d, res, code)
			if !found {
				err := fmt.Errorf("%s: none of the series %s exists for %s", d.File, seriesList(d), code)
				if opt.NoData == nil || !knownIndicators(d, res) {
					return nil, err
				}
				opt.NoData(d.ID, err)
				continue
			}
			cs, err := drawAll(d, f, code, d.ID, opt)
			if err != nil {
				return nil, err
			}
			out = append(out, cs...)
		}
	}
	return out, nil
}

// drawAll draws one frame in every language.
func drawAll(d *Def, f frame, place, id string, opt Options) ([]Chart, error) {
	var out []Chart
	for _, lang := range opt.Langs {
		t := d.Text[lang]
		w := words{lang: lang, cat: opt.I18n}
		placeName := func(code string) string {
			p, ok := opt.Places.Get(code)
			if !ok {
				return code
			}
			if lang == "km" && p.NameKm != "" {
				return p.NameKm
			}
			return p.Name
		}
		fill := func(s string) string {
			if place != "" {
				s = strings.ReplaceAll(s, "{place}", placeName(place))
			}
			if len(f.rows) > 0 && d.Kind != KindRankingBar {
				s = strings.ReplaceAll(s, "{first_year}", f.rows[0].key)
				s = strings.ReplaceAll(s, "{last_year}", f.rows[len(f.rows)-1].key)
			}
			if d.Kind == KindRankingBar {
				s = strings.ReplaceAll(s, "{year}", strconv.Itoa(f.year))
			}
			return s
		}
		dec := d.decimals()
		unit := ""
		if d.Kind == KindShareLine {
			unit = "%"
		}
		num := func(v float64) string {
			// Half away from zero, as people round (118.5 → 119), not
			// strconv's half to even.
			p := math.Pow10(dec)
			return i18n.Format(lang, math.Round(v*p)/p, dec, opt.Digits) + unit
		}
		label := func(r row) string {
			if d.Kind == KindRankingBar {
				return placeName(r.key)
			}
			return r.key
		}
		tx := texts{
			title: fill(t.Title), subtitle: fill(t.Subtitle),
			xAxis: fill(t.XAxis), yAxis: fill(t.YAxis), series: t.Series, font: fontLatin,
		}
		if lang == "km" {
			tx.font = fontKhmer
		}
		for _, r := range f.rows {
			tx.rowLabels = append(tx.rowLabels, label(r))
		}
		o, height, err := buildOption(d, f, tx)
		if err != nil {
			return nil, fmt.Errorf("%s: %s: option: %w", d.File, id, err)
		}
		altNames := t.Series
		if len(t.AltSeries) > 0 {
			altNames = t.AltSeries
		}
		alt := altText(d.Kind, f, altNames, w, num, label)
		if opt.Digits == i18n.Native && lang == "km" {
			alt = nativeDigits(alt)
		}
		notes := fill(t.Notes)
		if opt.Illustrative {
			notes = strings.TrimSpace(notes + " " + w.get("illustrative_data", nil))
		}
		tab := table(d, f, tx, num, label)
		csvb, err := csvOf(d, f, tx, label)
		if err != nil {
			return nil, fmt.Errorf("%s: %s: csv: %w", d.File, id, err)
		}
		out = append(out, Chart{
			ID: id, Def: d.ID, Place: place, Lang: lang,
			Title: tx.title, Subtitle: tx.subtitle, Notes: notes, Source: fill(t.Source),
			Alt: alt, ReferenceDate: f.refDate,
			Option: o, Width: defaultWidth, Height: height,
			Table: tab, CSV: csvb,
		})
	}
	return out, nil
}

func seriesList(d *Def) string {
	var s []string
	for _, sd := range d.Series {
		s = append(s, seriesName(sd))
	}
	return strings.Join(s, ", ")
}

func nativeDigits(s string) string {
	const km = "០១២៣៤៥៦៧៨៩"
	digits := []rune(km)
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return digits[r-'0']
		}
		return r
	}, s)
}

// knownIndicators reports whether every indicator a definition names is in
// the catalogue: a chart whose data this release lacks is skipped (with
// Options.NoData), a misspelt indicator is an error.
func knownIndicators(d *Def, res *compute.Result) bool {
	for _, sd := range d.Series {
		if !slices.ContainsFunc(res.Catalogue, func(ind compute.Indicator) bool { return ind.ID == sd.Indicator }) {
			return false
		}
	}
	return true
}
