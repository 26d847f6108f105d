package chart

import (
	"bytes"
	"encoding/csv"
	"github.com/prisonstats/prisonstats/internal/compute"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/prisonstats/prisonstats/internal/i18n"
)

const indexDef = `
id = "women-men-index"
kind = "indexed line"
places = "national"
years = "all"
[[series]]
indicator = "prisoners_index"
breakdown = "female"
[[series]]
indicator = "prisoners_index"
breakdown = "male"
[text.en]
title = "Women in prison grew faster than men, {place}"
x_axis = "Year"
y_axis = "Index ({first_year} = 100)"
series = ["Women", "Men"]
alt_series = ["women in prison", "men"]
[text.km]
title = "ស្ត្រី {place}"
x_axis = "ឆ្នាំ"
series = ["ស្ត្រី", "បុរស"]
`

func build(t *testing.T, src string, opt Options) []Chart {
	t.Helper()
	if opt.Places == nil {
		opt.Places = testGazetteer(t)
	}
	cs, err := Build([]Def{mustDef(t, src)}, testResult(), opt)
	if err != nil {
		t.Fatal(err)
	}
	return cs
}

func TestBuildIndexedLineKeepsGapsAndWritesAlt(t *testing.T) {
	cs := build(t, indexDef, Options{Langs: []string{"en", "km"}})
	if len(cs) != 2 {
		t.Fatalf("got %d charts, want 2 (en, km)", len(cs))
	}
	c := cs[0]
	if c.ID != "women-men-index" || c.Lang != "en" || c.Place != "KH" {
		t.Errorf("chart = %s/%s/%s, want women-men-index/en/KH", c.ID, c.Lang, c.Place)
	}
	if c.Title != "Women in prison grew faster than men, Cambodia" {
		t.Errorf("Title = %q", c.Title)
	}
	if cs[1].Title != "ស្ត្រី កម្ពុជា" {
		t.Errorf("km Title = %q, want the Khmer place name", cs[1].Title)
	}
	o := decode(t, c.Option)
	if o.YAxis.Name != "Index (2008 = 100)" {
		t.Errorf("yAxis.name = %q, want {first_year} filled in", o.YAxis.Name)
	}
	if o.Animation || !o.Aria.Enabled {
		t.Errorf("animation = %v, aria = %v; want false, true", o.Animation, o.Aria.Enabled)
	}
	if want := []string{"2008", "2009", "2010", "2011", "2012"}; !slices.Equal(o.XAxis.Data, want) {
		t.Errorf("xAxis.data = %v, want %v", o.XAxis.Data, want)
	}
	if len(o.Series) != 2 {
		t.Fatalf("got %d series, want 2", len(o.Series))
	}
	wantData := [][]any{{100.0, 123.2, nil, 174.4, 198.0}, {100.0, 108.9, 118.5, 128.2, 138.0}}
	for i, name := range []string{"Women", "Men"} {
		s := o.Series[i]
		if s.Name != name || s.Type != "line" {
			t.Errorf("series[%d] = %q %q, want %q line", i, s.Name, s.Type, name)
		}
		if got := values(s.Data); !reflect.DeepEqual(got, wantData[i]) {
			t.Errorf("series[%d].data = %v, want %v", i, got, wantData[i])
		}
	}
	if o.Series[0].Symbol == o.Series[1].Symbol || o.Series[0].LineStyle.Type == o.Series[1].LineStyle.Type {
		t.Errorf("series share a marker (%s) or dash (%s); colour must not be the only cue", o.Series[0].Symbol, o.Series[0].LineStyle.Type)
	}
	if want := "Line chart: women in prison rose from 100 in 2008 to 198 in 2012, men from 100 to 138."; c.Alt != want {
		t.Errorf("Alt = %q, want %q", c.Alt, want)
	}
	if c.ReferenceDate != "2012-12-31" {
		t.Errorf("ReferenceDate = %q, want 2012-12-31", c.ReferenceDate)
	}
	wantTable := Table{
		Caption: c.Title,
		Header:  []string{"Year", "Women", "Men"},
		Rows: [][]string{
			{"2008", "100", "100"}, {"2009", "123", "109"}, {"2010", Dash, "119"},
			{"2011", "174", "128"}, {"2012", "198", "138"},
		},
	}
	if !reflect.DeepEqual(c.Table, wantTable) {
		t.Errorf("Table = %+v\nwant %+v", c.Table, wantTable)
	}
	recs := readCSV(t, c.CSV)
	if got, want := recs[3], []string{"2010", "not available: sheet missing", "118.5"}; !slices.Equal(got, want) {
		t.Errorf("CSV row 2010 = %q, want %q", got, want)
	}
	if !bytes.Contains(c.CSV, []byte("\r\n")) {
		t.Error("CSV lines do not end in CRLF (RFC 4180)")
	}
}

