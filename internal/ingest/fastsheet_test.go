package ingest

import (
	"archive/zip"
	"bufio"
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/xuri/excelize/v2"
)

// gridRow is one row as table.read sees it.
type gridRow struct {
	Num   int
	Cells []string
}

// sheetRows is every row of one sheet, and how reading ended.
type sheetRows struct {
	Sheet  string
	Rows   []gridRow
	Err    string
	Bailed bool // fast reader only: it handed the sheet to excelize
}

// maxGridRows caps a read (a fuzzed row number can make a million empty
// rows); the fuzz target lowers it to keep its executions fast.
var maxGridRows = 1_100_000

// drain reads a grid to its end, then asks for three more rows the way a
// table that stopped at a blank row and goes on would.
func drain(g grid) []gridRow {
	var out []gridRow
	for range 4 {
		for len(out) < maxGridRows && g.Next() {
			n, cells := g.Row()
			out = append(out, gridRow{n, append([]string{}, cells...)})
		}
	}
	return out
}

// readGrids reads every sheet of the workbook at path with excelize's Rows
// (fast false) or with the fast reader.
func readGrids(t testing.TB, path string, fast bool) []sheetRows {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		return nil
	}
	defer zr.Close()
	meta, err := readBookMeta(&zr.Reader)
	if err != nil {
		return nil
	}
	f, err := openBook(path)
	if err != nil {
		return nil
	}
	defer f.Close()
	var out []sheetRows
	for _, sh := range meta.Sheets {
		sr := sheetRows{Sheet: sh.Name}
		if fast {
			zf, ok := fastPart(&zr.Reader, meta, sh)
			var sst []string
			var noSST bool
			if ok {
				sst, noSST, ok = fastSharedStrings(f, sh.Name)
			}
			if !ok {
				sr.Bailed = true
				out = append(out, sr)
				continue
			}
			rc, err := zf.Open()
			if err != nil {
				t.Fatal(err)
			}
			fr := &fastRows{s: newFastScanner(rc), sst: sst, noSST: noSST}
			sr.Rows = drain(&fastGrid{r: fr})
			sr.Bailed = fr.bailed
			rc.Close()
		} else {
			rows, err := f.Rows(sh.Name)
			if err != nil {
				sr.Err = err.Error()
				out = append(out, sr)
				continue
			}
			g := &xlsxGrid{rows: rows}
			sr.Rows = drain(g)
			if err := g.Err(); err != nil {
				sr.Err = err.Error()
			}
			rows.Close()
		}
		out = append(out, sr)
	}
	return out
}

// diffGrids compares the two readers sheet by sheet; a sheet the fast
// reader handed over is not compared. It returns how many sheets the fast
// reader read itself.
func diffGrids(t testing.TB, path string) (read int) {
	t.Helper()
	slow, fast := readGrids(t, path, false), readGrids(t, path, true)
	if len(slow) != len(fast) {
		t.Fatalf("%s: %d sheets with excelize, %d with the fast reader", path, len(slow), len(fast))
	}
	for i := range slow {
		if fast[i].Bailed {
			continue
		}
		read++
		if slow[i].Err != "" {
			t.Errorf("%s: sheet %q: excelize fails (%s) but the fast reader did not hand it over", path, slow[i].Sheet, slow[i].Err)
			continue
		}
		a, b := slow[i].Rows, fast[i].Rows
		if len(a) != len(b) {
			t.Errorf("%s: sheet %q: fast reader gives %d rows, excelize %d", path, slow[i].Sheet, len(b), len(a))
		}
		for j := range min(len(a), len(b)) {
			if a[j].Num != b[j].Num || !slicesEqual(a[j].Cells, b[j].Cells) {
				t.Errorf("%s: sheet %q: row %d: fast reader gives %d %q, excelize %d %q", path, slow[i].Sheet, j, b[j].Num, b[j].Cells, a[j].Num, a[j].Cells)
				break
			}
		}
	}
	return read
}

