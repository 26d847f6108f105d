package finding

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/prisonstats/prisonstats/internal/obs"
)

// Severity says whether a finding stops the build.
type Severity int

const (
	// Error findings stop check and build.
	Error Severity = iota
	// Warning findings are printed and the build goes on.
	Warning
)

func (s Severity) String() string {
	if s == Error {
		return "error"
	}
	return "warning"
}

// MarshalText writes "error" or "warning".
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// Codes used by the stages (Frictionless names where one fits).
const (
	TypeError       = "type-error"
	ConstraintError = "constraint-error"
	RowConstraint   = "row-constraint"
	DuplicateRow    = "duplicate-row"
	PrimaryKey      = "primary-key"
	ForeignKey      = "foreign-key"
	BlankRow        = "blank-row"
	MissingCell     = "missing-cell"
	ExtraCell       = "extra-cell"
	Implausible     = "implausible"
	SourceError     = "source-error"  // unreadable, encrypted, wrong format, too large
	PersonalData    = "personal-data" // a column holds names, IDs or birth dates
	MappingError    = "mapping-error" // the mapping does not fit the file
)

// Finding is one problem, or doubt, about the inputs.
type Finding struct {
	Severity Severity   `json:"severity"`
	Code     string     `json:"code"`
	Source   obs.Source `json:"source"`
	Message  string     `json:"message"`
}

// Error formats the finding as the CLI prints it:
// "data/raw/x.xlsx:2012!D7: type-error: "twelve" is not a count".
func (f Finding) Error() string {
	return fmt.Sprintf("%s: %s: %s", f.Source, f.Code, f.Message)
}

// Errorf makes an error finding.
func Errorf(src obs.Source, code, format string, args ...any) Finding {
	return Finding{Severity: Error, Code: code, Source: src, Message: fmt.Sprintf(format, args...)}
}

// Warnf makes a warning finding.
func Warnf(src obs.Source, code, format string, args ...any) Finding {
	return Finding{Severity: Warning, Code: code, Source: src, Message: fmt.Sprintf(format, args...)}
}

// List is a set of findings.
type List []Finding

// Sort orders errors before warnings, then by file, sheet, line, cell.
func (l List) Sort() {
	slices.SortStableFunc(l, func(a, b Finding) int {
		return cmp.Or(
			cmp.Compare(a.Severity, b.Severity),
			cmp.Compare(a.Source.File, b.Source.File),
			cmp.Compare(a.Source.Sheet, b.Source.Sheet),
			cmp.Compare(a.Source.Line, b.Source.Line),
			cmpCell(a.Source.Cell, b.Source.Cell),
			cmp.Compare(a.Source.Column, b.Source.Column),
			cmp.Compare(a.Code, b.Code),
		)
	})
}

// Errors counts the error findings.
func (l List) Errors() int {
	n := 0
	for _, f := range l {
		if f.Severity == Error {
			n++
		}
	}
	return n
}

// Err returns the list as an error when it holds at least one error
// finding, and nil otherwise.
func (l List) Err() error {
	if l.Errors() == 0 {
		return nil
	}
	return &Failed{List: l}
}

// Failed is the error returned when findings stop a stage.
type Failed struct{ List List }

func (e *Failed) Error() string {
	n := e.List.Errors()
	first := ""
	for _, f := range e.List {
		if f.Severity == Error {
			first = f.Error()
			break
		}
	}
	if n == 1 {
		return first
	}
	return fmt.Sprintf("%s (and %d more errors)", first, n-1)
}

// cmpCell orders A2 before A10 and Z9 before AA1.
func cmpCell(a, b string) int {
	ca, ra := splitCell(a)
	cb, rb := splitCell(b)
	return cmp.Or(cmp.Compare(ra, rb), cmp.Compare(len(ca), len(cb)), cmp.Compare(ca, cb))
}

func splitCell(s string) (col string, row int) {
	i := 0
	for i < len(s) && (s[i] < '0' || s[i] > '9') {
		i++
	}
	for _, c := range s[i:] {
		if c < '0' || c > '9' {
			return s, 0
		}
		row = row*10 + int(c-'0')
	}
	return s[:i], row
}
