package diff

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// Output formats of Write.
const (
	Markdown = "markdown"
	Text     = "text"
)

// MaxMarkdownRows caps the revised values listed in Markdown (a GitHub job
// summary holds at most 1 MiB); the rest are counted.
const MaxMarkdownRows = 300

// Write prints the summary as Markdown or plain text (format Markdown or
// Text). Text lists every revision, one per line.
func (s Summary) Write(w io.Writer, format string) error {
	bw := bufio.NewWriter(w)
	switch format {
	case Markdown:
		s.writeMarkdown(bw)
	case Text:
		s.writeText(bw)
	default:
		return fmt.Errorf("unknown format %q (want %s or %s)", format, Markdown, Text)
	}
	return bw.Flush()
}

func (s Summary) title() string {
	if s.Old == "" && s.New == "" {
		return "Data changes"
	}
	return fmt.Sprintf("Data changes from %s to %s", s.Old, s.New)
}

// counts is the one-line overview.
func (s Summary) counts() string {
	return fmt.Sprintf("%d observations before, %d after: %d added, %d removed, %d revised.",
		s.OldCount, s.NewCount, s.Added, s.Removed, len(s.Revised))
}

// lists are the named lists of the summary that are not empty, in the
// order they are printed.
func (s Summary) lists() []namedList {
	var out []namedList
	for _, l := range []namedList{
		{"New periods", s.NewPeriods}, {"Vanished periods", s.VanishedPeriods},
		{"New places", s.NewPlaces}, {"Vanished places", s.VanishedPlaces},
		{"New measures", s.NewMeasures}, {"Vanished measures", s.VanishedMeasures},
	} {
		if len(l.items) > 0 {
			out = append(out, l)
		}
	}
	return out
}

type namedList struct {
	name  string
	items []string
}

func (s Summary) writeText(w io.Writer) {
	fmt.Fprintln(w, s.title())
	if s.Empty() {
		fmt.Fprintln(w, "No changes in the data.")
		return
	}
	fmt.Fprintln(w, s.counts())
	for _, l := range s.lists() {
		fmt.Fprintf(w, "%s: %s\n", l.name, strings.Join(l.items, ", "))
	}
	if len(s.Revised) > 0 {
		fmt.Fprintf(w, "Revised values (%d):\n", len(s.Revised))
		for _, r := range s.Revised {
			fmt.Fprintf(w, "  %s: %s → %s (%s → %s)\n", r.Key, r.Old, r.New, r.OldSource, r.NewSource)
		}
	}
}

func (s Summary) writeMarkdown(w io.Writer) {
	fmt.Fprintf(w, "## %s\n\n", md(s.title()))
	if s.Empty() {
		fmt.Fprintln(w, "No changes in the data.")
		return
	}
	fmt.Fprintf(w, "%s\n\n", s.counts())
	for _, l := range s.lists() {
		var items []string
		for _, v := range l.items {
			items = append(items, "`"+code(v)+"`")
		}
		fmt.Fprintf(w, "- **%s:** %s\n", l.name, strings.Join(items, ", "))
	}
	if len(s.lists()) > 0 {
		fmt.Fprintln(w)
	}
	if len(s.Revised) == 0 {
		return
	}
	fmt.Fprintf(w, "### Revised values (%d)\n\n", len(s.Revised))
	fmt.Fprintln(w, "| Measure | Place | Date | Breakdown | Old | New | Old cell | New cell |")
	fmt.Fprintln(w, "|---|---|---|---|--:|--:|---|---|")
	for i, r := range s.Revised {
		if i == MaxMarkdownRows {
			fmt.Fprintf(w, "\n…and %d more (run `prisonstats diff` for the full list).\n", len(s.Revised)-i)
			break
		}
		k := r.Key
		fmt.Fprintf(w, "| %s | %s | %s | %s | %s | %s | %s | %s |\n",
			md(k.Measure), md(k.Place), md(k.Date), md(breakdown(k.Sex, k.Status, k.Age, k.Category)),
			md(r.Old.String()), md(r.New.String()), md(r.OldSource.String()), md(r.NewSource.String()))
	}
}

// breakdown names the key's sex, status, age and category, leaving out
// totals.
func breakdown(sex, status, age, category string) string {
	var parts []string
	for _, p := range []string{sex, status, age} {
		if p != "" && p != "total" {
			parts = append(parts, p)
		}
	}
	if category != "" {
		parts = append(parts, category)
	}
	if len(parts) == 0 {
		return "total"
	}
	return strings.Join(parts, ", ")
}

// md escapes text from the data (a sheet name, a place code) for a
// Markdown table cell: no markup, no HTML, no column break.
var mdEscaper = strings.NewReplacer(
	`\`, `\\`, "|", `\|`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`,
	"<", "&lt;", ">", "&gt;", "&", "&amp;", "~", `\~`,
	"\n", " ", "\r", " ",
)

func md(s string) string { return mdEscaper.Replace(s) }

// code makes text safe inside a one-backtick code span.
func code(s string) string {
	return strings.NewReplacer("`", "'", "\n", " ", "\r", " ", "|", "¦").Replace(s)
}
