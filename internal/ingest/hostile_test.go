package ingest

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/prisonstats/prisonstats/internal/finding"
	"github.com/prisonstats/prisonstats/internal/obs"
)

func goodBook(t *testing.T, dir, name string) string {
	return book(t, dir, name, func(f *excelize.File) {
		rows(t, f, "Sheet1", 1, []any{"Prison", "Year", "Female"}, []any{"CC3", 2012, 25})
	})
}

func TestHostileFilesEndInOneSourceError(t *testing.T) {
	dir := t.TempDir()
	good := goodBook(t, dir, "good.xlsx")
	goodBytes, err := os.ReadFile(good)
	if err != nil {
		t.Fatal(err)
	}
	encrypted := book(t, dir, "locked.xlsx", func(f *excelize.File) {
		rows(t, f, "Sheet1", 1, []any{"Prison", "Year", "Female"}, []any{"CC3", 2012, 25})
	})
	{ // re-save with a password: excelize writes an encrypted (CFB) package
		f, err := excelize.OpenFile(encrypted)
		if err != nil {
			t.Fatal(err)
		}
		if err := f.SaveAs(encrypted, excelize.Options{Password: "secret"}); err != nil {
			t.Fatal(err)
		}
		f.Close()
	}
	cfb := func(stream string) string {
		var b bytes.Buffer
		b.Write(magicCFB)
		b.Write(make([]byte, 504))
		for _, r := range stream {
			b.WriteByte(byte(r))
			b.WriteByte(0)
		}
		b.Write(make([]byte, 1024))
		return b.String()
	}
	ods := filepath.Join(dir, "sheet.xlsx")
	{
		fh, _ := os.Create(ods)
		zw := zip.NewWriter(fh)
		w, _ := zw.Create("mimetype")
		io.WriteString(w, "application/vnd.oasis.opendocument.spreadsheet")
		w, _ = zw.Create("content.xml")
		io.WriteString(w, "<office:document-content/>")
		zw.Close()
		fh.Close()
	}
	for _, c := range []struct {
		name, path string
		parts      []string
	}{
		{"empty", writeFile(t, dir, "empty.xlsx", ""), []string{"empty.xlsx", "empty"}},
		{"truncated", writeFile(t, dir, "cut.xlsx", string(goodBytes[:len(goodBytes)/2])), []string{"cut.xlsx", "truncated or damaged"}},
		{"encrypted", encrypted, []string{"locked.xlsx", "encrypted", "export an unprotected copy"}},
		{"legacy xls", writeFile(t, dir, "old.xls", cfb("Workbook")), []string{"old.xls", "legacy Excel 97-2003"}},
		{"ods", ods, []string{"sheet.xlsx", "OpenDocument"}},
		{"csv renamed xlsx", writeFile(t, dir, "data.xlsx", "Prison,Year,Female\nCC3,2012,25\n"), []string{"data.xlsx", "text (CSV) file"}},
		{"binary", writeFile(t, dir, "blob.xlsx", "\x00\x01\x02\x03garbage"), []string{"blob.xlsx", "not a spreadsheet"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			res := read(t, simpleMapping, c.path)
			onlyError(t, res.Findings, finding.SourceError, c.parts...)
			if len(res.Observations) != 0 {
				t.Errorf("observations = %d, want 0", len(res.Observations))
			}
		})
	}
}

// zeros is an endless stream of zero bytes.
type zeros struct{}

func (zeros) Read(p []byte) (int, error) { clear(p); return len(p), nil }