func TestBuildKhmerDigitsWhenAsked(t *testing.T) {
	cs := build(t, indexDef, Options{Langs: []string{"km"}, Digits: i18n.Native})
	if got := cs[0].Table.Rows[4][1]; got != "១៩៨" {
		t.Errorf("km table cell = %q, want ១៩៨", got)
	}
	if strings.ContainsAny(cs[0].Alt, "0123456789") || !strings.Contains(cs[0].Alt, "១៩៨") {
		t.Errorf("km Alt = %q, want Khmer digits only", cs[0].Alt)
	}
	if bytes.Contains(cs[0].CSV, []byte("១")) {
		t.Error("CSV has Khmer digits; it must stay machine-readable")
	}
}

func TestBuildEachKind(t *testing.T) {
	tests := []struct {
		name, def  string
		xAxis      []string
		yAxis      []string
		types      []string
		stack      bool
		data       [][]any
		alt        string
		tableFirst []string
	}{
		{
			name: "share line",
			def: `id = "female-share"
kind = "share line"
places = "national"
years = "2010-2012"
[[series]]
indicator = "female_share"
[text.en]
title = "Share"
x_axis = "Year"
series = ["Women's share"]
alt_series = ["the share of women"]`,
			xAxis: []string{"2010", "2011", "2012"}, types: []string{"line"},
			data:       [][]any{{7.7, 8.26, 8.67}},
			alt:        "Line chart: the share of women rose from 7.7% in 2010 to 8.7% in 2012.",
			tableFirst: []string{"2010", "7.7%"},
		},
		{
			name: "stacked bar",
			def: `id = "children-by-age"
kind = "stacked bar"
places = "national"
[[series]]
indicator = "children_in_prison"
breakdown = "under_1"
[[series]]
indicator = "children_in_prison"
breakdown = "1_2"
[[series]]
indicator = "children_in_prison"
breakdown = "over_3"
[text.en]
title = "Children"
x_axis = "Year"
series = ["Under 1", "1–2", "Over 3"]`,
			xAxis: []string{"2010", "2011", "2012"}, types: []string{"bar", "bar", "bar"}, stack: true,
			data:       [][]any{{20.0, 22.0, 25.0}, {15.0, nil, 18.0}, {8.0, 5.0, 3.0}},
			alt:        "Stacked bar chart: the total rose from 43 in 2010 to 46 in 2012; in 2012: Under 1 25, 1–2 18, Over 3 3.",
			tableFirst: []string{"2010", "20", "15", "8"},
		},
		{
			name: "bar",
			def: `id = "releases"
kind = "bar"
places = "KH"
[[series]]
indicator = "releases"
breakdown = "royal_pardon"
[[series]]
indicator = "releases"
breakdown = "court_decision"
[text.en]
title = "Releases"
x_axis = "Year"
series = ["Royal pardon", "Court decision"]`,
			xAxis: []string{"2014", "2015"}, types: []string{"bar", "bar"},
			data:       [][]any{{4.0, 6.0}, {2.0, 3.0}},
			alt:        "Bar chart: Royal pardon rose from 4 in 2014 to 6 in 2015, Court decision from 2 to 3.",
			tableFirst: []string{"2014", "4", "2"},
		},
		{
			name: "ranking bar",
			def: `id = "pregnant-by-province"
kind = "ranking bar"
places = "provinces"
years = "latest"
[[series]]
indicator = "pregnant"
[text.en]
title = "Pregnant women"
series = ["Pregnant women"]`,
			yAxis: []string{"Phnom Penh", "Battambang", "Banteay Meanchey", "Kampong Cham"}, types: []string{"bar"},
			data:       [][]any{{25.0, 12.0, 0.0, nil}},
			alt:        "Bar chart, 2012: Phnom Penh is highest (25), followed by Battambang (12); none in 1 of 4 provinces; no data for 1.",
			tableFirst: []string{"Phnom Penh", "25"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cs := build(t, tt.def, Options{Langs: []string{"en"}})
			if len(cs) != 1 {
				t.Fatalf("got %d charts, want 1", len(cs))
			}
			o := decode(t, cs[0].Option)
			if tt.xAxis != nil && !slices.Equal(o.XAxis.Data, tt.xAxis) {
				t.Errorf("xAxis.data = %v, want %v", o.XAxis.Data, tt.xAxis)
			}
			if tt.yAxis != nil {
				if !slices.Equal(o.YAxis.Data, tt.yAxis) || o.YAxis.Type != "category" || !o.YAxis.Inverse || o.XAxis.Type != "value" {
					t.Errorf("yAxis = %+v, xAxis type %q; want horizontal bars over %v, highest on top", o.YAxis, o.XAxis.Type, tt.yAxis)
				}
			}
			if len(o.Series) != len(tt.types) {
				t.Fatalf("got %d series, want %d", len(o.Series), len(tt.types))
			}
			for i, s := range o.Series {
				if s.Type != tt.types[i] || (s.Stack != "") != tt.stack {
					t.Errorf("series[%d] type %q stack %q, want %q stacked=%v", i, s.Type, s.Stack, tt.types[i], tt.stack)
				}
				if got := values(s.Data); !reflect.DeepEqual(got, tt.data[i]) {
					t.Errorf("series[%d].data = %v, want %v", i, got, tt.data[i])
				}
			}
			if cs[0].Alt != tt.alt {
				t.Errorf("Alt = %q\nwant  %q", cs[0].Alt, tt.alt)
			}
			if got := cs[0].Table.Rows[0]; !slices.Equal(got, tt.tableFirst) {
				t.Errorf("Table.Rows[0] = %q, want %q", got, tt.tableFirst)
			}
			if n := len(readCSV(t, cs[0].CSV)); n != len(cs[0].Table.Rows)+1 {
				t.Errorf("CSV has %d records, want header + %d rows", n, len(cs[0].Table.Rows))
			}
		})
	}
}

