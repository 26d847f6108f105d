package ingest

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// colNames holds the letters of the first columns (A … ZZ), which every
// observation's cell reference needs; computing them each time was a
// tenth of the ingest of a large register.
var colNames = func() []string {
	names := make([]string, 26*27)
	for i := range names {
		names[i], _ = excelize.ColumnNumberToName(i + 1)
	}
	return names
}()

// colName is the spreadsheet letter of a 0-based column index.
func colName(i int) string {
	if i >= 0 && i < len(colNames) {
		return colNames[i]
	}
	n, err := excelize.ColumnNumberToName(i + 1)
	if err != nil {
		return fmt.Sprintf("col%d", i+1)
	}
	return n
}

// cellRef is the A1 reference of a 0-based column and a 1-based row.
func cellRef(col, row int) string { return colName(col) + strconv.Itoa(row) }

// parseColRange reads "D", "D:F" or "B:" (to the last column) into 0-based
// bounds; hi is -1 for an open range.
func parseColRange(s string) (lo, hi int, err error) {
	a, b, isRange := strings.Cut(strings.ToUpper(strings.TrimSpace(s)), ":")
	n, err := excelize.ColumnNameToNumber(a)
	if err != nil {
		return 0, 0, fmt.Errorf("%q is not a column letter range like D:F or B:", s)
	}
	lo, hi = n-1, n-1
	if isRange {
		hi = -1
		if b != "" {
			m, err := excelize.ColumnNameToNumber(b)
			if err != nil || m < n {
				return 0, 0, fmt.Errorf("%q is not a column letter range like D:F or B:", s)
			}
			hi = m - 1
		}
	}
	return lo, hi, nil
}

// glob matches s against a pattern with * and ?, ignoring case.
func glob(pattern, s string) bool {
	p, t := []rune(strings.ToLower(pattern)), []rune(strings.ToLower(s))
	// iterative wildcard matching with backtracking on the last *
	pi, ti, star, mark := 0, 0, -1, 0
	for ti < len(t) {
		switch {
		case pi < len(p) && (p[pi] == '?' || p[pi] == t[ti]):
			pi++
			ti++
		case pi < len(p) && p[pi] == '*':
			star, mark = pi, ti
			pi++
		case star >= 0:
			pi = star + 1
			mark++
			ti = mark
		default:
			return false
		}
	}
	for pi < len(p) && p[pi] == '*' {
		pi++
	}
	return pi == len(p)
}

func anyGlob(patterns []string, s string) bool {
	for _, p := range patterns {
		if glob(p, s) {
			return true
		}
	}
	return false
}

// header holds a table's flattened column names.
type header struct {
	names []string
}

// find resolves a column reference: "$B" (a letter), an exact name, or a
// name equal but for case and spacing when only one column has it.
func (h *header) find(ref string) (int, error) {
	if strings.HasPrefix(ref, "$") {
		lo, hi, err := parseColRange(ref[1:])
		if err != nil || lo != hi {
			return 0, fmt.Errorf("%q is not a column letter like $B", ref)
		}
		return lo, nil
	}
	for i, n := range h.names {
		if n == ref {
			return i, nil
		}
	}
	found := -1
	for i, n := range h.names {
		if strings.EqualFold(strings.Join(strings.Fields(n), " "), strings.Join(strings.Fields(ref), " ")) {
			if found >= 0 {
				return 0, fmt.Errorf("column %q is ambiguous (%s and %s)", ref, colName(found), colName(i))
			}
			found = i
		}
	}
	if found < 0 {
		return 0, fmt.Errorf("no column %q; found: %s", ref, h.list())
	}
	return found, nil
}

// match returns the columns whose names match any of the globs (or "$B").
func (h *header) match(patterns []string) []int {
	var out []int
	for i, n := range h.names {
		for _, p := range patterns {
			if strings.HasPrefix(p, "$") {
				if j, err := h.find(p); err == nil && j == i {
					out = append(out, i)
					break
				}
				continue
			}
			if n != "" && glob(p, n) {
				out = append(out, i)
				break
			}
		}
	}
	return out
}

func (h *header) list() string {
	var parts []string
	for i, n := range h.names {
		if n == "" {
			continue
		}
		if len(parts) == 12 {
			parts = append(parts, fmt.Sprintf("… (%d columns)", len(h.names)))
			break
		}
		parts = append(parts, fmt.Sprintf("%s %q", colName(i), n))
	}
	if len(parts) == 0 {
		return "no named columns"
	}
	return strings.Join(parts, ", ")
}
