package ingest

import (
	"archive/zip"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/prisonstats/prisonstats/internal/finding"
	"github.com/prisonstats/prisonstats/internal/obs"
)

// inspectRows caps how many rows Inspect reads per sheet.
const inspectRows = 200000

// region is a block of consecutive non-blank rows.
type region struct {
	first, last, width int
	rows               [][]string // the first rows, kept for the header guess
	nums               []int
}

// Inspect prints what a newcomer needs to write a mapping for one file:
// sheets (hidden or not), detected table regions, header rows and merged
// ranges, column names with sample values, and a starter mapping.
func Inspect(w io.Writer, path string) error {
	k, _, err := sniff(path)
	if err != nil {
		return err
	}
	ext := strings.ToLower(filepath.Ext(path))
	fmt.Fprintf(w, "file: %s\n", path)
	switch {
	case k == kindEmpty:
		return fmt.Errorf("%s: the file is empty", path)
	case k == kindCFB:
		return fmt.Errorf("%s: %s", path, describeCFB(path))
	case k == kindZip:
		if err := checkZip(path); err != nil {
			return fmt.Errorf("%s: %v", path, err)
		}
		return inspectXLSX(w, path)
	case k == kindText && (ext == ".xlsx" || ext == ".xls"):
		return fmt.Errorf("%s: a text (CSV) file named %s; rename it .csv", path, ext)
	case k == kindText:
		return inspectCSV(w, path)
	}
	return fmt.Errorf("%s: not a spreadsheet: neither XLSX nor text", path)
}

func inspectXLSX(w io.Writer, path string) error {
	zr, err := zip.OpenReader(path)
	if err != nil {
		return fmt.Errorf("%s: %v", path, err)
	}
	defer zr.Close()
	meta, err := readBookMeta(&zr.Reader)
	if err != nil {
		return fmt.Errorf("%s: %v", path, err)
	}
	f, err := openBook(path)
	if err != nil {
		return fmt.Errorf("%s: %v", path, err)
	}
	defer f.Close()
	fmt.Fprintf(w, "format: XLSX, date system %s\n", map[bool]string{false: "1900", true: "1904"}[meta.Date1904])
	fmt.Fprintf(w, "sheets:\n")
	for _, s := range meta.Sheets {
		state := "visible"
		if s.Hidden {
			state = "hidden (read only when named exactly in sheets)"
		}
		fmt.Fprintf(w, "  #%d %q %s\n", s.Index, s.Name, state)
	}
	var starter []string
	for _, s := range meta.Sheets {
		scan, err := scanSheet(&zr.Reader, s.Part)
		if err != nil {
			fmt.Fprintf(w, "\nsheet %q: %v\n", s.Name, err)
			continue
		}
		rows, err := f.Rows(s.Name)
		if err != nil {
			fmt.Fprintf(w, "\nsheet %q: %v\n", s.Name, err)
			continue
		}
		fmt.Fprintf(w, "\nsheet %q\n", s.Name)
		if len(scan.Merges) > 0 {
			var refs []string
			for i, m := range scan.Merges {
				if i == 20 {
					refs = append(refs, fmt.Sprintf("… (%d in all)", len(scan.Merges)))
					break
				}
				refs = append(refs, m.Ref)
			}
			fmt.Fprintf(w, "  merged: %s\n", strings.Join(refs, " "))
		}
		if len(scan.FormulaNoValue) > 0 {
			var refs []string
			for r := range scan.FormulaNoValue {
				refs = append(refs, r)
			}
			slices.Sort(refs)
			if len(refs) > 10 {
				refs = append(refs[:10], "…")
			}
			fmt.Fprintf(w, "  formulas with no saved result: %s\n", strings.Join(refs, " "))
		}
		tb := &table{src: inspectSource(), file: path, sheet: s.Name, scan: scan, findings: &finding.List{}, out: &[]obs.Observation{}}
		st := inspectGrid(w, &xlsxGrid{rows: rows}, tb)
		rows.Close()
		if st != "" && !s.Hidden {
			starter = append(starter, strings.ReplaceAll(st, "SHEETS", fmt.Sprintf("sheets = [%q]", s.Name)))
		}
	}
	printStarter(w, path, starter)
	return nil
}

