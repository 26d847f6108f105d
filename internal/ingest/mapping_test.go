package ingest

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestParseMappingErrorsNameTheField(t *testing.T) {
	base := `
[[source]]
file = "x.xlsx"
[source.fields]
place = "KH"
date = "2012-12-31"
sex = "total"
status = "total"
age = "total"
measure = "prisoners"
[[source.values]]
column = "Total"
`
	tests := []struct {
		name, text, want string
	}{
		{"no source", `x = 1`, "unknown key x"},
		{"no file", strings.Replace(base, `file = "x.xlsx"`, ``, 1), "source[0]: file: missing"},
		{"unknown field", base + "\n[source.fields.colour]\nvalue = \"x\"\n", "fields.colour: unknown field"},
		{"unknown key in a field", strings.Replace(base, `place = "KH"`, `place = { colum = "Prison" }`, 1), `unknown key "colum"`},
		{"bad pattern", strings.Replace(base, `place = "KH"`, `place = { column = "P", pattern = "(" }`, 1), "fields.place: pattern"},
		{"bad missing reason", base + "\n[source.missing]\n\"..\" = \"gone\"\n", `missing.".."`},
		{"field given nowhere", strings.Replace(base, `age = "total"`, ``, 1), "field age is given nowhere"},
		{"two column kinds", strings.Replace(base, `column = "Total"`, "column = \"Total\"\ncols = \"B:\"", 1), "values[0]: give exactly one of column, columns, cols"},
		{"bad cols", strings.Replace(base, `column = "Total"`, `cols = "1:2"`, 1), "values[0].cols"},
		{"header rows order", strings.Replace(base, `file = "x.xlsx"`, "file = \"x.xlsx\"\nheader_rows = [4, 3]", 1), "header_rows"},
		{"encoding", strings.Replace(base, `file = "x.xlsx"`, "file = \"x.xlsx\"\nencoding = \"ebcdic\"", 1), "encoding"},
		{"unknown source key", strings.Replace(base, `file = "x.xlsx"`, "file = \"x.xlsx\"\nsheet = \"2012\"", 1), "unknown key source.sheet"},
		{"resets a non-section", strings.Replace(base, `sex = "total"`, `sex = { column = "A", section = true, resets = ["age"] }`, 1), `resets: "age" is not a section field`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseMapping(tt.text)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("ParseMapping error = %v, want it to contain %q", err, tt.want)
			}
		})
	}
	if _, err := ParseMapping(base); err != nil {
		t.Errorf("ParseMapping(base) = %v", err)
	}
}

func TestRunNamesTheMappingFileOnError(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "bad.toml", "[[source]]\nfile = \"x\"\n[source.fields]\nplace = 3\n")
	_, err := Run(context.Background(), Options{Root: dir, Sources: "bad.toml"})
	if err == nil || !strings.Contains(err.Error(), "bad.toml") || !strings.Contains(err.Error(), "place") {
		t.Errorf("Run error = %v, want it to name bad.toml and the field", err)
	}
}

func TestRunReadsAFolderOfMappingsAndReportsMissingFiles(t *testing.T) {
	dir := t.TempDir()
	os.Mkdir(filepath.Join(dir, "maps"), 0o755)
	writeFile(t, dir, "maps/a.toml", strings.Replace(simpleMapping, `file = "x"`, `file = "raw/*.csv"`, 1))
	writeFile(t, dir, "maps/b.toml", strings.Replace(simpleMapping, `file = "x"`, `file = "raw/none-*.xlsx"`, 1))
	os.Mkdir(filepath.Join(dir, "raw"), 0o755)
	writeFile(t, dir, "raw/2012.csv", "Prison,Year,Female\nCC3,2012,4\n")
	writeFile(t, dir, "raw/2013.csv", "Prison,Year,Female\nCC3,2013,5\n")
	res, err := Run(context.Background(), Options{Root: dir, Sources: "maps", Places: testPlaces(t)})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Observations) != 2 || res.Observations[0].Source.File != "raw/2012.csv" {
		t.Errorf("observations = %v, want 2 with root-relative files", res.Observations)
	}
	onlyError(t, res.Findings, "source-error", "raw/none-*.xlsx", "no file matches")
}

