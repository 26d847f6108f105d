package ingest

import (
	"bytes"
	"encoding/csv"
	"path/filepath"
	"strings"
	"testing"

	"github.com/prisonstats/prisonstats/internal/obs"
)

func TestWriteCSVNeutralisesFormulasAndKeepsNumbers(t *testing.T) {
	os := []obs.Observation{
		{Date: "2012-12-31", Place: "KH-3-CC3", Sex: "female", Status: "total", Age: "total", Measure: "prisoners",
			Value: obs.Num(-3), Source: obs.Source{File: "a.xlsx", Sheet: "2012", Cell: "D7"}},
		{Date: "2012-12-31", Place: "=HYPERLINK(\"x\")", Sex: "female", Status: "total", Age: "total", Measure: "prisoners",
			Category: "+1", Value: obs.Absent(obs.NotAvailable), Source: obs.Source{File: "@b.csv", Line: 3, Column: 2}},
	}
	var b bytes.Buffer
	if err := WriteCSV(&b, os); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{
		csvHeader,
		{"2012-12-31", "KH-3-CC3", "female", "total", "total", "prisoners", "", "-3", "", "a.xlsx", "2012", "D7", "", ""},
		{"2012-12-31", `'=HYPERLINK("x")`, "female", "total", "total", "prisoners", "'+1", "", "not_available", "'@b.csv", "", "", "3", "2"},
	}
	if len(recs) != len(want) {
		t.Fatalf("records = %d, want %d", len(recs), len(want))
	}
	for i := range want {
		if strings.Join(recs[i], "\x1f") != strings.Join(want[i], "\x1f") {
			t.Errorf("record %d = %q, want %q", i, recs[i], want[i])
		}
	}
}

// Inspect and WriteCSV work on every real file.
func TestInspectAndWriteCSVOnEveryRealFile(t *testing.T) {
	dir := realdataDir(t)
	files, _ := filepath.Glob(filepath.Join(dir, "*.*"))
	n := 0
	for _, f := range files {
		if strings.HasSuffix(f, ".md") {
			continue
		}
		n++
		t.Run(filepath.Base(f), func(t *testing.T) {
			var b bytes.Buffer
			if err := Inspect(&b, f); err != nil {
				t.Fatalf("Inspect: %v", err)
			}
			out := b.String()
			header := map[string]string{
				"bjs_p18t01_prisoners_by_sex_2008_2018.csv":                         "header row(s) [11]",
				"bjs_p18t02_prisoners_by_jurisdiction_sex_2017_2018.csv":            "header row(s) [11 12]",
				"unodc_data_cts_prisons_and_prisoners.xlsx":                         "header row(s) [3]",
				"eurostat_crim_pris_age_sdmx_linear.csv":                            "header row(s) [1]",
				"abs_prison_population_by_state_sex_legal_indigenous_2005_2016.csv": "header row(s) [1]",
			}[filepath.Base(f)]
			for _, want := range []string{"largest table", "header row(s)", "[[source]]", header} {
				if !strings.Contains(out, want) {
					t.Errorf("Inspect output lacks %q", want)
				}
			}
			if testing.Verbose() && len(out) < 6000 {
				t.Log(out)
			}
		})
	}
	if n != 7 {
		t.Errorf("real files = %d, want 7", n)
	}
	for _, m := range []string{"unodc.toml", "uk_moj.toml", "brazil.toml", "eurostat.toml", "abs.toml", "bjs.toml"} {
		res := readReal(t, m)
		var b bytes.Buffer
		if err := WriteCSV(&b, res.Observations); err != nil {
			t.Fatalf("%s: WriteCSV: %v", m, err)
		}
		recs, err := csv.NewReader(&b).ReadAll()
		if err != nil || len(recs) != len(res.Observations)+1 {
			t.Errorf("%s: CSV has %d records (%v), want %d", m, len(recs), err, len(res.Observations)+1)
		}
	}
}