func inspectCSV(w io.Writer, path string) error {
	fh, err := os.Open(path)
	if err != nil {
		return err
	}
	defer fh.Close()
	head := make([]byte, 64<<10)
	n, _ := io.ReadFull(fh, head)
	delim := guessDelimiter(head[:n])
	if _, err := fh.Seek(0, io.SeekStart); err != nil {
		return err
	}
	gr, enc := newCSVGrid(fh, "auto", delim)
	fmt.Fprintf(w, "format: CSV, encoding %s, delimiter %q\n", enc, delim)
	tb := &table{src: inspectSource(), file: path, csv: true, findings: &finding.List{}, out: &[]obs.Observation{}}
	st := inspectGrid(w, gr, tb)
	if gr.err != nil {
		fmt.Fprintf(w, "  stopped: %v\n", gr.err)
	}
	if gr.badUTF8 > 0 {
		fmt.Fprintf(w, "  invalid UTF-8 from line %d: set encoding = \"windows-1252\"\n", gr.badUTF8)
	}
	if enc != "utf-8" {
		st = strings.ReplaceAll(st, "SHEETS", fmt.Sprintf("encoding = %q", enc))
	}
	if delim != "," {
		st = strings.ReplaceAll(st, "SHEETS", fmt.Sprintf("delimiter = %q", delim))
	}
	st = strings.ReplaceAll(st, "SHEETS\n", "")
	printStarter(w, path, []string{st})
	return nil
}

func guessDelimiter(b []byte) string {
	line := string(b)
	if i := strings.IndexByte(line, '\n'); i >= 0 {
		line = line[:i]
	}
	best, n := ",", strings.Count(line, ",")
	for _, d := range []string{";", "\t", "|"} {
		if c := strings.Count(line, d); c > n {
			best, n = d, c
		}
	}
	if best == "\t" {
		return `\t`
	}
	return best
}

func inspectSource() *Source {
	s := &Source{File: "x", HeaderJoin: " | ", HeaderDepth: 1, Values: []ValueSpec{{Column: "x"}}}
	s.footRe = nil
	_ = s.validate()
	return s
}

// inspectGrid streams the rows, finds regions, guesses each region's
// header and prints columns with samples. It returns a starter [[source]]
// for the largest region (with SHEETS standing for the sheet line).
func inspectGrid(w io.Writer, gr grid, tb *table) string {
	var regs []*region
	var cur *region
	total := 0
	for gr.Next() {
		n, cells := gr.Row()
		total = n
		if n > inspectRows {
			fmt.Fprintf(w, "  (stopped looking after %d rows)\n", inspectRows)
			break
		}
		blank := !slices.ContainsFunc(cells, func(c string) bool { return strings.TrimSpace(c) != "" })
		if blank {
			cur = nil
			continue
		}
		if cur == nil {
			cur = &region{first: n}
			regs = append(regs, cur)
		}
		cur.last = n
		cur.width = max(cur.width, len(cells))
		if len(cur.rows) < 8 {
			cur.rows = append(cur.rows, slices.Clone(cells))
			cur.nums = append(cur.nums, n)
		}
	}
	fmt.Fprintf(w, "  rows: %d\n", total)
	if len(regs) == 0 {
		fmt.Fprintf(w, "  (no data)\n")
		return ""
	}
	var biggest *region
	for i, r := range regs {
		if i < 12 {
			fmt.Fprintf(w, "  region rows %d-%d, %d columns: %s\n", r.first, r.last, r.width, preview(r.rows[0]))
		}
		if biggest == nil || r.last-r.first > biggest.last-biggest.first {
			biggest = r
		}
	}
	if len(regs) > 12 {
		fmt.Fprintf(w, "  … %d regions in all\n", len(regs))
	}
	hdrIdx := guessHeader(biggest)
	hdrRows := []int{biggest.nums[hdrIdx]}
	fill := false
	if hdrIdx+1 < len(biggest.rows)-1 {
		merged := false
		if tb.scan != nil {
			for _, m := range tb.scan.Merges {
				if m.Row0 == hdrRows[0] && m.Col1 > m.Col0 && m.Row1 == m.Row0 {
					merged = true // a merged group header over a sub-header row
					break
				}
			}
		}
		up, next := biggest.rows[hdrIdx], biggest.rows[hdrIdx+1]
		if merged || filled(up) < filled(next) && textCells(next) == filled(next) {
			hdrRows = append(hdrRows, biggest.nums[hdrIdx+1])
			fill = !merged
		}
	}
	var hdr [][]string
	for _, r := range hdrRows {
		hdr = append(hdr, biggest.rows[slices.Index(biggest.nums, r)])
	}
	h := tb.names(hdr, hdrRows)
	fmt.Fprintf(w, "  largest table: rows %d-%d; header row(s) %v\n", biggest.first, biggest.last, hdrRows)
	firstData := slices.Index(biggest.nums, hdrRows[len(hdrRows)-1]) + 1
	var numeric []int
	dateCol, placeCol := "", ""
	for c, name := range h.names {
		var samples []string
		isNum := false
		for _, row := range biggest.rows[min(firstData, len(biggest.rows)):] {
			v := strings.TrimSpace(at(row, c))
			if v == "" {
				continue
			}
			if len(samples) < 3 {
				samples = append(samples, clip(v, 24))
			}
			if _, err := ParseCell(v, nil, NumberFormat{}); err == nil {
				isNum = true
			}
		}
		if name == "" && len(samples) == 0 {
			continue
		}
		kind := "text"
		switch {
		case dateHeader.MatchString(name) && dateCol == "":
			kind = "date?"
			dateCol = name
		case isNum:
			kind = "number"
			numeric = append(numeric, c)
		case placeHeader.MatchString(name) && placeCol == "":
			kind = "place?"
			placeCol = name
		}
		flag := ""
		if personalHeaderRe.MatchString(name) {
			flag = "  [personal data? not read]"
		}
		fmt.Fprintf(w, "    %-4s %-40q %-6s %s%s\n", colName(c), clip(name, 60), kind, strings.Join(samples, " | "), flag)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "[[source]]\nfile = FILE\nSHEETS\n")
	if len(hdrRows) == 1 {
		fmt.Fprintf(&b, "header_rows = [%d]\n", hdrRows[0])
	} else {
		fmt.Fprintf(&b, "header_rows = %v\n", strings.ReplaceAll(fmt.Sprint(hdrRows), " ", ", "))
	}
	if fill {
		fmt.Fprintf(&b, "header_fill = true              # a group name spans the blank cells to its right\n")
	}
	fmt.Fprintf(&b, "stop_at = [\"Total\", \"Notes*\", \"Source*\"]\n\n[source.fields]\n")
	if placeCol != "" {
		fmt.Fprintf(&b, "place = { column = %q }   # names resolved through the gazetteer; codes = true for codes\n", placeCol)
	} else {
		fmt.Fprintf(&b, "place = { column = \"?\" }      # a column of place names, or a constant: place = \"KH\"\n")
	}
	if dateCol != "" {
		fmt.Fprintf(&b, "date = { column = %q, type = \"date\" }\n", dateCol)
	} else {
		fmt.Fprintf(&b, "date = \"YYYY-12-31\"           # or { column = \"Year\", type = \"date\" }, or { from = \"sheet\", pattern = '(\\d{4})', format = \"{1}-12-31\" }\n")
	}
	fmt.Fprintf(&b, "status = \"total\"\nage = \"total\"\n")
	for i, c := range numeric {
		if i == 15 {
			fmt.Fprintf(&b, "# … %d more number columns\n", len(numeric)-15)
			break
		}
		fmt.Fprintf(&b, "\n[[source.values]]\ncolumn = %q\nset = { measure = \"prisoners\", sex = \"total\" }\n", h.names[c])
	}
	return b.String()
}

