package diff

import (
	"strings"
	"testing"

	"github.com/prisonstats/prisonstats/internal/obs"
)

func sampleSummary() Summary {
	old := []obs.Observation{
		o("2014-12-31", "KH-1", obs.Prisoners, obs.Num(10), "D7"),
		o("2014-12-31", "KH-2", obs.Prisoners, obs.Num(20), "D8"),
	}
	new := []obs.Observation{
		o("2014-12-31", "KH-1", obs.Prisoners, obs.Num(12), "D7"),
		o("2015-12-31", "KH-1", obs.Prisoners, obs.Num(13), "D7"),
	}
	s := Compare(old, new)
	s.Old, s.New = "origin/main", "HEAD"
	return s
}

func TestWrite(t *testing.T) {
	tests := []struct {
		name, format string
		s            Summary
		want         string
	}{
		{"text", Text, sampleSummary(), `Data changes from origin/main to HEAD
2 observations before, 2 after: 1 added, 1 removed, 1 revised.
New periods: 2015-12-31
Vanished places: KH-2
Revised values (1):
  prisoners KH-1 2014-12-31 sex=female status=total age=total: 10 → 12 (data/raw/a.xlsx:2014!D7 → data/raw/a.xlsx:2014!D7)
`},
		{"markdown", Markdown, sampleSummary(), "## Data changes from origin/main to HEAD\n\n" +
			"2 observations before, 2 after: 1 added, 1 removed, 1 revised.\n\n" +
			"- **New periods:** `2015-12-31`\n" +
			"- **Vanished places:** `KH-2`\n\n" +
			"### Revised values (1)\n\n" +
			"| Measure | Place | Date | Breakdown | Old | New | Old cell | New cell |\n" +
			"|---|---|---|---|--:|--:|---|---|\n" +
			"| prisoners | KH-1 | 2014-12-31 | female | 10 | 12 | data/raw/a.xlsx:2014!D7 | data/raw/a.xlsx:2014!D7 |\n"},
		{"markdown, nothing changed", Markdown, Compare(nil, nil), "## Data changes\n\nNo changes in the data.\n"},
		{"text, nothing changed", Text, Summary{Old: "a", New: "b"}, "Data changes from a to b\nNo changes in the data.\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b strings.Builder
			if err := tt.s.Write(&b, tt.format); err != nil {
				t.Fatal(err)
			}
			if got := b.String(); got != tt.want {
				t.Errorf("Write(%s) =\n%s\nwant\n%s", tt.format, got, tt.want)
			}
		})
	}
}

func TestWriteMarkdownEscapesTextFromTheData(t *testing.T) {
	x := o("2014-12-31", "KH-1", obs.Prisoners, obs.Num(1), "D7")
	x.Source.Sheet = "2014 | <script>alert(1)</script>"
	y := x
	y.Value = obs.Num(2)
	var b strings.Builder
	if err := Compare([]obs.Observation{x}, []obs.Observation{y}).Write(&b, Markdown); err != nil {
		t.Fatal(err)
	}
	got := b.String()
	row := got[strings.LastIndex(got, "\n| ")+1:]
	for _, bad := range []string{"<script>", " | <"} {
		if strings.Contains(row, bad) {
			t.Errorf("row %q holds %q unescaped", row, bad)
		}
	}
	if n := strings.Count(row, " | "); n != 7 {
		t.Errorf("row %q has %d column breaks, want 7", row, n)
	}
}

func TestWriteMarkdownCapsTheRows(t *testing.T) {
	var old, new []obs.Observation
	for i := range MaxMarkdownRows + 5 {
		x := o("2014-12-31", "KH-1", obs.Prisoners, obs.Num(float64(i)), "D7")
		x.Category = string(rune('a'+i%26)) + strings.Repeat("x", i/26)
		old = append(old, x)
		x.Value = obs.Num(float64(i + 1))
		new = append(new, x)
	}
	var b strings.Builder
	if err := Compare(old, new).Write(&b, Markdown); err != nil {
		t.Fatal(err)
	}
	got := b.String()
	if rows := strings.Count(got, "\n| prisoners"); rows != MaxMarkdownRows {
		t.Errorf("%d rows, want %d", rows, MaxMarkdownRows)
	}
	if !strings.Contains(got, "and 5 more") {
		t.Errorf("output does not say how many more:\n%s", got[len(got)-200:])
	}
}

func TestWriteRejectsUnknownFormat(t *testing.T) {
	if err := (Summary{}).Write(&strings.Builder{}, "html"); err == nil {
		t.Error(`Write(html) = nil, want an error`)
	}
}
