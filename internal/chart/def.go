package chart

import (
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"
)

// Chart kinds a definition can ask for.
const (
	KindLine         = "line"          // values over years
	KindIndexedLine  = "indexed line"  // an index (first year = 100) over years
	KindBar          = "bar"           // grouped bars over years
	KindStackedBar   = "stacked bar"   // stacked bars over years
	KindShareLine    = "share line"    // a percentage over years
	KindRankingBar   = "ranking bar"   // horizontal bars, one per place, one year
	PlacesNational   = "national"      // the country
	PlacesEach       = "each province" // one chart per province
	PlacesProvinces  = "provinces"     // every province in one chart (ranking bar)
	YearsAll         = "all"
	YearsLatest      = "latest"
	defaultWidth     = 640
	defaultHeight    = 400
	rankingRowHeight = 24
)

var kinds = []string{KindLine, KindIndexedLine, KindBar, KindStackedBar, KindShareLine, KindRankingBar}

// Def is one chart definition, read from one charts/*.toml file.
//
//	id = "women-men-index"
//	kind = "indexed line"
//	places = "national"          # a place code, "each province", or "provinces" (ranking bar)
//	years = "all"                # "2008-2012", "2012", or "latest" (ranking bar)
//	[[series]]
//	indicator = "prisoners_index"
//	breakdown = "female"
//	[text.en]
//	title = "Women and men in prison, {place}"   # {place} is the place's name
//	series = ["Women", "Men"]                    # one name per [[series]], in order
type Def struct {
	ID     string      `toml:"id"`
	Kind   string      `toml:"kind"`
	Places string      `toml:"places"`
	Years  string      `toml:"years"`
	Series []SeriesDef `toml:"series"`
	// Decimals shown in the table and alt text; default 0, 1 for share lines.
	Decimals *int `toml:"decimals"`
	// Height of the drawing in pixels (width is 640); 0 picks a default.
	Height int `toml:"height"`
	// Text holds the words per language code ("en", "km").
	Text map[string]Text `toml:"text"`

	// File is the file the definition was read from (for messages).
	File string `toml:"-"`
	// from, to bound the years; 0 means open.
	from, to int
}

// SeriesDef names one plotted series: an indicator and its breakdown.
type SeriesDef struct {
	Indicator string `toml:"indicator"`
	Breakdown string `toml:"breakdown"`
}

// Text is a definition's words in one language. Title, Subtitle, Notes,
// Source and the axis names may contain {place} (the place's name),
// {first_year} and {last_year} (the years plotted) and, in a ranking bar,
// {year}.
type Text struct {
	Title    string `toml:"title"`
	Subtitle string `toml:"subtitle"`
	Notes    string `toml:"notes"`
	Source   string `toml:"source"`
	XAxis    string `toml:"x_axis"`
	YAxis    string `toml:"y_axis"`
	// Series are the legend names, one per [[series]].
	Series []string `toml:"series"`
	// AltSeries are the names used inside the alt-text sentence
	// ("women in prison"); empty means Series.
	AltSeries []string `toml:"alt_series"`
}

var idPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// LoadDefs reads every *.toml file in dir, in name order, and validates each.
// Errors name the file and the key.
func LoadDefs(dir string) ([]Def, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.toml"))
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("%s: no chart definitions (*.toml)", dir)
	}
	slices.Sort(files)
	var defs []Def
	seen := map[string]string{}
	for _, f := range files {
		d, err := loadDef(f)
		if err != nil {
			return nil, err
		}
		if other, dup := seen[d.ID]; dup {
			return nil, fmt.Errorf("%s: id: %q is also the id of %s", f, d.ID, other)
		}
		seen[d.ID] = f
		defs = append(defs, d)
	}
	return defs, nil
}

func loadDef(path string) (Def, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return Def{}, err
	}
	d, err := ParseDef(path, b)
	if err != nil {
		return Def{}, err
	}
	return d, nil
}

// ParseDef parses and validates one definition; name is used in messages.
func ParseDef(name string, b []byte) (Def, error) {
	var d Def
	md, err := toml.Decode(string(b), &d)
	if err != nil {
		return Def{}, fmt.Errorf("%s: %w", name, err)
	}
	if und := md.Undecoded(); len(und) > 0 {
		return Def{}, fmt.Errorf("%s: %s: unknown key", name, und[0])
	}
	d.File = name
	if err := d.validate(); err != nil {
		return Def{}, fmt.Errorf("%s: %w", name, err)
	}
	return d, nil
}

