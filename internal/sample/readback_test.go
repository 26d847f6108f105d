package sample

import (
	"path/filepath"
	"strconv"
	"testing"

	"github.com/prisonstats/prisonstats/internal/places"
	"github.com/xuri/excelize/v2"
)

const placesFile = "../../data/places.toml"

// workbook is a written sample read back: sheet name -> rows of cells.
type workbook struct {
	sheets []string
	cells  map[string]grid
	merges map[string][]string // sheet -> "A1:R1", ...
}

// grid holds a sheet's cells; grid[0] is row 1, grid[r][0] column A.
type grid [][]string

// at returns the text of a cell ("" when absent), e.g. at(5, "D").
func (g grid) at(row int, col string) string {
	c, err := excelize.ColumnNameToNumber(col)
	if err != nil {
		panic(err)
	}
	if row < 1 || row > len(g) || c > len(g[row-1]) {
		return ""
	}
	return g[row-1][c-1]
}

// count returns a cell as a whole number, failing the test when it is not one.
func (g grid) count(t *testing.T, sheet string, row int, col string) int {
	t.Helper()
	s := g.at(row, col)
	n, err := strconv.Atoi(s)
	if err != nil {
		t.Fatalf("%s!%s%d = %q, want a whole number", sheet, col, row, s)
	}
	return n
}

func loadGazetteer(t *testing.T) *places.Gazetteer {
	t.Helper()
	g, err := places.Load(placesFile)
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// writeSample generates the sample from data/places.toml into a temporary
// directory and returns the file's path.
func writeSample(t *testing.T) string {
	t.Helper()
	d, err := Generate(loadGazetteer(t))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "sample.xlsx")
	if err := WriteFile(path, d); err != nil {
		t.Fatal(err)
	}
	return path
}

// readBack opens path and walks every sheet with the Rows iterator.
func readBack(t *testing.T, path string) *workbook {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	wb := &workbook{sheets: f.GetSheetList(), cells: map[string]grid{}, merges: map[string][]string{}}
	for _, sheet := range wb.sheets {
		rows, err := f.Rows(sheet)
		if err != nil {
			t.Fatalf("%s: %v", sheet, err)
		}
		var g grid
		for rows.Next() {
			cols, err := rows.Columns()
			if err != nil {
				t.Fatalf("%s!row %d: %v", sheet, len(g)+1, err)
			}
			g = append(g, cols)
		}
		if err := rows.Error(); err != nil {
			t.Fatalf("%s: %v", sheet, err)
		}
		if err := rows.Close(); err != nil {
			t.Fatalf("%s: %v", sheet, err)
		}
		wb.cells[sheet] = g
		ms, err := f.GetMergeCells(sheet, true)
		if err != nil {
			t.Fatalf("%s: %v", sheet, err)
		}
		for _, m := range ms {
			wb.merges[sheet] = append(wb.merges[sheet], m.GetStartAxis()+":"+m.GetEndAxis())
		}
	}
	return wb
}
