package check

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"

	"github.com/prisonstats/prisonstats/internal/finding"
)

// Write prints findings, errors first. Format "text" (or "") writes one
// finding a line as finding.Finding.Error() formats it, then a total line
// ("2 errors, 5 warnings"); format "json" writes one JSON object,
// {"findings": [...], "errors": n, "warnings": m}. l is not modified.
func Write(w io.Writer, l finding.List, format string) error {
	l = slices.Clone(l)
	l.Sort()
	nerr := l.Errors()
	nwarn := len(l) - nerr
	switch format {
	case "", "text":
		for _, f := range l {
			if _, err := fmt.Fprintln(w, f.Error()); err != nil {
				return err
			}
		}
		_, err := fmt.Fprintf(w, "%s, %s\n", plural(nerr, "error"), plural(nwarn, "warning"))
		return err
	case "json":
		if l == nil {
			l = finding.List{}
		}
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(struct {
			Findings finding.List `json:"findings"`
			Errors   int          `json:"errors"`
			Warnings int          `json:"warnings"`
		}{l, nerr, nwarn})
	}
	return fmt.Errorf("unknown format %q (want text or json)", format)
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}