func (d *Def) validate() error {
	if !idPattern.MatchString(d.ID) {
		return fmt.Errorf("id: %q is not lower-case words joined by hyphens", d.ID)
	}
	if !slices.Contains(kinds, d.Kind) {
		return fmt.Errorf("kind: %q is not one of %q", d.Kind, kinds)
	}
	switch {
	case d.Places == "":
		return fmt.Errorf("places: missing (national, a place code, %q or %q)", PlacesEach, PlacesProvinces)
	case d.Kind == KindRankingBar && d.Places != PlacesProvinces:
		return fmt.Errorf("places: a ranking bar compares places, want %q, got %q", PlacesProvinces, d.Places)
	case d.Kind != KindRankingBar && d.Places == PlacesProvinces:
		return fmt.Errorf("places: %q is only for a ranking bar; use %q for one chart per province", PlacesProvinces, PlacesEach)
	}
	if err := d.parseYears(); err != nil {
		return err
	}
	if len(d.Series) == 0 {
		return fmt.Errorf("series: none; add a [[series]] with indicator and breakdown")
	}
	if d.Kind == KindRankingBar && len(d.Series) != 1 {
		return fmt.Errorf("series: a ranking bar plots one series, got %d", len(d.Series))
	}
	for i, s := range d.Series {
		if s.Indicator == "" {
			return fmt.Errorf("series[%d].indicator: missing", i)
		}
	}
	if d.Decimals != nil && (*d.Decimals < 0 || *d.Decimals > 4) {
		return fmt.Errorf("decimals: %d is not between 0 and 4", *d.Decimals)
	}
	if d.Height < 0 || d.Height > 4000 {
		return fmt.Errorf("height: %d is not between 0 and 4000", d.Height)
	}
	if _, ok := d.Text["en"]; !ok {
		return fmt.Errorf("text.en: missing; every chart needs English texts")
	}
	for _, lang := range slices.Sorted(maps.Keys(d.Text)) {
		t := d.Text[lang]
		if strings.TrimSpace(t.Title) == "" {
			return fmt.Errorf("text.%s.title: missing", lang)
		}
		if len(t.Series) != len(d.Series) {
			return fmt.Errorf("text.%s.series: %d names for %d series", lang, len(t.Series), len(d.Series))
		}
		if len(t.AltSeries) != 0 && len(t.AltSeries) != len(d.Series) {
			return fmt.Errorf("text.%s.alt_series: %d names for %d series", lang, len(t.AltSeries), len(d.Series))
		}
	}
	return nil
}

// parseYears reads "all", "latest", "2012" or "2008-2012".
func (d *Def) parseYears() error {
	y := strings.TrimSpace(d.Years)
	switch {
	case y == "" || y == YearsAll:
		if d.Kind == KindRankingBar && y == YearsAll {
			return fmt.Errorf("years: a ranking bar shows one year, want %q or a year, got %q", YearsLatest, d.Years)
		}
		return nil
	case y == YearsLatest:
		if d.Kind != KindRankingBar {
			return fmt.Errorf("years: %q is only for a ranking bar", YearsLatest)
		}
		return nil
	}
	a, b, isRange := strings.Cut(y, "-")
	from, err1 := strconv.Atoi(strings.TrimSpace(a))
	to := from
	var err2 error
	if isRange {
		to, err2 = strconv.Atoi(strings.TrimSpace(b))
	}
	if err1 != nil || err2 != nil || from < 1900 || to > 2200 || to < from {
		return fmt.Errorf("years: %q is not \"all\", a year or a range like \"2008-2012\"", d.Years)
	}
	if d.Kind == KindRankingBar && from != to {
		return fmt.Errorf("years: a ranking bar shows one year, got the range %q", d.Years)
	}
	d.from, d.to = from, to
	return nil
}

func (d *Def) inYears(year int) bool {
	return (d.from == 0 || year >= d.from) && (d.to == 0 || year <= d.to)
}

func (d *Def) decimals() int {
	if d.Decimals != nil {
		return *d.Decimals
	}
	if d.Kind == KindShareLine {
		return 1
	}
	return 0
}