func TestZipBombIsRefusedWithLittleMemory(t *testing.T) {
	dir := t.TempDir()
	good := goodBook(t, dir, "good.xlsx")
	bomb := filepath.Join(dir, "bomb.xlsx")
	{ // copy a real workbook, then add a sheet part inflating to 200 MB
		zr, err := zip.OpenReader(good)
		if err != nil {
			t.Fatal(err)
		}
		fh, _ := os.Create(bomb)
		zw := zip.NewWriter(fh)
		for _, f := range zr.File {
			w, _ := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: zip.Deflate})
			if f.Name == "xl/worksheets/sheet1.xml" {
				io.WriteString(w, `<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>`)
				io.Copy(w, io.LimitReader(zeros{}, 200<<20))
				io.WriteString(w, `</t></is></c></row></sheetData></worksheet>`)
				continue
			}
			rc, _ := f.Open()
			io.Copy(w, rc)
			rc.Close()
		}
		zw.Close()
		fh.Close()
		zr.Close()
	}
	st, _ := os.Stat(bomb)
	if st.Size() > 2<<20 {
		t.Fatalf("bomb is %d bytes, want a small file", st.Size())
	}
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	res := read(t, simpleMapping, bomb)
	runtime.ReadMemStats(&after)
	onlyError(t, res.Findings, finding.SourceError, "bomb.xlsx", "zip bomb")
	if grew := after.TotalAlloc - before.TotalAlloc; grew > 32<<20 {
		t.Errorf("refusing the bomb allocated %d MB, want < 32 MB", grew>>20)
	}
}

func TestFormulaWithoutSavedResultInTheData(t *testing.T) {
	path := book(t, t.TempDir(), "formula.xlsx", func(f *excelize.File) {
		rows(t, f, "Sheet1", 1, []any{"Prison", "Year", "Female"}, []any{"CC3", 2012, 25}, []any{"Kampot Provincial Prison", 2012})
		f.SetCellFormula("Sheet1", "C3", "=C2*2")
	})
	res := read(t, simpleMapping, path)
	f := onlyError(t, res.Findings, finding.SourceError, "formula with no saved result")
	if f.Source.Cell != "C3" || f.Source.Sheet != "Sheet1" || f.Source.File != "formula.xlsx" {
		t.Errorf("finding at %v, want formula.xlsx:Sheet1!C3", f.Source)
	}
	if len(res.Observations) != 1 {
		t.Errorf("observations = %d, want 1 (the formula cell is not read as blank)", len(res.Observations))
	}
}

func TestMergedCellsInsideTheDataBody(t *testing.T) {
	path := book(t, t.TempDir(), "merged.xlsx", func(f *excelize.File) {
		rows(t, f, "Sheet1", 1, []any{"Prison", "Year", "Female"}, []any{"CC3", 2012, 25}, []any{"", 2013, 30})
		f.MergeCell("Sheet1", "A2", "A3")
	})
	res := read(t, simpleMapping, path)
	var merged []finding.Finding
	for _, f := range errorsIn(res.Findings) {
		if strings.Contains(f.Message, "merged cells A2:A3") {
			merged = append(merged, f)
		}
	}
	if len(merged) != 1 || merged[0].Source.Cell != "A2" {
		t.Errorf("findings = %v, want one naming merged cells A2:A3 at A2", res.Findings)
	}
}

func TestDateSerialsBelow61AreAmbiguous(t *testing.T) {
	path := book(t, t.TempDir(), "serial.xlsx", func(f *excelize.File) {
		rows(t, f, "Sheet1", 1, []any{"Prison", "Date", "Female"}, []any{"CC3", 45, 25})
	})
	m := strings.Replace(simpleMapping, `date = { column = "Year", type = "date" }`, `date = { column = "Date", type = "date" }`, 1)
	res := read(t, m, path)
	f := onlyError(t, res.Findings, finding.ConstraintError, "serial.xlsx:Sheet1!B2", "ambiguous")
	_ = f
	if len(res.Observations) != 0 {
		t.Errorf("observations = %v, want none from the ambiguous row", res.Observations)
	}
}

