package dataset

import (
	"bytes"
	"fmt"

	"github.com/xuri/excelize/v2"
)

// Sheet names of observations.xlsx.
const (
	SheetObservations = "observations"
	SheetDictionary   = "dictionary"
	SheetSources      = "sources"
)

// workbook writes observations.xlsx: the observations table with numbers
// as numbers, then the dictionary and the sources. Text is written as
// strings (inline strings), never as formulas, so no neutralising is needed
// and none is applied: a label reads the same as in the source. The
// document's dates are the release's, so the same data gives the same bytes.
func workbook(rows []row, dict []Entry, srcs []sourceRow, release string) ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	stamp := "2000-01-01T00:00:00Z"
	if len(release) == 10 {
		stamp = release + "T00:00:00Z"
	}
	if err := f.SetDocProps(&excelize.DocProperties{
		Created: stamp, Modified: stamp, Creator: "prisonstats", LastModifiedBy: "prisonstats",
		Title: "prisonstats observations " + release,
	}); err != nil {
		return nil, err
	}
	if err := f.SetSheetName("Sheet1", SheetObservations); err != nil {
		return nil, err
	}
	var obsRecs [][]any
	for _, r := range rows {
		var value, year any
		if r.value.OK() {
			value = r.value.Num
		}
		if r.year > 0 {
			year = r.year
		}
		obsRecs = append(obsRecs, []any{r.indicator, r.unit, r.place, r.level, r.date, year,
			r.breakdown, value, r.status(), r.reason, r.note, r.sourceList()})
	}
	if err := writeSheet(f, SheetObservations, observationsHeader, obsRecs); err != nil {
		return nil, err
	}
	var dictRecs [][]any
	for _, e := range dict {
		dictRecs = append(dictRecs, []any{e.File, e.Field, e.Code, e.Description})
	}
	if _, err := f.NewSheet(SheetDictionary); err != nil {
		return nil, err
	}
	if err := writeSheet(f, SheetDictionary, []string{"file", "field", "code", "description"}, dictRecs); err != nil {
		return nil, err
	}
	var srcRecs [][]any
	for _, s := range srcs {
		srcRecs = append(srcRecs, []any{s.File, s.Publisher, s.Received, s.Licence, s.SHA256, s.observations})
	}
	if _, err := f.NewSheet(SheetSources); err != nil {
		return nil, err
	}
	if err := writeSheet(f, SheetSources, []string{"file", "publisher", "date_received", "licence", "sha256", "observations"}, srcRecs); err != nil {
		return nil, err
	}
	// The observations sheet, the first, is the active one already; asking
	// excelize to set it again re-reads every sheet's XML.
	var b bytes.Buffer
	if _, err := f.WriteTo(&b); err != nil {
		return nil, err
	}
	return sortedZip(b.Bytes())
}

func writeSheet(f *excelize.File, sheet string, header []string, recs [][]any) error {
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return err
	}
	h := make([]any, len(header))
	for i, s := range header {
		h[i] = s
	}
	if err := sw.SetRow("A1", h); err != nil {
		return err
	}
	for i, rec := range recs {
		cell, err := excelize.CoordinatesToCellName(1, i+2)
		if err != nil {
			return err
		}
		if err := sw.SetRow(cell, rec); err != nil {
			return fmt.Errorf("%s!%s: %w", sheet, cell, err)
		}
	}
	return sw.Flush()
}
