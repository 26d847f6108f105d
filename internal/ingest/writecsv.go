package ingest

import (
	"encoding/csv"
	"io"
	"strconv"

	"github.com/prisonstats/prisonstats/internal/obs"
)

// csvHeader is the tidy CSV's header.
var csvHeader = []string{"date", "place", "sex", "status", "age", "measure", "category",
	"value", "missing", "file", "sheet", "cell", "line", "column"}

// WriteCSV writes observations as a tidy CSV (RFC 4180): one row per
// observation. Text cells beginning with = + - @ tab CR or LF get a leading
// ' so that a spreadsheet program does not run them as formulas (OWASP CSV
// injection); numbers stay numbers.
func WriteCSV(w io.Writer, os []obs.Observation) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(csvHeader); err != nil {
		return err
	}
	rec := make([]string, len(csvHeader))
	for _, o := range os {
		value, missing := "", ""
		if o.Value.OK() {
			value = strconv.FormatFloat(o.Value.Num, 'f', -1, 64)
		} else {
			missing = o.Value.Missing.String()
		}
		line, col := "", ""
		if o.Source.Line > 0 {
			line = strconv.Itoa(o.Source.Line)
		}
		if o.Source.Column > 0 {
			col = strconv.Itoa(o.Source.Column)
		}
		rec[0], rec[1], rec[2], rec[3] = safe(o.Date), safe(o.Place), safe(o.Sex), safe(o.Status)
		rec[4], rec[5], rec[6] = safe(o.Age), safe(o.Measure), safe(o.Category)
		rec[7], rec[8] = value, missing
		rec[9], rec[10], rec[11] = safe(o.Source.File), safe(o.Source.Sheet), safe(o.Source.Cell)
		rec[12], rec[13] = line, col
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// safe neutralises a text cell a spreadsheet would read as a formula.
func safe(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r', '\n':
		return "'" + s
	}
	return s
}
