package chart

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/prisonstats/prisonstats/internal/compute"
	"github.com/prisonstats/prisonstats/internal/places"
)

// hostileSetup gives a gazetteer and result whose labels carry markup and
// formulas, as a spreadsheet could.
func hostileSetup(t testing.TB) (*places.Gazetteer, *compute.Result, []Def) {
	t.Helper()
	g, err := places.New([]places.Place{
		{Code: "KH", Level: places.Country, Name: "Cambodia"},
		{Code: "KH-8", Level: places.Province, Parent: "KH", Name: xssScript},
		{Code: "KH-9", Level: places.Province, Parent: "KH", Name: xssImg},
		{Code: "KH-10", Level: places.Province, Parent: "KH", Name: "=HYPERLINK(\"http://x\",\"y\")"},
		{Code: "KH-11", Level: places.Province, Parent: "KH", Name: "-2+3"},
	})
	if err != nil {
		t.Fatal(err)
	}
	res := &compute.Result{Series: []compute.Series{
		ser("pregnant", "KH-8", "", pts(2012, 5)),
		ser("pregnant", "KH-9", "", pts(2012, 4)),
		ser("pregnant", "KH-10", "", pts(2012, 3)),
		ser("pregnant", "KH-11", "", pts(2012, 2)),
		ser("change", "KH-8", "a", pts(2011, -5, -0.25, nil)),
		ser("change", "KH-8", "b", pts(2011, 1, 2, 3)),
	}}
	ranking := mustDef(t, `id = "rank"
kind = "ranking bar"
places = "provinces"
years = "latest"
[[series]]
indicator = "pregnant"
[text.en]
title = "Pregnant women"
series = ["@SUM(A1:A9)"]`)
	each := mustDef(t, `id = "each"
kind = "line"
places = "each province"
[[series]]
indicator = "change"
breakdown = "a"
[[series]]
indicator = "change"
breakdown = "b"
[text.en]
title = "Change, {place}"
x_axis = "+Year"
series = ["`+strings.ReplaceAll(xssImg, `"`, `\"`)+`", "\tTab"]`)
	return g, res, []Def{ranking, each}
}

func hostileCharts(t testing.TB) []Chart {
	t.Helper()
	g, res, defs := hostileSetup(t)
	cs, err := Build(defs, res, Options{Places: g, Langs: []string{"en"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(cs) != 2 {
		t.Fatalf("got %d charts, want 2 (ranking, each province for KH-8)", len(cs))
	}
	return cs
}

func TestOptionEscapesMarkup(t *testing.T) {
	for _, c := range hostileCharts(t) {
		if bytes.ContainsAny(c.Option, "<>&") {
			t.Errorf("%s: option JSON holds a raw < > or &:\n%s", c.ID, c.Option)
		}
		if !bytes.Contains(c.Option, []byte(`\u003cscript\u003ealert(1)\u003c/script\u003e`)) &&
			!bytes.Contains(c.Option, []byte(`\"\u003e\u003cimg src=x onerror=alert(1)\u003e`)) {
			t.Errorf("%s: option JSON does not carry the hostile label escaped:\n%s", c.ID, c.Option)
		}
		// The label survives as text: decoding gives it back unchanged.
		o := decode(t, c.Option)
		labels := append(append([]string{o.Title.Text}, o.YAxis.Data...), o.Series[0].Name)
		if !slices.ContainsFunc(labels, func(s string) bool { return strings.Contains(s, xssScript) || strings.Contains(s, xssImg) }) {
			t.Errorf("%s: decoded labels %q lost the hostile text", c.ID, labels)
		}
	}
}

func TestTableKeepsRawText(t *testing.T) {
	cs := hostileCharts(t)
	if got := cs[0].Table.Rows[0][0]; got != xssScript {
		t.Errorf("ranking table first label = %q, want the raw text %q (the site escapes it)", got, xssScript)
	}
	if got := cs[1].Table.Header[1]; got != xssImg {
		t.Errorf("table header = %q, want the raw text %q", got, xssImg)
	}
}

func TestCSVNeutralisesFormulasNotNumbers(t *testing.T) {
	cs := hostileCharts(t)
	rank := readCSV(t, cs[0].CSV)
	wantRank := [][]string{
		{"place", "'@SUM(A1:A9)"},
		{xssScript, "5"},
		{xssImg, "4"},
		{`'=HYPERLINK("http://x","y")`, "3"},
		{"'-2+3", "2"},
	}
	if !slices.EqualFunc(rank, wantRank, slices.Equal) {
		t.Errorf("ranking CSV = %q\nwant %q", rank, wantRank)
	}
	line := readCSV(t, cs[1].CSV)
	wantLine := [][]string{
		{"'+Year", xssImg, "'\tTab"},
		{"2011", "-5", "1"},
		{"2012", "-0.25", "2"},
		{"2013", "not available: sheet missing", "3"},
	}
	if !slices.EqualFunc(line, wantLine, slices.Equal) {
		t.Errorf("line CSV = %q\nwant %q", line, wantLine)
	}
}

func TestNeutralise(t *testing.T) {
	tests := []struct{ in, want string }{
		{"=1+1", "'=1+1"}, {"+1", "'+1"}, {"-1", "'-1"}, {"@x", "'@x"},
		{"\tx", "'\tx"}, {"\rx", "'\rx"}, {"\nx", "'\nx"},
		{"Phnom Penh", "Phnom Penh"}, {"", ""}, {"a=b", "a=b"}, {"ភ្នំពេញ", "ភ្នំពេញ"},
	}
	for _, tt := range tests {
		if got := neutralise(tt.in); got != tt.want {
			t.Errorf("neutralise(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
