package dataset

import (
	"bytes"
	"encoding/csv"
	"strconv"

	"github.com/prisonstats/prisonstats/internal/ingest"
)

// observationsHeader is observations.csv's header; series files leave out
// the indicator and unit (the file name and the dictionary say them).
var observationsHeader = []string{"indicator", "unit", "place", "place_level", "date", "year",
	"breakdown", "value", "status", "reason", "note", "sources"}

// writeCSV writes records; text cells go through ingest.SafeCell, the
// cells at numeric positions are written as they are.
func writeCSV(header []string, records [][]string, numeric map[int]bool) ([]byte, error) {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	if err := w.Write(header); err != nil {
		return nil, err
	}
	for _, rec := range records {
		out := make([]string, len(rec))
		for i, s := range rec {
			if numeric[i] {
				out[i] = s
			} else {
				out[i] = ingest.SafeCell(s)
			}
		}
		if err := w.Write(out); err != nil {
			return nil, err
		}
	}
	w.Flush()
	return b.Bytes(), w.Error()
}

func number(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

func rowsCSV(rows []row, withIndicator bool) ([]byte, error) {
	header := observationsHeader
	skip := 0
	if !withIndicator {
		header, skip = observationsHeader[2:], 2
	}
	numeric := map[int]bool{5 - skip: true, 7 - skip: true} // year, value
	var recs [][]string
	for _, r := range rows {
		value := ""
		if r.value.OK() {
			value = number(r.value.Num)
		}
		year := ""
		if r.year > 0 {
			year = strconv.Itoa(r.year)
		}
		rec := []string{r.indicator, r.unit, r.place, r.level, r.date, year, r.breakdown,
			value, r.status(), r.reason, r.note, r.sourceList()}
		recs = append(recs, rec[skip:])
	}
	return writeCSV(header, recs, numeric)
}