var (
	dateHeader  = regexp.MustCompile(`(?i)^(year|date|time_period|period|ano|année|annee|año|quarter|month)$`)
	placeHeader = regexp.MustCompile(`(?i)(prison|facility|state|country|province|geo|place|iso3?_code|jurisdiction|estabelecimento|^uf$|establishment|region)`)
	yearLike    = regexp.MustCompile(`^(1[89]|20)\d\d$`)
)

func filled(cells []string) int {
	n := 0
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			n++
		}
	}
	return n
}

// textCells counts the non-blank cells that are not numbers (a year
// counts as text: it is a header across a wide table).
func textCells(cells []string) int {
	n := 0
	for _, c := range cells {
		c = strings.TrimSpace(c)
		if c == "" {
			continue
		}
		if _, err := ParseCell(c, nil, NumberFormat{}); err != nil || yearLike.MatchString(c) {
			n++
		}
	}
	return n
}

// guessHeader picks the first row of a region that is mostly text and is
// followed by a row holding numbers.
func guessHeader(r *region) int {
	for i := 0; i+1 < len(r.rows); i++ {
		if n := filled(r.rows[i]); n >= 2 && textCells(r.rows[i])*2 >= n {
			return i
		}
	}
	return 0
}

func preview(cells []string) string {
	var parts []string
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			parts = append(parts, clip(c, 20))
		}
		if len(parts) == 5 {
			parts = append(parts, "…")
			break
		}
	}
	return strings.Join(parts, " | ")
}

func clip(s string, n int) string {
	s, _ = cleanLabel(s)
	r := []rune(s)
	if len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}

func printStarter(w io.Writer, path string, starters []string) {
	fmt.Fprintf(w, "\nstarter mapping (edit the ? and the measures; docs/mappings.md lists every key):\n\n")
	for _, s := range starters {
		s = strings.ReplaceAll(s, "FILE", fmt.Sprintf("%q", filepath.ToSlash(path)))
		s = strings.ReplaceAll(s, "SHEETS\n", "")
		fmt.Fprintln(w, s)
		if len(starters) > 3 {
			fmt.Fprintf(w, "# … one [[source]] per layout; sheets with the same layout share one entry (sheets = [\"20??\"])\n")
			break
		}
	}
}