func slicesEqual(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// withFast runs fn with the fast reader on or off.
func withFast(on bool, fn func()) {
	old := fastSheets
	fastSheets = on
	defer func() { fastSheets = old }()
	fn()
}

// diffRead reads path through mapping both ways and compares observations
// and findings.
func diffRead(t testing.TB, mapping, path string) {
	t.Helper()
	var slow, fast *Result
	withFast(false, func() { slow = read(t, mapping, path) })
	withFast(true, func() { fast = read(t, mapping, path) })
	compareResults(t, path, slow, fast)
}

func compareResults(t testing.TB, what string, slow, fast *Result) {
	t.Helper()
	if !reflect.DeepEqual(slow.Observations, fast.Observations) {
		t.Errorf("%s: observations differ: fast reader %d, excelize %d", what, len(fast.Observations), len(slow.Observations))
		for i := range min(len(slow.Observations), len(fast.Observations)) {
			if !reflect.DeepEqual(slow.Observations[i], fast.Observations[i]) {
				t.Errorf("first difference at %d: fast %+v, excelize %+v", i, fast.Observations[i], slow.Observations[i])
				break
			}
		}
	}
	if !reflect.DeepEqual(slow.Findings, fast.Findings) {
		t.Errorf("%s: findings differ:\nfast:     %v\nexcelize: %v", what, fast.Findings, slow.Findings)
	}
}

var (
	seedOnce  sync.Once
	seedBytes []byte
	seedErr   error
)

// sheetBook writes a workbook whose first sheet's XML is sheet (and whose
// shared strings are sst, if not empty), built from a workbook excelize
// writes, so that everything else is ordinary.
func sheetBook(t testing.TB, dir, name, sheet, sst string) string {
	t.Helper()
	seedOnce.Do(func() {
		seed := book(t, t.TempDir(), "seed.xlsx", func(x *excelize.File) {
			rows(t, x, "Sheet1", 1, []any{"Prison", "Year", "Sex", "N"})
		})
		seedBytes, seedErr = os.ReadFile(seed)
	})
	if seedErr != nil {
		t.Fatal(seedErr)
	}
	b := seedBytes
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	var zb bytes.Buffer
	zw := zip.NewWriter(&zb)
	for _, zf := range zr.File {
		if zf.Name == "xl/sharedStrings.xml" && sst != "" {
			continue
		}
		rc, _ := zf.Open()
		w, _ := zw.Create(zf.Name)
		if zf.Name == "xl/worksheets/sheet1.xml" {
			w.Write([]byte(sheet))
		} else {
			bufio.NewReader(rc).WriteTo(w)
		}
		rc.Close()
	}
	if sst != "" {
		w, _ := zw.Create("xl/sharedStrings.xml")
		w.Write([]byte(sst))
	}
	zw.Close()
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, zb.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

const sheetHead = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
	`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetData>`

const sheetTail = `</sheetData></worksheet>`

const testSST = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="6" uniqueCount="6"><si><t>Prison</t></si><si><t>Year</t></si><si><t>Sex</t></si><si><t>N</t></si><si><r><rPr><b/></rPr><t>Correctional </t></r><r><t>Centre 3</t></r></si><si><t xml:space="preserve"> F_x0041_ </t></si></sst>`

const hdrRow = `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>`

// TestFastSheetMatchesExcelize holds the fast reader to excelize's rows on
// sheets that exercise each part of the port, and says which ones it must
// read itself rather than hand over.
func TestFastSheetMatchesExcelize(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct {
		name  string
		data  string
		fast  bool // the fast reader must read it itself
		noSST bool
	}{
		{"plain", hdrRow + `<row r="2"><c r="A2" t="s"><v>4</v></c><c r="B2"><v>2012</v></c><c r="C2" t="s"><v>5</v></c><c r="D2"><v>4</v></c></row>`, true, false},
		{"row gaps", hdrRow + `<row r="4"><c r="B4"><v>2012</v></c><c r="D4"><v>4</v></c></row><row r="9"><c r="D9"><v>1.5</v></c></row>`, true, false},
		{"first row late", `<row r="3"><c r="A3" t="s"><v>0</v></c></row>` + `<row r="5"><c r="C5"><v>7</v></c></row>`, true, false},
		{"rows going back", hdrRow + `<row r="5"><c r="A5"><v>5</v></c><c r="B5"><v>6</v></c></row><row r="3"><c r="A3"><v>3</v></c></row><row r="6"><c r="A6"><v>6</v></c></row>`, true, false},
		{"cells out of order", hdrRow + `<row r="2"><c r="C2"><v>3</v></c><c r="A2"><v>1</v></c><c r="B2"><v>2</v></c></row>`, true, false},
		{"no references", `<row><c t="s"><v>0</v></c><c t="s"><v>1</v></c><c><v>3</v></c></row><row><c><v>1</v></c><c/><c><v>2</v></c></row>`, true, false},
		{"entities and types", hdrRow + `<row r="2"><c r="A2" t="str"><v>A &amp; B &lt;1&gt; &#65;&#x42;</v></c><c r="B2" t="b"><v>1</v></c><c r="C2" t="e"><v>#N/A</v></c><c r="D2" t="d"><v>2012-01-01T00:00:00Z</v></c></row>`, true, false},
		{"formulas", hdrRow + `<row r="2"><c r="A2"><f>1+1</f></c><c r="B2"><f t="shared" ref="B2:B3" si="0">A2</f><v>2</v></c><c r="C2" s="3"><f>X</f><v></v></c></row>`, true, false},
		{"inline strings", `<row r="1"><c r="A1" t="inlineStr"><is><t>Prison</t></is></c><c r="B1" t="inlineStr"><is><r><t>Ye</t></r><r><t>ar</t></r></is></c><c r="C1" t="inlineStr"><is><t></t></is></c><c r="D1" t="inlineStr"><is><t>N</t><r><t>!</t></r></is></c></row>`, true, false},
		{"shared string out of range", hdrRow + `<row r="2"><c r="A2" t="s"><v>99</v></c><c r="B2" t="s"><v> 1 </v></c><c r="C2" t="s"><v>x</v></c></row>`, true, false},
		{"self-closing rows and spans", `<row r="1" spans="1:4" ht="15" customHeight="1"/>` + `<row r="2" spans="1:4" s="2" customFormat="1"><c r="A2" s="2"/><c r="B2" s="1"><v>3</v></c></row>`, true, false},
		{"whitespace and single quotes", "\n" + `<row r='1' >` + "\n\t" + `<c r='A1' t='str' ><v>a b</v></c>` + "\n" + `</row >`, true, false},
		{"prefixed names", `<x:row xmlns:x="urn:x" r="1"><x:c r="A1" t="str"><x:v>7</x:v></x:c></x:row>`, true, false},
		{"carriage returns", `<row r="1">` + "\r\n" + `<c r="A1" t="str"><v>a` + "\r\n" + `b` + "\r" + `c&#13;` + "\n" + `d</v></c></row>`, true, false},
		{"unicode", `<row r="1"><c r="A1" t="str"><v>ព្រៃវែង Ñandú 😀</v></c></row>`, true, false},
		// these the fast reader hands to excelize
		{"comment", `<!-- c --><row r="1"><c r="A1"><v>1</v></c></row>`, false, false},
		{"cdata", `<row r="1"><c r="A1" t="str"><v><![CDATA[x]]></v></c></row>`, false, false},

		{"bad style", `<row r="1"><c r="A1" s="x"><v>1</v></c><c r="B1"><v>2</v></c></row>`, false, false},
		{"bad reference", `<row r="1"><c r="1A"><v>1</v></c></row>`, false, false},
		{"row beyond the limit", `<row r="1048577"><c r="A1"><v>1</v></c></row>`, false, false},
		{"mismatched tags", `<row r="1"><c r="A1"><v>1</v></c></rowx>`, false, false},
		{"truncated", `<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2"><v>2`, false, false},
		{"escaped inline string", `<row r="1"><c r="A1" t="inlineStr"><is><t>a_x0041_</t></is></c></row>`, false, false},
		{"rich inline string", `<row r="1"><c r="A1" t="inlineStr"><is><r><rPr><b/></rPr><t>a</t></r></is></c></row>`, false, false},
		{"unknown entity", `<row r="1"><c r="A1" t="str"><v>&nbsp;</v></c></row>`, false, false},
		{"control character", `<row r="1"><c r="A1" t="str"><v>a` + "\x01" + `</v></c></row>`, false, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			doc := sheetHead + c.data + sheetTail + "\r\n"
			if c.name == "truncated" {
				doc = sheetHead + c.data
			}
			path := sheetBook(t, dir, strings.ReplaceAll(c.name, " ", "-")+".xlsx", doc, testSST)
			n := diffGrids(t, path)
			if c.fast && n != 1 {
				t.Errorf("the fast reader handed the sheet to excelize, want it read fast")
			}
			if !c.fast && n != 0 {
				t.Errorf("the fast reader read the sheet itself, want it handed to excelize")
			}
			diffRead(t, fuzzMapping, path)
		})
	}
}