func TestBuildExpandsEachProvince(t *testing.T) {
	def := `id = "province-women-men"
kind = "bar"
places = "each province"
[[series]]
indicator = "prisoners"
breakdown = "female"
[[series]]
indicator = "prisoners"
breakdown = "male"
[text.en]
title = "Women and men in prison, {place}"
series = ["Women", "Men"]
[text.km]
title = "ស្ត្រី និងបុរសក្នុងពន្ធនាគារ {place}"
series = ["ស្ត្រី", "បុរស"]`
	cs := build(t, def, Options{Langs: []string{"en", "km"}})
	var got []string
	for _, c := range cs {
		got = append(got, c.ID+"/"+c.Lang+"/"+c.Place+"/"+c.Title)
	}
	// KH-1 and KH-3 have no prisoners series: no chart for them.
	want := []string{
		"province-women-men--kh-12/en/KH-12/Women and men in prison, Phnom Penh",
		"province-women-men--kh-12/km/KH-12/ស្ត្រី និងបុរសក្នុងពន្ធនាគារ ភ្នំពេញ",
		"province-women-men--kh-2/en/KH-2/Women and men in prison, Battambang",
		"province-women-men--kh-2/km/KH-2/ស្ត្រី និងបុរសក្នុងពន្ធនាគារ បាត់ដំបង",
	}
	if !slices.Equal(got, want) {
		t.Errorf("charts =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	o := decode(t, cs[2].Option)
	if d := values(o.Series[0].Data); !reflect.DeepEqual(d, []any{60.0, nil}) {
		t.Errorf("Battambang women = %v, want [60 <nil>] (a gap, not zero)", d)
	}
	if cs[2].Table.Rows[1][1] != Dash {
		t.Errorf("Battambang 2012 women cell = %q, want %q", cs[2].Table.Rows[1][1], Dash)
	}
}

func TestBuildIllustrativeNote(t *testing.T) {
	for _, tt := range []struct {
		illustrative bool
		want         string
	}{{false, ""}, {true, "Illustrative data."}} {
		cs := build(t, indexDef, Options{Langs: []string{"en"}, Illustrative: tt.illustrative})
		if cs[0].Notes != tt.want {
			t.Errorf("Illustrative=%v: Notes = %q, want %q", tt.illustrative, cs[0].Notes, tt.want)
		}
	}
}

func TestBuildRejects(t *testing.T) {
	g := testGazetteer(t)
	tests := []struct {
		name, def string
		langs     []string
		want      string
	}{
		{"unknown place", strings.Replace(indexDef, `"national"`, `"KH-99"`, 1), []string{"en"}, `places: "KH-99" is not a gazetteer code`},
		{"no such series", strings.ReplaceAll(indexDef, "prisoners_index", "nope"), []string{"en"}, "none of the series nope/female, nope/male exists for KH"},
		{"language without text", indexDef, []string{"en", "fr"}, "text.fr: missing"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Build([]Def{mustDef(t, tt.def)}, testResult(), Options{Places: g, Langs: tt.langs})
			if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.HasPrefix(err.Error(), "charts/test.toml: ") {
				t.Errorf("Build error = %v, want charts/test.toml: …%s", err, tt.want)
			}
		})
	}
}

func TestRepositoryDefinitionsBuild(t *testing.T) {
	defs, err := LoadDefs("../../charts")
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, d := range defs {
		ids = append(ids, d.ID)
	}
	want := []string{"children-by-age", "female-share", "pregnant-by-province", "province-children", "province-women-men", "releases-by-mechanism", "women-men-index"}
	if !slices.Equal(ids, want) {
		t.Fatalf("definitions = %v, want %v", ids, want)
	}
	cs, err := Build(defs, testResult(), Options{Places: testGazetteer(t), Langs: []string{"en", "km"}})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cs {
		if c.Alt == "" || c.Title == "" || len(c.Option) == 0 || len(c.CSV) == 0 {
			t.Errorf("%s (%s): empty alt, title, option or CSV", c.ID, c.Lang)
		}
		for _, s := range []string{c.Title, c.Subtitle, c.Notes, c.Source, c.Table.Header[0]} {
			if strings.Contains(s, "{") {
				t.Errorf("%s (%s): placeholder left in %q", c.ID, c.Lang, s)
			}
		}
	}
}

func readCSV(t *testing.T, b []byte) [][]string {
	t.Helper()
	recs, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	if err != nil {
		t.Fatalf("CSV does not parse: %v\n%s", err, b)
	}
	return recs
}

func TestCatalogOverridesAltPhrases(t *testing.T) {
	dir := t.TempDir()
	en := "[chart_alt_kind_line]\nother = \"Trend\"\n[illustrative_data]\nother = \"Made-up numbers.\"\n"
	if err := os.WriteFile(filepath.Join(dir, "en.toml"), []byte(en), 0o644); err != nil {
		t.Fatal(err)
	}
	cat, err := i18n.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	cs := build(t, indexDef, Options{Langs: []string{"en"}, I18n: cat, Illustrative: true})
	if want := "Trend: women in prison rose from 100 in 2008 to 198 in 2012, men from 100 to 138."; cs[0].Alt != want {
		t.Errorf("Alt = %q, want %q", cs[0].Alt, want)
	}
	if cs[0].Notes != "Made-up numbers." {
		t.Errorf("Notes = %q, want the catalog's illustrative_data", cs[0].Notes)
	}
}

func TestBuildSkipsAChartWithoutDataButRefusesAnUnknownIndicator(t *testing.T) {
	res := &compute.Result{Catalogue: []compute.Indicator{{ID: "prisoners_index"}, {ID: "children_in_prison"}}}
	g := testGazetteer(t)
	defs := []Def{mustDef(t, indexDef)}
	var skipped []string
	_, err := Build(defs, res, Options{Places: g, Langs: []string{"en"}, NoData: func(id string, why error) { skipped = append(skipped, id) }})
	if err != nil {
		t.Fatalf("Build with NoData = %v, want the chart skipped", err)
	}
	if len(skipped) != 1 {
		t.Errorf("skipped = %v, want the one chart", skipped)
	}
	if _, err := Build(defs, res, Options{Places: g, Langs: []string{"en"}}); err == nil {
		t.Error("Build without NoData skipped a chart with no data silently")
	}
	bad := []Def{mustDef(t, strings.ReplaceAll(indexDef, "prisoners_index", "prisoner_index"))}
	if _, err := Build(bad, res, Options{Places: g, Langs: []string{"en"}, NoData: func(string, error) {}}); err == nil {
		t.Error("Build skipped a chart naming an indicator that is not in the catalogue")
	}
}
