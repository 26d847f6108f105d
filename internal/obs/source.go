package obs

import "fmt"

// Source is where a value came from: a workbook cell (File, Sheet, Cell) or
// a CSV field (File, Line, Column, 1-based).
type Source struct {
	File   string `json:"file"`
	Sheet  string `json:"sheet,omitempty"`
	Cell   string `json:"cell,omitempty"`
	Line   int    `json:"line,omitempty"`
	Column int    `json:"column,omitempty"`
}

// String formats the position as the CLI prints it:
// "data/raw/x.xlsx:2012!D7", "data/raw/x.csv:12:3", or just the file.
func (s Source) String() string {
	switch {
	case s.Sheet != "" && s.Cell != "":
		return fmt.Sprintf("%s:%s!%s", s.File, s.Sheet, s.Cell)
	case s.Sheet != "":
		return fmt.Sprintf("%s:%s", s.File, s.Sheet)
	case s.Line > 0 && s.Column > 0:
		return fmt.Sprintf("%s:%d:%d", s.File, s.Line, s.Column)
	case s.Line > 0:
		return fmt.Sprintf("%s:%d", s.File, s.Line)
	}
	return s.File
}