// TestFastSheetHandsOverOddSharedStrings: excelize unescapes _xHHHH_ in
// shared strings; the fast reader takes excelize's own strings, so it
// reads them the same.
func TestFastSheetSharedStringsAreExcelizes(t *testing.T) {
	dir := t.TempDir()
	path := sheetBook(t, dir, "sst.xlsx", sheetHead+hdrRow+`<row r="2"><c r="A2" t="s"><v>5</v></c><c r="B2" t="s"><v>4</v></c></row>`+sheetTail, testSST)
	if n := diffGrids(t, path); n != 1 {
		t.Fatalf("fast reader read %d sheets, want 1", n)
	}
	g := readGrids(t, path, true)
	if got := g[0].Rows[1].Cells; len(got) != 2 || got[0] != " FA " || got[1] != "Correctional Centre 3" {
		t.Errorf("row 2 = %q, want [\" FA \" \"Correctional Centre 3\"]", got)
	}
}

// TestFastSheetRealData: every real workbook reads the same both ways,
// row by row and observation by observation.
func TestFastSheetRealData(t *testing.T) {
	dir := realdataDir(t)
	books, _ := filepath.Glob(filepath.Join(dir, "*.xlsx"))
	if len(books) == 0 {
		t.Skip("no real workbooks")
	}
	for _, b := range books {
		t.Run(filepath.Base(b), func(t *testing.T) {
			if n := diffGrids(t, b); n == 0 {
				t.Errorf("the fast reader handed every sheet to excelize")
			}
		})
	}
	maps, _ := filepath.Glob("testdata/realdata/*.toml")
	for _, m := range maps {
		t.Run(filepath.Base(m), func(t *testing.T) {
			abs, _ := filepath.Abs(m)
			var slow, fast *Result
			var err1, err2 error
			withFast(false, func() { slow, err1 = Run(context.Background(), Options{Root: dir, Sources: abs}) })
			withFast(true, func() { fast, err2 = Run(context.Background(), Options{Root: dir, Sources: abs}) })
			if err1 != nil || err2 != nil {
				t.Fatalf("Run: %v / %v", err2, err1)
			}
			compareResults(t, m, slow, fast)
		})
	}
}

