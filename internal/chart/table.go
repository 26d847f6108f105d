package chart

import (
	"bytes"
	"encoding/csv"
	"strconv"
	"strings"
)

// table lays the frame out as the page's table: one row per year (or
// place), one column per series, "–" where a value is absent.
func table(d *Def, f frame, tx texts, num func(float64) string, label func(row) string) Table {
	t := Table{Caption: tx.title, Header: header(d, tx)}
	if d.Kind == KindRankingBar {
		t.Caption += " (" + strconv.Itoa(f.year) + ")"
	}
	for _, r := range f.rows {
		cells := []string{label(r)}
		for _, c := range r.cells {
			if c.ok {
				cells = append(cells, num(c.v))
			} else {
				cells = append(cells, Dash)
			}
		}
		t.Rows = append(t.Rows, cells)
	}
	return t
}

func header(d *Def, tx texts) []string {
	first := tx.xAxis
	if d.Kind == KindRankingBar {
		first = ""
	}
	return append([]string{first}, tx.series...)
}

// csvOf writes the frame as RFC 4180 CSV (CRLF line ends): the table's
// shape, numbers unformatted, the reason in place of a missing value.
// Text cells are neutralised against formula injection; numbers are not
// text and stay as they are, minus sign included.
func csvOf(d *Def, f frame, tx texts, label func(row) string) ([]byte, error) {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.UseCRLF = true
	h := header(d, tx)
	if d.Kind == KindRankingBar {
		h[0] = "place"
	}
	rec := make([]string, len(h))
	for i, s := range h {
		rec[i] = neutralise(s)
	}
	if err := w.Write(rec); err != nil {
		return nil, err
	}
	for _, r := range f.rows {
		rec := []string{neutralise(label(r))}
		for _, c := range r.cells {
			if c.ok {
				rec = append(rec, strconv.FormatFloat(c.v, 'f', -1, 64))
			} else {
				rec = append(rec, neutralise(c.reason))
			}
		}
		if err := w.Write(rec); err != nil {
			return nil, err
		}
	}
	w.Flush()
	return b.Bytes(), w.Error()
}

// neutralise prefixes a text cell that a spreadsheet would read as a
// formula (first character = + - @, tab, CR or LF) with an apostrophe,
// as OWASP's CSV-injection advice says. Only text cells go through here.
func neutralise(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r\n", rune(s[0])) {
		return "'" + s
	}
	return s
}
