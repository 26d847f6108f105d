package sample

import (
	"fmt"

	"github.com/xuri/excelize/v2"
)

// Columns D…R of a prison row, in order; a nil entry is a blank cell.
func (r Row) values() []any {
	var capacity, breastfeeding any = r.Capacity, r.Breastfeeding
	if r.CapacityNA {
		capacity = "-"
	}
	if r.BreastfeedingBlank {
		breastfeeding = nil
	}
	return []any{
		r.Female, r.Male, r.Total,
		r.PretrialFemale, r.PretrialTotal,
		r.SentencedFemale, r.SentencedTotal,
		capacity, r.Pregnant, breastfeeding,
		r.Children[0], r.Children[1], r.Children[2], r.Children[3],
		r.WomenWithChildren,
	}
}

// writeYear writes one year's sheet: title, headers, a row per prison, the
// Total row, a blank row and the notes row.
func writeYear(f *excelize.File, sheet string, s Sheet, st styles) error {
	set := func(cell string, v any) error { return f.SetCellValue(sheet, cell, v) }
	merge := func(from, to string) error { return f.MergeCell(sheet, from, to) }

	if err := set("A1", Title(s.Year)); err != nil {
		return err
	}
	if err := merge("A1", lastCol+"1"); err != nil {
		return err
	}
	if err := f.SetCellStyle(sheet, "A1", "A1", st.title); err != nil {
		return err
	}

	for _, h := range headers {
		if err := set(cellName(h.from, groupRow), h.label); err != nil {
			return err
		}
		var err error
		switch {
		case len(h.subs) == 0:
			err = merge(cellName(h.from, groupRow), cellName(h.to, subRow))
		case h.from != h.to:
			err = merge(cellName(h.from, groupRow), cellName(h.to, groupRow))
		}
		if err != nil {
			return err
		}
		if len(h.subs) > 0 {
			if err := f.SetSheetRow(sheet, cellName(h.from, subRow), &h.subs); err != nil {
				return err
			}
		}
	}
	if err := f.SetCellStyle(sheet, cellName("A", groupRow), cellName(lastCol, subRow), st.header); err != nil {
		return err
	}
	if err := f.SetRowHeight(sheet, groupRow, 32); err != nil {
		return err
	}

	sums := make([]int, 15)
	row := firstDataRow
	for i, r := range s.Rows {
		if err := f.SetSheetRow(sheet, cellName("A", row), &[]any{i + 1, r.Facility.Name, r.Province.Name}); err != nil {
			return err
		}
		for j, v := range r.values() {
			if v == nil {
				continue
			}
			if err := set(cellName(column(4+j), row), v); err != nil {
				return err
			}
			if n, ok := v.(int); ok {
				sums[j] += n
			}
		}
		row++
	}

	if err := set(cellName("B", row), "Total"); err != nil {
		return err
	}
	if err := f.SetSheetRow(sheet, cellName("D", row), &sums); err != nil {
		return err
	}
	if err := f.SetCellStyle(sheet, cellName("A", row), cellName(lastCol, row), st.total); err != nil {
		return err
	}

	notes := row + 2
	if err := set(cellName("A", notes), Notes(s.Year)); err != nil {
		return err
	}
	if err := merge(cellName("A", notes), cellName(lastCol, notes)); err != nil {
		return err
	}
	if err := f.SetCellStyle(sheet, cellName("A", notes), cellName("A", notes), st.notes); err != nil {
		return err
	}
	if err := f.SetRowHeight(sheet, notes, 45); err != nil {
		return err
	}
	if err := f.SetSheetDimension(sheet, "A1:"+cellName(lastCol, notes)); err != nil {
		return err
	}

	for _, w := range []struct {
		from, to string
		width    float64
	}{{"A", "A", 5}, {"B", "B", 36}, {"C", "C", 18}, {"D", "R", 11}} {
		if err := f.SetColWidth(sheet, w.from, w.to, w.width); err != nil {
			return err
		}
	}
	return nil
}

// column is the letter(s) of the n-th column (1 = A).
func column(n int) string {
	s, err := excelize.ColumnNumberToName(n)
	if err != nil {
		panic(fmt.Sprintf("column %d: %v", n, err)) // n is a constant of this file
	}
	return s
}

func cellName(col string, row int) string { return fmt.Sprintf("%s%d", col, row) }
