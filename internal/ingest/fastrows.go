package ingest

import (
	"bytes"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// fastRows gives a sheet's rows the way excelize's Rows.Next followed by
// Rows.Columns(Options{RawCellValue: true}) gives them, reading the sheet
// XML with a fastScanner instead of encoding/xml. The state machine is a
// port of excelize v2.11.1's (rows.go: Next, Columns, rowXMLHandler,
// cellXMLHandler, getValueFrom with raw values), so that its quirks (row
// numbers that go back, cells out of order, empty rows for gaps) come out
// the same. Whatever the port does not cover (inline strings, cell
// children other than v and f, unparsable attributes, errors excelize
// would return) sets bailed; the caller then reads the sheet with excelize.
type fastRows struct {
	s   *fastScanner
	sst []string // shared strings as excelize reads them (xlsxSI.String)
	// noSST: the shared strings were not read; a shared-string cell bails
	noSST bool

	curRow, seekRow int
	pending         bool // excelize's rows.token: a row start held back
	pendNum         int  // its r attribute

	cells  []string
	bailed bool

	rbuf, tbuf, vbuf []byte
	hasIS            bool
	isT, isRuns, run []byte // an inline string: its t, its runs' t, one run's t
}

// next is Rows.Next.
func (r *fastRows) next() bool {
	if r.bailed {
		return false
	}
	r.seekRow++
	if r.curRow >= r.seekRow {
		return true
	}
	s := r.s
	for s.next() {
		switch s.kind {
		case tokStart:
			if string(s.local) == "row" {
				r.curRow++
				n, ok := rowNumber(s.attrs)
				if !ok || n > excelize.TotalRows {
					return r.bail()
				}
				if n != 0 {
					r.curRow = n
				}
				r.pending, r.pendNum = true, n
				return true
			}
		case tokEnd:
			if string(s.local) == "sheetData" {
				return false
			}
		}
	}
	if s.Err() != nil {
		return r.bail()
	}
	return false
}

func (r *fastRows) bail() bool {
	r.bailed = true
	return false
}

// columns is Rows.Columns with raw cell values. The slice is reused.
func (r *fastRows) columns() ([]string, bool) {
	cells := r.cells[:0]
	defer func() { r.cells = cells[:0] }()
	if r.curRow > r.seekRow {
		return cells, true
	}
	s := r.s
	cellCol := 0
	for {
		fromPending := r.pending
		if !fromPending {
			if !s.next() {
				if s.Err() != nil {
					return nil, r.bail()
				}
				break
			}
			if s.kind == tokEnd {
				if string(s.local) == "sheetData" {
					return cells, true
				}
				continue
			}
			if s.kind != tokStart {
				continue
			}
		}
		local := "row"
		if !fromPending {
			switch string(s.local) {
			case "row":
			case "c":
				local = "c"
			default:
				local = ""
			}
		}
		if local == "row" {
			n := r.pendNum
			if !fromPending {
				var ok bool
				if n, ok = rowNumber(s.attrs); !ok {
					return nil, r.bail()
				}
			}
			switch {
			case n > excelize.TotalRows:
				return nil, r.bail()
			case n != 0:
				r.curRow = n
			case !fromPending:
				r.curRow++
			}
			r.pending, r.pendNum = true, n
			if r.curRow > r.seekRow {
				r.pending = false
				return cells, true
			}
		}
		if local == "c" {
			var ok bool
			if cells, ok = r.cell(cells, &cellCol); !ok {
				return nil, r.bail()
			}
		}
		r.pending = false
	}
	return cells, true
}

// rowNumber is excelize's attrValToInt("r", attrs): the last r attribute
// (by local name) read with strconv.Atoi; ok is false on a parse error.
func rowNumber(attrs []rawAttr) (int, bool) {
	n := 0
	for _, a := range attrs {
		if string(a.local) == "r" {
			v, ok := atoiBytes(a.val)
			if !ok {
				return 0, false
			}
			n = v
		}
	}
	return n, true
}

// intAttr reports whether strconv.ParseInt(value, 10, 64) succeeds, as
// excelize's cellXMLAttrHandler needs for the style attribute.
func intAttr(b []byte) bool {
	if len(b) > 0 && len(b) < 19 {
		for _, c := range b {
			if c < '0' || c > '9' {
				goto slow
			}
		}
		return true
	}
slow:
	_, err := strconv.ParseInt(unescape(b), 10, 64)
	return err == nil
}

// atoiBytes is strconv.Atoi on a raw attribute value (references decoded).
func atoiBytes(b []byte) (int, bool) {
	if len(b) > 0 && len(b) < 10 {
		n := 0
		for _, c := range b {
			if c < '0' || c > '9' {
				goto slow
			}
			n = n*10 + int(c-'0')
		}
		return n, true
	}
slow:
	n, err := strconv.Atoi(unescape(b))
	return n, err == nil
}

// cell reads one c element (the scanner is on its start tag) through its
// end, the way rowXMLHandler and cellXMLHandler do, and appends its value.
func (r *fastRows) cell(cells []string, cellCol *int) ([]string, bool) {
	s := r.s
	*cellCol++
	r.rbuf, r.tbuf = r.rbuf[:0], r.tbuf[:0]
	hasR := false
	for _, a := range s.attrs {
		switch string(a.local) {
		case "r":
			r.rbuf, hasR = appendUnescaped(r.rbuf[:0], a.val), true
		case "s":
			if !intAttr(a.val) {
				return nil, false
			}
		case "t":
			r.tbuf = appendUnescaped(r.tbuf[:0], a.val)
		}
	}
	depth := s.depth()
	hasF := false
	r.vbuf = r.vbuf[:0]
	r.hasIS = false
	for {
		if !s.next() {
			return nil, false
		}
		if s.kind == tokEnd {
			if s.depth() < depth {
				break
			}
			continue
		}
		if s.kind != tokStart {
			continue
		}
		switch string(s.local) {
		case "v":
			r.vbuf = r.vbuf[:0]
			if !r.textOnly(func(t []byte) { r.vbuf = appendUnescaped(r.vbuf, t) }) {
				return nil, false
			}
		case "f":
			if !formulaAttrsOK(s.attrs) {
				return nil, false
			}
			hasF = true
			if !r.textOnly(nil) {
				return nil, false
			}
		case "is":
			if r.hasIS || !r.inline() {
				return nil, false
			}
			r.hasIS = true
		default: // anything else: excelize's path
			return nil, false
		}
	}
	if hasR && len(r.rbuf) > 0 {
		col, ok := refColumn(r.rbuf)
		if !ok {
			return nil, false
		}
		*cellCol = col
	}
	blank := *cellCol - len(cells)
	val, ok := r.value()
	if !ok {
		return nil, false
	}
	if val != "" || hasF {
		for i := 1; i < blank; i++ {
			cells = append(cells, "")
		}
		cells = append(cells, val)
	}
	return cells, true
}

// inline reads an is element the way encoding/xml decodes it into
// excelize's xlsxSI: its t's text (the last t), then each r's t in turn.
// Run properties, phonetic runs and anything else bail.
func (r *fastRows) inline() bool {
	s := r.s
	depth := s.depth()
	r.isT, r.isRuns = r.isT[:0], r.isRuns[:0]
	for s.next() {
		switch s.kind {
		case tokEnd:
			if s.depth() < depth {
				return true
			}
		case tokStart:
			switch string(s.local) {
			case "t":
				r.isT = r.isT[:0]
				if !r.textOnly(func(t []byte) { r.isT = appendUnescaped(r.isT, t) }) {
					return false
				}
			case "r":
				if !r.inlineRun() {
					return false
				}
			default:
				return false
			}
		}
	}
	return false
}

// inlineRun reads one r of an inline string: its (last) t's text.
func (r *fastRows) inlineRun() bool {
	s := r.s
	depth := s.depth()
	r.run = r.run[:0]
	for s.next() {
		switch s.kind {
		case tokEnd:
			if s.depth() < depth {
				r.isRuns = append(r.isRuns, r.run...)
				return true
			}
		case tokStart:
			if string(s.local) != "t" {
				return false
			}
			r.run = r.run[:0]
			if !r.textOnly(func(t []byte) { r.run = appendUnescaped(r.run, t) }) {
				return false
			}
		}
	}
	return false
}

// textOnly reads the current element's content through its end; any
// child element bails.
func (r *fastRows) textOnly(text func([]byte)) bool {
	s := r.s
	depth := s.depth()
	for s.next() {
		switch s.kind {
		case tokText:
			if text != nil {
				text(s.text)
			}
		case tokEnd:
			if s.depth() < depth {
				return true
			}
		default:
			return false
		}
	}
	return false
}

// value is getValueFrom with raw values.
func (r *fastRows) value() (string, bool) {
	v := r.vbuf
	if r.hasIS && string(r.tbuf) == "inlineStr" {
		n := len(r.isT) + len(r.isRuns)
		if n == 0 {
			return "", true
		}
		if bytes.Contains(r.isT, []byte("_x")) || bytes.Contains(r.isRuns, []byte("_x")) ||
			len(r.isT) > 0 && r.isT[len(r.isT)-1] == '_' && len(r.isRuns) > 0 {
			return "", false // excelize unescapes _xHHHH_: leave it to excelize
		}
		return string(r.isT) + string(r.isRuns), true
	}
	if string(r.tbuf) != "s" {
		return string(v), true
	}
	if len(v) == 0 {
		return "", true
	}
	if r.noSST {
		return "", false
	}
	i, ok := sstIndex(v)
	if !ok {
		i, _ = strconv.Atoi(strings.TrimSpace(string(v)))
	}
	if i < 0 || i >= len(r.sst) {
		return "", true // excelize's error is dropped: the cell is blank
	}
	return r.sst[i], true
}

func sstIndex(b []byte) (int, bool) {
	if len(b) == 0 || len(b) > 9 {
		return 0, false
	}
	n := 0
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// refColumn is the column number of a cell reference, the way
// excelize.CellNameToCoordinates reads it; false where it errs.
func refColumn(b []byte) (int, bool) {
	col, i := 0, 0
	for ; i < len(b) && i < 3 && b[i] >= 'A' && b[i] <= 'Z'; i++ {
		col = col*26 + int(b[i]-'A'+1)
	}
	if i > 0 && i < len(b) && b[i] >= '1' && b[i] <= '9' && len(b)-i <= 7 {
		row := 0
		j := i
		for ; j < len(b) && b[j] >= '0' && b[j] <= '9'; j++ {
			row = row*10 + int(b[j]-'0')
		}
		if j == len(b) && row <= excelize.TotalRows && col <= excelize.MaxColumns {
			return col, true
		}
	}
	c, _, err := excelize.CellNameToCoordinates(string(b))
	return c, err == nil
}

// formulaAttrsOK: excelize decodes f into xlsxF, whose bool and int
// attributes fail to parse on odd values; those bail.
func formulaAttrsOK(attrs []rawAttr) bool {
	for _, a := range attrs {
		if len(a.name) != len(a.local) { // prefixed: leave it to excelize
			return false
		}
		switch string(a.local) {
		case "t", "ref", "r1", "r2":
		case "aca", "dt2D", "dtr", "del1", "del2", "ca", "bx":
			if _, err := strconv.ParseBool(strings.TrimSpace(unescape(a.val))); err != nil {
				return false
			}
		case "si":
			if _, err := strconv.ParseInt(strings.TrimSpace(unescape(a.val)), 10, 64); err != nil {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// fastGrid is the grid the table reads: fastRows with row numbers counted
// the way xlsxGrid counts them.
type fastGrid struct {
	r     *fastRows
	num   int
	cells []string
}

func (g *fastGrid) Next() bool {
	if !g.r.next() {
		return false
	}
	g.num++
	cells, ok := g.r.columns()
	if !ok {
		return false
	}
	g.cells = cells
	return true
}

func (g *fastGrid) Row() (int, []string) { return g.num, g.cells }

// Err is nil: a bail is not an error but a request to read again with
// excelize (fastRows.bailed).
func (g *fastGrid) Err() error { return nil }