// corpusXLSX reads the FuzzReadXLSX corpus files ("go test fuzz v1").
func corpusXLSX(t testing.TB) [][2]any {
	t.Helper()
	files, _ := filepath.Glob("testdata/fuzz/FuzzReadXLSX/*")
	var out [][2]any
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(strings.TrimSpace(string(b)), "\n")
		if len(lines) != 3 || lines[0] != "go test fuzz v1" {
			t.Fatalf("%s: not a two-value corpus file", f)
		}
		data, err := strconv.Unquote(strings.TrimSuffix(strings.TrimPrefix(lines[1], "[]byte("), ")"))
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		out = append(out, [2]any{[]byte(data), lines[2] == "bool(true)"})
	}
	return out
}

// fuzzBook turns a FuzzReadXLSX input into a workbook file, the way
// FuzzReadXLSX does.
func fuzzBook(t testing.TB, dir string, data []byte, asSheet bool) string {
	path := filepath.Join(dir, "fuzz.xlsx")
	if asSheet {
		return sheetBook(t, dir, "fuzz.xlsx", string(data), "")
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestFastSheetFuzzCorpus: the committed fuzz inputs read the same both ways.
func TestFastSheetFuzzCorpus(t *testing.T) {
	dir := t.TempDir()
	for i, c := range corpusXLSX(t) {
		t.Run(fmt.Sprint(i), func(t *testing.T) {
			path := fuzzBook(t, dir, c[0].([]byte), c[1].(bool))
			diffGrids(t, path)
			diffRead(t, fuzzMapping, path)
		})
	}
}

// FuzzFastSheet compares the fast reader with excelize's Rows on
// FuzzReadXLSX's inputs: sheet XML, or whole files.
func FuzzFastSheet(f *testing.F) {
	for _, c := range corpusXLSX(f) {
		f.Add(c[0].([]byte), c[1].(bool))
	}
	f.Add([]byte(sheetHead+hdrRow+`<row r="2"><c r="A2" t="s"><v>4</v></c><c r="B2"><v>2012</v></c><c r="D2"><f>1</f></c></row>`+sheetTail), true)
	f.Add([]byte(sheetHead+`<row r="1"><c r="A1" t="inlineStr"><is><t>Prison</t></is></c><c r="B1" t="inlineStr"><is><t>Year</t></is></c><c r="C1" t="inlineStr"><is><t>Sex</t></is></c><c r="D1" t="inlineStr"><is><t>N</t></is></c></row><row r="3"><c r="A3" t="str"><v>CC3</v></c><c r="B3"><v>2011</v></c><c r="C3" t="str"><v>F</v></c><c r="D3"><v>4</v></c></row>`+sheetTail), true)
	dir := f.TempDir()
	old := maxGridRows
	maxGridRows = 5000
	f.Cleanup(func() { maxGridRows = old })
	f.Fuzz(func(t *testing.T, data []byte, asSheet bool) {
		path := fuzzBook(t, dir, data, asSheet)
		diffGrids(t, path)
		for _, g := range readGrids(t, path, false) {
			if len(g.Rows) >= maxGridRows {
				return // a sheet of a million empty rows: compared above, too slow to map
			}
		}
		diffRead(t, fuzzMapping, path)
	})
}

// TestReadFileUsesFastSheet: ReadFile reads an ordinary workbook with the
// fast reader (the hook in readXLSX), and one with formulas and merged
// cells too (after scanSheet's scan), with excelize's observations.
func TestReadFileUsesFastSheet(t *testing.T) {
	dir := t.TempDir()
	plain := sheetBook(t, dir, "plain.xlsx", sheetHead+hdrRow+`<row r="2"><c r="A2" t="s"><v>4</v></c><c r="B2"><v>2012</v></c><c r="C2" t="s"><v>5</v></c><c r="D2"><v>4</v></c></row>`+sheetTail+"\n", testSST)
	merged := sheetHead + hdrRow + `<row r="2"><c r="A2" t="s"><v>4</v></c><c r="B2"><v>2012</v></c><c r="C2" t="str"><v>F</v></c><c r="D2"><f>2+2</f><v>4</v></c></row>` +
		`<row r="3"><c r="B3"><v>2013</v></c><c r="C3" t="str"><v>F</v></c><c r="D3"><f>1+1</f></c></row></sheetData><mergeCells count="1"><mergeCell ref="A2:A3"/></mergeCells></worksheet>`
	formulas := sheetBook(t, dir, "merged.xlsx", merged, testSST)
	for _, c := range []struct {
		path  string
		reads int64 // fast reads: 2 when the first pass meets formulas or merges
	}{{plain, 1}, {formulas, 2}} {
		sheets, bailed := fastStats.Sheets.Load(), fastStats.Bailed.Load()
		var res *Result
		withFast(true, func() { res = read(t, fuzzMapping, c.path) })
		if got := fastStats.Sheets.Load() - sheets; got != c.reads {
			t.Errorf("%s: fast reads = %d, want %d", filepath.Base(c.path), got, c.reads)
		}
		if fastStats.Bailed.Load() != bailed {
			t.Errorf("%s: the fast reader handed the sheet to excelize", filepath.Base(c.path))
		}
		if len(res.Observations) == 0 {
			t.Errorf("%s: no observations (findings %v)", filepath.Base(c.path), res.Findings)
		}
		diffRead(t, fuzzMapping, c.path)
	}
}

// TestFastSheetSample: the sample workbook (merged headers, a totals row,
// several sheets) is read by the fast reader, sheet by sheet, and gives
// the observations excelize gives.
func TestFastSheetSample(t *testing.T) {
	root := projectRoot(t)
	book := filepath.Join(root, "data/raw/gdp-prisons-2008-2015.xlsx")
	if _, err := os.Stat(book); err != nil {
		t.Skipf("no sample workbook: %v", err)
	}
	if got, want := diffGrids(t, book), len(readGrids(t, book, false)); got != want {
		t.Errorf("fast reader read %d of %d sheets itself", got, want)
	}
	var slow, fast *Result
	var err1, err2 error
	opt := Options{Root: root, Sources: "data/sources.toml", Places: sampleGazetteer(t)}
	withFast(false, func() { slow, err1 = Run(context.Background(), opt) })
	withFast(true, func() { fast, err2 = Run(context.Background(), opt) })
	if err1 != nil || err2 != nil {
		t.Fatalf("Run: %v / %v", err2, err1)
	}
	compareResults(t, "sample", slow, fast)
}
