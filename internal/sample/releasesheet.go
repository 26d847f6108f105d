package sample

import "github.com/xuri/excelize/v2"

// writeReleases writes the Releases sheet: a header on row 1, one row per
// year and mechanism, a blank row and the notes row.
func writeReleases(f *excelize.File, rs []Release, st styles) error {
	sheet := ReleasesSheet
	head := []any{"Year", "Mechanism", "Women released", "Children released with them"}
	if err := f.SetSheetRow(sheet, "A1", &head); err != nil {
		return err
	}
	if err := f.SetCellStyle(sheet, "A1", "D1", st.header); err != nil {
		return err
	}
	row := 2
	for _, r := range rs {
		vals := []any{r.Year, r.Mechanism.Label, r.Women, r.Children}
		if err := f.SetSheetRow(sheet, cellName("A", row), &vals); err != nil {
			return err
		}
		row++
	}
	notes := row + 1
	if err := f.SetCellValue(sheet, cellName("A", notes), ReleasesNotes); err != nil {
		return err
	}
	if err := f.MergeCell(sheet, cellName("A", notes), cellName("D", notes)); err != nil {
		return err
	}
	if err := f.SetCellStyle(sheet, cellName("A", notes), cellName("A", notes), st.notes); err != nil {
		return err
	}
	if err := f.SetRowHeight(sheet, notes, 45); err != nil {
		return err
	}
	if err := f.SetSheetDimension(sheet, "A1:"+cellName("D", notes)); err != nil {
		return err
	}
	for _, w := range []struct {
		col   string
		width float64
	}{{"A", 8}, {"B", 18}, {"C", 16}, {"D", 28}} {
		if err := f.SetColWidth(sheet, w.col, w.col, w.width); err != nil {
			return err
		}
	}
	return nil
}
