package ingest

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/prisonstats/prisonstats/internal/finding"
	"github.com/prisonstats/prisonstats/internal/places"
)

// book writes a workbook built by fill into dir/name and returns its path.
func book(t testing.TB, dir, name string, fill func(f *excelize.File)) string {
	t.Helper()
	f := excelize.NewFile()
	fill(f)
	path := filepath.Join(dir, name)
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	f.Close()
	return path
}

// rows sets rows of cells from A1 on a sheet.
func rows(t testing.TB, f *excelize.File, sheet string, first int, data ...[]any) {
	t.Helper()
	for i, r := range data {
		cell, _ := excelize.CoordinatesToCellName(1, first+i)
		if err := f.SetSheetRow(sheet, cell, &r); err != nil {
			t.Fatal(err)
		}
	}
}

func writeFile(t testing.TB, dir, name, content string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// source parses one [[source]] of mapping text.
func source(t testing.TB, text string) *Source {
	t.Helper()
	m, err := ParseMapping(text)
	if err != nil {
		t.Fatalf("ParseMapping: %v\n%s", err, text)
	}
	return &m.Sources[0]
}

// testPlaces is a small gazetteer for synthetic files.
func testPlaces(t testing.TB) *places.Gazetteer {
	t.Helper()
	g, err := places.New([]places.Place{
		{Code: "KH", Level: places.Country, Name: "Cambodia"},
		{Code: "KH-3", Level: places.Province, Parent: "KH", Name: "Kampong Cham"},
		{Code: "KH-7", Level: places.Province, Parent: "KH", Name: "Kampot"},
		{Code: "KH-3-CC3", Level: places.Facility, Parent: "KH-3", Name: "Correctional Centre 3", Aliases: []string{"CC3"}},
		{Code: "KH-7-KPT", Level: places.Facility, Parent: "KH-7", Name: "Kampot Provincial Prison"},
	})
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// read reads one file through a mapping text.
func read(t testing.TB, mapping, path string) *Result {
	t.Helper()
	res := &Result{}
	ReadFile(context.Background(), source(t, mapping), path, filepath.Base(path), testPlaces(t), res)
	return res
}

// onlyError asserts that the findings hold exactly one error, with code,
// whose message holds every part, and returns it.
func onlyError(t *testing.T, l finding.List, code string, parts ...string) finding.Finding {
	t.Helper()
	errs := errorsIn(l)
	if len(errs) != 1 {
		t.Fatalf("error findings = %d, want 1: %v", len(errs), l)
	}
	f := errs[0]
	if f.Code != code {
		t.Errorf("finding code = %s, want %s (%v)", f.Code, code, f)
	}
	for _, p := range parts {
		if !strings.Contains(f.Error(), p) {
			t.Errorf("finding %q lacks %q", f.Error(), p)
		}
	}
	return f
}

// simpleMapping reads a long table: Prison, Year, Female.
const simpleMapping = `
[[source]]
file = "x"
stop_at = ["Total", "Notes*"]
[source.fields]
place = { column = "Prison" }
date = { column = "Year", type = "date" }
status = "total"
age = "total"
measure = "prisoners"
[[source.values]]
column = "Female"
set = { sex = "female" }
`
