package ingest

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// grid is a stream of rows from a sheet or a CSV file.
type grid interface {
	// Next advances to the next row; false at the end or on error.
	Next() bool
	// Row returns the row number (sheet row, or CSV line where the record
	// starts) and its cells, 0-based by column. The slice is reused.
	Row() (int, []string)
	Err() error
}

// xlsxGrid streams a sheet with excelize's Rows iterator.
type xlsxGrid struct {
	rows  *excelize.Rows
	num   int
	cells []string
	err   error
}

func (g *xlsxGrid) Next() bool {
	if g.err != nil || !g.rows.Next() {
		return false
	}
	g.num++
	cells, err := g.rows.Columns(excelize.Options{RawCellValue: true})
	if err != nil {
		g.err = err
		return false
	}
	g.cells = cells
	return true
}

func (g *xlsxGrid) Row() (int, []string) { return g.num, g.cells }

func (g *xlsxGrid) Err() error {
	if g.err != nil {
		return g.err
	}
	return g.rows.Error()
}

// maxLine caps one physical CSV line; a longer one is refused.
const maxLine = 1 << 20

// lineCap fails when a line is longer than max bytes.
type lineCap struct {
	r    io.Reader
	run  int
	line int
	max  int
}

var errLongLine = errors.New("line too long")

func (l *lineCap) Read(p []byte) (int, error) {
	n, err := l.r.Read(p)
	for i := 0; i < n; i++ {
		if p[i] == '\n' {
			l.run = 0
			l.line++
			continue
		}
		l.run++
		if l.run > l.max {
			return i, fmt.Errorf("line %d is longer than %d bytes: %w", l.line+1, l.max, errLongLine)
		}
	}
	return n, err
}

// csvGrid streams CSV records.
type csvGrid struct {
	r       *csv.Reader
	num     int
	cells   []string
	err     error
	badUTF8 int // first line with invalid UTF-8, 0 if none
}

// decoder picks the text encoding: a BOM wins; "auto" takes UTF-8 when the
// first 64 KB are valid UTF-8 and Windows-1252 otherwise.
func decoder(r io.Reader, enc string) (io.Reader, string) {
	br := bufio.NewReaderSize(r, 64<<10)
	head, _ := br.Peek(64 << 10)
	switch {
	case bytes.HasPrefix(head, []byte{0xEF, 0xBB, 0xBF}):
		br.Discard(3)
		return br, "utf-8"
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}), bytes.HasPrefix(head, []byte{0xFE, 0xFF}):
		return transform.NewReader(br, unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder()), "utf-16"
	}
	switch strings.ToLower(enc) {
	case "windows-1252", "cp1252":
		return transform.NewReader(br, charmap.Windows1252.NewDecoder()), "windows-1252"
	case "latin1", "iso-8859-1":
		return transform.NewReader(br, charmap.ISO8859_1.NewDecoder()), "iso-8859-1"
	case "utf-16", "utf16":
		return transform.NewReader(br, unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewDecoder()), "utf-16"
	case "utf-8", "utf8":
		return br, "utf-8"
	}
	// auto: cut a possibly split rune at the end of the window
	h := head
	for i := 0; i < utf8.UTFMax && len(h) > 0 && !utf8.Valid(h); i++ {
		h = h[:len(h)-1]
	}
	if utf8.Valid(h) {
		return br, "utf-8"
	}
	return transform.NewReader(br, charmap.Windows1252.NewDecoder()), "windows-1252"
}

func newCSVGrid(r io.Reader, enc, delim string) (*csvGrid, string) {
	dr, used := decoder(r, enc)
	cr := csv.NewReader(&lineCap{r: dr, max: maxLine})
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	switch delim {
	case "", ",":
	case `\t`:
		cr.Comma = '\t'
	default:
		cr.Comma, _ = utf8.DecodeRuneInString(delim)
	}
	return &csvGrid{r: cr}, used
}

func (g *csvGrid) Next() bool {
	if g.err != nil {
		return false
	}
	rec, err := g.r.Read()
	if err == io.EOF {
		return false
	}
	if err != nil {
		g.err = err
		return false
	}
	g.num, _ = g.r.FieldPos(0)
	for i, f := range rec {
		if !utf8.ValidString(f) {
			if g.badUTF8 == 0 {
				g.badUTF8 = g.num
			}
			rec[i] = strings.ToValidUTF8(f, "\uFFFD")
		}
	}
	g.cells = rec
	return true
}

func (g *csvGrid) Row() (int, []string) { return g.num, g.cells }
func (g *csvGrid) Err() error           { return g.err }