func TestMissingColumnIsAMappingErrorListingTheColumns(t *testing.T) {
	path := writeFile(t, t.TempDir(), "x.csv", "Prison,Yr,Female\nCC3,2012,4\n")
	res := read(t, simpleMapping, path)
	onlyError(t, res.Findings, "mapping-error", `fields.date.column: no column "Year"; found: A "Prison", B "Yr", C "Female"`)
}

func TestValueMapAndUnmappedValues(t *testing.T) {
	m := strings.Replace(simpleMapping, `[[source.values]]
column = "Female"
set = { sex = "female" }`, `[[source.values]]
column = "N"
[source.fields.sex]
column = "Sexo"
map = { Feminino = "female", Masculino = "male" }`, 1)
	path := writeFile(t, t.TempDir(), "x.csv", "Prison,Year,Sexo,N\nCC3,2012,Feminino,4\nCC3,2012,Masculino,40\nCC3,2012,Outro,1\n")
	res := read(t, m, path)
	onlyError(t, res.Findings, "constraint-error", `"Outro" is not in the map`, "x.csv:4:3")
	if len(res.Observations) != 2 || res.Observations[0].Sex != "female" || res.Observations[1].Sex != "male" {
		t.Errorf("observations = %v", res.Observations)
	}
	res = read(t, strings.Replace(m, `map = {`, "unmapped = \"skip\"\nmap = {", 1), path)
	if len(res.Findings) != 0 || len(res.Observations) != 2 {
		t.Errorf("with unmapped = skip: findings %v, %d observations", res.Findings, len(res.Observations))
	}
}

func TestDateFromFileNameAndSumOfColumns(t *testing.T) {
	m := `
[[source]]
file = "x"
[source.fields]
place = { column = "Prison" }
date = { from = "file", pattern = '(\d{4})', format = "{1}-12-31" }
status = "pretrial"
age = "total"
measure = "prisoners"
sex = "female"
[[source.values]]
columns = ["Pretrial | *Female"]
sum = true
`
	path := writeFile(t, t.TempDir(), "gdp-2014.csv", "Prison,Pretrial | State Female,Pretrial | Federal Female,Pretrial | Other Female\nCC3,3,-,4\nKampot Provincial Prison,-,-,\n")
	res := read(t, m, path)
	if len(res.Findings) != 0 || len(res.Observations) != 2 {
		t.Fatalf("findings %v, observations %v", res.Findings, res.Observations)
	}
	if o := res.Observations[0]; o.Date != "2014-12-31" || o.Value.Num != 7 || o.Source.Column != 2 {
		t.Errorf("first = %+v, want 7 on 2014-12-31 from column 2", o)
	}
	if o := res.Observations[1]; o.Value.OK() || o.Value.Missing.String() != "not_available" {
		t.Errorf("second = %v, want not_available (no number among the summed cells)", o.Value)
	}
}

func TestColumnAliasesAcrossFiles(t *testing.T) {
	m := strings.Replace(simpleMapping, `place = { column = "Prison" }`, `place = { columns = ["Prison", "Facility", "Établissement"] }`, 1)
	dir := t.TempDir()
	for name, text := range map[string]string{
		"a.csv": "Prison,Year,Female\nCC3,2012,4\n",
		"b.csv": "Établissement,Year,Female\nCC3,2013,5\n",
	} {
		res := read(t, m, writeFile(t, dir, name, text))
		if len(res.Findings) != 0 || len(res.Observations) != 1 || res.Observations[0].Place != "KH-3-CC3" {
			t.Errorf("%s: findings %v, observations %v", name, res.Findings, res.Observations)
		}
	}
	res := read(t, m, writeFile(t, dir, "c.csv", "Jail,Year,Female\nCC3,2013,5\n"))
	onlyError(t, res.Findings, "mapping-error", `no column "Prison"`)
}

func TestColumnLetterBeyondTheHeader(t *testing.T) {
	m := strings.Replace(simpleMapping, "column = \"Female\"\nset = { sex = \"female\" }", "column = \"$Z\"\nheader.sex = { pattern = 'x', unmapped = \"skip\" }", 1)
	path := writeFile(t, t.TempDir(), "x.csv", "Prison,Year,Female\nCC3,2012,4\n")
	res := read(t, m, path)
	for _, f := range res.Findings {
		if strings.Contains(f.Message, "internal error") {
			t.Errorf("finding %v, want no internal error", f)
		}
	}
}
