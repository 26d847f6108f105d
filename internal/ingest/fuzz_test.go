package ingest

import (
	"archive/zip"
	"bytes"
	"io"
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"
)

func FuzzParseCell(f *testing.F) {
	for _, s := range []string{"3904", "1,465,158", "1.234,5", "-", "..", "", "12.5%", "twelve", "1e308", "0x1p3", "\u00a01 234"} {
		f.Add(s, false, false)
	}
	f.Add("6,52", true, false)
	f.Add("12.5", false, true)
	f.Fuzz(func(t *testing.T, s string, comma, percent bool) {
		nf := NumberFormat{}
		if percent {
			nf.Percent = "points"
		}
		if comma {
			nf.Decimal = ","
		}
		v, err := ParseCell(s, nil, nf)
		if err != nil {
			return
		}
		if v.OK() && (math.IsNaN(v.Num) || math.IsInf(v.Num, 0)) {
			t.Errorf("ParseCell(%q) = %v, want a finite number or an error", s, v.Num)
		}
	})
}

// fuzzMapping reads a long table whatever the cells hold.
const fuzzMapping = `
[[source]]
file = "x"
blank_rows = "skip"
[source.fields]
place = { column = "Prison" }
date = { column = "Year", type = "date" }
sex = { column = "Sex", map = { F = "female", M = "male" }, unmapped = "keep" }
status = "total"
age = "total"
measure = "prisoners"
[[source.values]]
cols = "D:"
`

func FuzzReadCSV(f *testing.F) {
	f.Add([]byte("Prison,Year,Sex,N\nCC3,2012,F,4\n"))
	f.Add([]byte("\xEF\xBB\xBFPrison,Year,Sex,N\nCC3,2012,F,\"1,234\"\n"))
	f.Add([]byte("Prison,Year,Sex,N\n\"CC3,2012,F,4\n"))
	f.Add([]byte("Prison,Year,Sex,N\nCC3\xff,60,F,4,5\n,,,\nCC3"))
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte) {
		path := filepath.Join(dir, "fuzz.csv")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		res := read(t, fuzzMapping, path)
		for _, fd := range res.Findings {
			if fd.Source.File != "fuzz.csv" {
				t.Errorf("finding without its file: %v", fd)
			}
		}
		for _, o := range res.Observations {
			if o.Source.Line == 0 || o.Source.Column == 0 {
				t.Errorf("observation without its position: %v", o)
			}
		}
	})
}

func FuzzReadXLSX(f *testing.F) {
	dir := f.TempDir()
	seed := book(f, dir, "seed.xlsx", func(x *excelize.File) {
		rows(f, x, "Sheet1", 1, []any{"Prison", "Year", "Sex", "N"}, []any{"CC3", 2012, "F", 4}, []any{"CC3", 45, "M", "x"})
		x.MergeCell("Sheet1", "A2", "A3")
	})
	b, err := os.ReadFile(seed)
	if err != nil {
		f.Fatal(err)
	}
	// the seed's parts, so that data can stand for the sheet XML alone and
	// reach the row reader rather than stop at the zip layer
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		f.Fatal(err)
	}
	parts := map[string][]byte{}
	for _, zf := range zr.File {
		rc, _ := zf.Open()
		parts[zf.Name], _ = io.ReadAll(rc)
		rc.Close()
	}
	f.Add(b, false)
	f.Add(b[:len(b)/2], false)
	f.Add([]byte{}, false)
	f.Add([]byte("PK\x03\x04"), false)
	f.Add(parts["xl/worksheets/sheet1.xml"], true)
	f.Add([]byte(`<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Prison</t></is></c><c r="B1" t="inlineStr"><is><t>Year</t></is></c><c r="C1" t="inlineStr"><is><t>Sex</t></is></c><c r="D1" t="inlineStr"><is><t>N</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>CC3</t></is></c><c r="B2"><v>2012</v></c><c r="D2"><f>1+1</f></c></row></sheetData><mergeCells><mergeCell ref="A2:A3"/></mergeCells></worksheet>`), true)
	f.Fuzz(func(t *testing.T, data []byte, asSheet bool) {
		path := filepath.Join(dir, "fuzz.xlsx")
		if asSheet {
			var zb bytes.Buffer
			zw := zip.NewWriter(&zb)
			for name, p := range parts {
				if name == "xl/worksheets/sheet1.xml" {
					p = data
				}
				w, _ := zw.Create(name)
				w.Write(p)
			}
			zw.Close()
			data = zb.Bytes()
		}
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		res := read(t, fuzzMapping, path)
		for _, fd := range res.Findings {
			if fd.Source.File != "fuzz.xlsx" {
				t.Errorf("finding without its file: %v", fd)
			}
		}
	})
}