func TestWorkbookIn1904DateSystem(t *testing.T) {
	yes := true
	path := book(t, t.TempDir(), "mac.xlsx", func(f *excelize.File) {
		if err := f.SetWorkbookProps(&excelize.WorkbookPropsOptions{Date1904: &yes}); err != nil {
			t.Fatal(err)
		}
		rows(t, f, "Sheet1", 1, []any{"Prison", "Date", "Female"}, []any{"CC3", 40000, 25})
	})
	m := strings.Replace(simpleMapping, `date = { column = "Year", type = "date" }`, `date = { column = "Date", type = "date" }`, 1)
	res := read(t, m, path)
	if len(res.Findings) != 0 {
		t.Fatalf("findings: %v", res.Findings)
	}
	want := time.Date(1904, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, 40000).Format("2006-01-02")
	if len(res.Observations) != 1 || res.Observations[0].Date != want {
		t.Errorf("observations = %v, want one dated %s (1904 system)", res.Observations, want)
	}
}

func TestTypeErrorNamesTheCell(t *testing.T) {
	path := book(t, t.TempDir(), "gdp-2014.xlsx", func(f *excelize.File) {
		f.SetSheetName("Sheet1", "Kampong Cham")
		rows(t, f, "Kampong Cham", 1, []any{"Prison", "Year", "Female"}, []any{"CC3", 2014, 20},
			[]any{"CC3", 2014, 21}, []any{"CC3", 2014, 22}, []any{"CC3", 2014, 23}, []any{"CC3", 2014, 24}, []any{"Kampot Provincial Prison", 2014, "twelve"})
	})
	res := read(t, simpleMapping, path)
	f := onlyError(t, res.Findings, finding.TypeError)
	if got, want := f.Error(), `gdp-2014.xlsx:Kampong Cham!C7: type-error: "twelve" is not a count`; got != want {
		t.Errorf("finding = %q, want %q", got, want)
	}
}

func TestUnknownPlaceSuggestsNearestNames(t *testing.T) {
	path := writeFile(t, t.TempDir(), "p.csv", "Prison,Year,Female\nKampot Provincal Prison,2012,3\nCC3,2012,4\n")
	res := read(t, simpleMapping, path)
	f := onlyError(t, res.Findings, finding.ForeignKey, `unknown place "Kampot Provincal Prison"`, "Kampot Provincial Prison")
	if f.Source.Line != 2 {
		t.Errorf("finding at %v, want line 2", f.Source)
	}
	if len(res.Observations) != 1 {
		t.Errorf("observations = %d, want 1", len(res.Observations))
	}
}

func TestCSVProblems(t *testing.T) {
	dir := t.TempDir()
	long := filepath.Join(dir, "long.csv")
	{
		fh, _ := os.Create(long)
		io.WriteString(fh, "Prison,Year,Female\nCC3,2012,")
		io.Copy(fh, io.LimitReader(strings.NewReader(strings.Repeat("9", 1<<20)), 1<<20))
		for i := 0; i < 99; i++ {
			io.WriteString(fh, strings.Repeat("9", 1<<20))
		}
		io.WriteString(fh, "\n")
		fh.Close()
	}
	utf8Mapping := strings.Replace(simpleMapping, `file = "x"`, "file = \"x\"\nencoding = \"utf-8\"", 1)
	for _, c := range []struct {
		name, mapping, path, code string
		parts                     []string
	}{
		{"bad utf-8", utf8Mapping, writeFile(t, dir, "bad.csv", "Prison,Year,Female\nCC3,2012,1\nCC3\xff\xfe,2013,2\n"), finding.SourceError, []string{"bad.csv:3", "invalid UTF-8", "windows-1252"}},
		{"unbalanced quote", simpleMapping, writeFile(t, dir, "quote.csv", "Prison,Year,Female\nCC3,2012,1\n\"CC3,2013,2\nCC3,2014,3\n"), finding.SourceError, []string{"quote.csv:3", "quote"}},
		{"100 MB line", simpleMapping, long, finding.SourceError, []string{"long.csv", "longer than"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			res := read(t, c.mapping, c.path)
			onlyError(t, res.Findings, c.code, c.parts...)
		})
	}
}

