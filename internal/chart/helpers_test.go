package chart

import (
	"encoding/json"
	"testing"

	"github.com/prisonstats/prisonstats/internal/compute"
	"github.com/prisonstats/prisonstats/internal/obs"
	"github.com/prisonstats/prisonstats/internal/places"
)

// Hostile labels a spreadsheet could carry.
const (
	xssScript = `<script>alert(1)</script>`
	xssImg    = `"><img src=x onerror=alert(1)>`
)

func testGazetteer(t testing.TB) *places.Gazetteer {
	t.Helper()
	g, err := places.New([]places.Place{
		{Code: "KH", Level: places.Country, Name: "Cambodia", NameKm: "កម្ពុជា"},
		{Code: "KH-12", Level: places.Province, Parent: "KH", Name: "Phnom Penh", NameKm: "ភ្នំពេញ"},
		{Code: "KH-1", Level: places.Province, Parent: "KH", Name: "Banteay Meanchey", NameKm: "បន្ទាយមានជ័យ"},
		{Code: "KH-2", Level: places.Province, Parent: "KH", Name: "Battambang", NameKm: "បាត់ដំបង"},
		{Code: "KH-3", Level: places.Province, Parent: "KH", Name: "Kampong Cham", NameKm: "កំពង់ចាម"},
	})
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// pts makes yearly points on 31 December from first on; nil is a value
// not available.
func pts(first int, vals ...any) []compute.Point {
	var out []compute.Point
	for i, v := range vals {
		p := compute.Point{Date: itoa(first+i) + "-12-31"}
		switch v := v.(type) {
		case nil:
			p.Value = obs.Absent(obs.NotAvailable)
			p.Reason = "sheet missing"
		case int:
			p.Value = obs.Num(float64(v))
		case float64:
			p.Value = obs.Num(v)
		}
		out = append(out, p)
	}
	return out
}

func ser(ind, place, bd string, p []compute.Point) compute.Series {
	return compute.Series{Indicator: ind, Place: place, Breakdown: bd, Points: p}
}

// testResult follows the illustrative sample's national picture.
func testResult() *compute.Result {
	return &compute.Result{Series: []compute.Series{
		ser("prisoners_index", "KH", "female", pts(2008, 100, 123.2, nil, 174.4, 198.0)),
		ser("prisoners_index", "KH", "male", pts(2008, 100, 108.9, 118.5, 128.2, 138.0)),
		ser("female_share", "KH", "", pts(2008, 6.2, 7.0, 7.7, 8.26, 8.67)),
		ser("children_in_prison", "KH", "under_1", pts(2010, 20, 22, 25)),
		ser("children_in_prison", "KH", "1_2", pts(2010, 15, nil, 18)),
		ser("children_in_prison", "KH", "2_3", pts(2010, 10, 11, 12)),
		ser("children_in_prison", "KH", "over_3", pts(2010, 8, 5, 3)),
		ser("pregnant", "KH-12", "", pts(2011, 20, 25)),
		ser("pregnant", "KH-1", "", pts(2011, 3, 0)),
		ser("pregnant", "KH-2", "", pts(2011, 9, 12)),
		// KH-3 has no pregnant series at all.
		ser("prisoners", "KH-12", "female", pts(2011, 300, 340)),
		ser("prisoners", "KH-12", "male", pts(2011, 4000, 4100)),
		ser("prisoners", "KH-2", "female", pts(2011, 60, nil)),
		ser("prisoners", "KH-2", "male", pts(2011, 900, 950)),
		ser("releases", "KH", "royal_pardon", pts(2014, 4, 6)),
		ser("releases", "KH", "early_release", pts(2014, 3, 7)),
		ser("releases", "KH", "court_decision", pts(2014, 2, 3)),
	}}
}

func mustDef(t testing.TB, src string) Def {
	t.Helper()
	d, err := ParseDef("charts/test.toml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// decoded is the part of an ECharts option the tests read.
type decoded struct {
	Animation bool `json:"animation"`
	Aria      struct {
		Enabled bool `json:"enabled"`
	} `json:"aria"`
	Title struct {
		Text    string `json:"text"`
		Subtext string `json:"subtext"`
	} `json:"title"`
	XAxis  axisJSON `json:"xAxis"`
	YAxis  axisJSON `json:"yAxis"`
	Series []struct {
		Name      string     `json:"name"`
		Type      string     `json:"type"`
		Stack     string     `json:"stack"`
		Symbol    string     `json:"symbol"`
		Data      []*float64 `json:"data"`
		LineStyle *struct {
			Type string `json:"type"`
		} `json:"lineStyle"`
	} `json:"series"`
}

type axisJSON struct {
	Name    string   `json:"name"`
	Type    string   `json:"type"`
	Data    []string `json:"data"`
	Inverse bool     `json:"inverse"`
}

func decode(t *testing.T, raw json.RawMessage) decoded {
	t.Helper()
	var d decoded
	if err := json.Unmarshal(raw, &d); err != nil {
		t.Fatalf("option does not decode: %v\n%s", err, raw)
	}
	return d
}

// values turns option data back into comparable form: nil stays nil.
func values(data []*float64) []any {
	out := make([]any, len(data))
	for i, p := range data {
		if p != nil {
			out[i] = *p
		}
	}
	return out
}