func TestRaggedCSVRowsAreReported(t *testing.T) {
	path := writeFile(t, t.TempDir(), "ragged.csv", "Prison,Year,Female\nCC3,2012\nCC3,2013,2,oops\nCC3,2014,3\n")
	res := read(t, simpleMapping, path)
	codes := map[string]int{}
	for _, f := range res.Findings {
		codes[f.Code]++
		if f.Severity == finding.Error {
			t.Errorf("error finding %v, want warnings only", f)
		}
	}
	if codes[finding.MissingCell] != 1 || codes[finding.ExtraCell] != 1 {
		t.Errorf("findings = %v, want one missing-cell and one extra-cell", res.Findings)
	}
	// the short row's value is blank, the others are read
	if len(res.Observations) != 3 || res.Observations[0].Value != obs.Absent(obs.Blank) {
		t.Errorf("observations = %v, want 3, the first blank", res.Observations)
	}
}

func TestEncodingsAreDecoded(t *testing.T) {
	dir := t.TempDir()
	utf16 := func(s string) string {
		b := []byte{0xFF, 0xFE}
		for _, r := range s {
			b = append(b, byte(r), byte(r>>8))
		}
		return string(b)
	}
	text := "Prison,Year,Female\nCorrectional Centre 3,2012,5\n"
	for name, content := range map[string]string{
		"plain.csv":  text,
		"bom.csv":    "\xEF\xBB\xBF" + text,
		"utf16.csv":  utf16(text),
		"cp1252.csv": "Prison,Year,Female\nCC3\x96,2012,5\n", // an en dash in Windows-1252
	} {
		t.Run(name, func(t *testing.T) {
			m := simpleMapping
			if name == "cp1252.csv" {
				m = strings.Replace(m, `column = "Prison"`, `column = "Prison", pattern = '^(\w+)'`, 1)
			}
			res := read(t, m, writeFile(t, dir, name, content))
			if len(res.Findings) != 0 || len(res.Observations) != 1 || res.Observations[0].Value.Num != 5 {
				t.Errorf("findings %v, observations %v; want one observation of 5", res.Findings, res.Observations)
			}
		})
	}
}

func TestControlAndBidiCharactersAreStripped(t *testing.T) {
	path := writeFile(t, t.TempDir(), "bidi.csv", "Prison,Year,Female\n\u202eCC3\u202c\x07,2012,5\n")
	res := read(t, simpleMapping, path)
	if len(res.Observations) != 1 || res.Observations[0].Place != "KH-3-CC3" {
		t.Fatalf("observations = %v, want CC3 resolved once the controls are stripped", res.Observations)
	}
	if len(res.Findings) != 1 || res.Findings[0].Severity != finding.Warning || !strings.Contains(res.Findings[0].Message, "bidirectional") {
		t.Errorf("findings = %v, want one warning about the stripped characters", res.Findings)
	}
}

func TestPersonalDataIsRefused(t *testing.T) {
	dir := t.TempDir()
	t.Run("mapped name column refuses the sheet", func(t *testing.T) {
		path := writeFile(t, dir, "register.csv", "Name,Prison,Year,Female\nSok Dara,CC3,2012,1\n")
		m := strings.Replace(simpleMapping, `place = { column = "Prison" }`, `place = { column = "Prison" }`+"\ncategory = { column = \"Name\" }", 1)
		res := read(t, m, path)
		f := onlyError(t, res.Findings, finding.PersonalData, `"Name"`, "register.csv:1:1")
		_ = f
		if len(res.Observations) != 0 {
			t.Errorf("observations = %v, want none", res.Observations)
		}
	})
	t.Run("unmapped birth date column is a warning and not read", func(t *testing.T) {
		path := writeFile(t, dir, "dob.csv", "Prison,Date of birth,Year,Female\nCC3,01/02/1990,2012,1\n")
		res := read(t, simpleMapping, path)
		if len(res.Findings) != 1 || res.Findings[0].Code != finding.PersonalData || res.Findings[0].Severity != finding.Warning {
			t.Errorf("findings = %v, want one personal-data warning", res.Findings)
		}
		for _, o := range res.Observations {
			if strings.Contains(o.Category+o.Place, "1990") {
				t.Errorf("observation %v carries the birth date", o)
			}
		}
	})
	t.Run("an ID number in a label column, whatever the header", func(t *testing.T) {
		path := writeFile(t, dir, "ids.csv", "Prison,Year,Female\n123.456.789-09,2012,1\nCC3,2012,2\n")
		res := read(t, simpleMapping, path)
		onlyError(t, res.Findings, finding.PersonalData, "ids.csv:2:1")
		if len(res.Observations) != 1 || res.Observations[0].Value.Num != 2 {
			t.Errorf("observations = %v, want only the CC3 row", res.Observations)
		}
	})
	t.Run("configured header pattern", func(t *testing.T) {
		path := writeFile(t, dir, "matricule.csv", "Prison,Matricule,Year,Female\nCC3,A-1,2012,1\n")
		m := strings.Replace(simpleMapping, `stop_at =`, "personal = { headers = ['^matricule$'] }\nstop_at =", 1)
		res := read(t, m, path)
		if len(res.Findings) != 1 || res.Findings[0].Code != finding.PersonalData {
			t.Errorf("findings = %v, want one personal-data finding for Matricule", res.Findings)
		}
	})
}

func TestBlankRowThatCutsTheTableIsReported(t *testing.T) {
	path := writeFile(t, t.TempDir(), "gap.csv", "Prison,Year,Female\nCC3,2012,1\n,,\nCC3,2013,2\n")
	res := read(t, simpleMapping, path)
	if len(res.Findings) != 1 || res.Findings[0].Code != finding.BlankRow || res.Findings[0].Source.Line != 3 {
		t.Errorf("findings = %v, want one blank-row warning at line 3", res.Findings)
	}
	if len(res.Observations) != 1 {
		t.Errorf("observations = %d, want 1 (the table stops at the blank row)", len(res.Observations))
	}
	// with blank_rows = "skip" both rows are read and nothing is reported
	m := strings.Replace(simpleMapping, `stop_at =`, "blank_rows = \"skip\"\nstop_at =", 1)
	res = read(t, m, path)
	if len(res.Findings) != 0 || len(res.Observations) != 2 {
		t.Errorf("with blank_rows = skip: findings %v, %d observations; want none and 2", res.Findings, len(res.Observations))
	}
}

func TestHiddenSheetsAreReadOnlyWhenNamed(t *testing.T) {
	path := book(t, t.TempDir(), "hidden.xlsx", func(f *excelize.File) {
		rows(t, f, "Sheet1", 1, []any{"Prison", "Year", "Female"}, []any{"CC3", 2012, 1})
		f.NewSheet("Old")
		rows(t, f, "Old", 1, []any{"Prison", "Year", "Female"}, []any{"CC3", 2011, 9})
		f.SetSheetVisible("Old", false)
	})
	for _, c := range []struct {
		sheets string
		want   int
	}{{`["*"]`, 1}, {`["Old"]`, 1}, {`["#2"]`, 1}, {`["Sheet1", "Old"]`, 2}} {
		m := strings.Replace(simpleMapping, `stop_at =`, "sheets = "+c.sheets+"\nstop_at =", 1)
		res := read(t, m, path)
		if len(res.Observations) != c.want || len(res.Findings) != 0 {
			t.Errorf("sheets = %s: %d observations, findings %v; want %d", c.sheets, len(res.Observations), res.Findings, c.want)
		}
	}
	m := strings.Replace(simpleMapping, `stop_at =`, "sheets = [\"Women*\"]\nstop_at =", 1)
	res := read(t, m, path)
	onlyError(t, res.Findings, finding.MappingError, `no sheet matches "Women*"; found: Sheet1, Old`)
}
