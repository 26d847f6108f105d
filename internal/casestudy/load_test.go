package casestudy

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/prisonstats/prisonstats/internal/finding"
	"github.com/prisonstats/prisonstats/internal/places"
)

var today = time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)

func gazetteer(t *testing.T) *places.Gazetteer {
	t.Helper()
	g, err := places.Load(filepath.Join("..", "..", "data", "places.toml"))
	if err != nil {
		t.Fatal(err)
	}
	return g
}

const offencesTOML = `
[[offence]]
id = "drugs"
name = { en = "Drug offence" }
[[offence]]
id = "theft"
name = { en = "Theft" }
`

// goodFile is a valid case study; tests edit it by replacing lines.
const goodFile = `+++
pseudonym = "Sokha"
province = "Phnom Penh"
prison = "Correctional Centre 2"
offence = "drugs"
outcome = "pardoned"
mechanism = "royal_pardon"
outcome_date = 2014-05-13
[custody]
from = 2012-03-02
to = 2014-05-13
[[status_history]]
date = 2012-03-02
status = "pretrial"
[[status_history]]
date = 2013-09-18
status = "sentenced"
[children]
number = 1
with_her = 1
[consent]
given = true
date = 2016-04-20
scope = ["web", "print"]
+++

Sokha sold vegetables at a market.
`

// caseDir writes the files (name -> content) and an offence list next to
// them, and returns the case folder.
func caseDir(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	dir := filepath.Join(root, "case-studies")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, OffencesFile), []byte(offencesTOML), 0o644); err != nil {
		t.Fatal(err)
	}
	for name, s := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func edit(s string, pairs ...string) string {
	for i := 0; i < len(pairs); i += 2 {
		if !strings.Contains(s, pairs[i]) {
			panic("edit: " + pairs[i] + " not in the file")
		}
		s = strings.Replace(s, pairs[i], pairs[i+1], 1)
	}
	return s
}

func errorsOf(l finding.List) finding.List {
	var out finding.List
	for _, f := range l {
		if f.Severity == finding.Error {
			out = append(out, f)
		}
	}
	return out
}

func TestLoadReadsAValidCase(t *testing.T) {
	dir := caseDir(t, map[string]string{"sokha.md": goodFile,
		"sokha.km.md": "+++\ntitle = \"សុខា\"\n+++\n\nសុខា លក់បន្លែ។\n"})
	cases, fs, err := Load(dir, gazetteer(t), today)
	if err != nil {
		t.Fatal(err)
	}
	if len(fs) != 0 {
		t.Errorf("Load findings = %v, want none", fs)
	}
	if len(cases) != 1 {
		t.Fatalf("Load = %d cases, want 1", len(cases))
	}
	c := cases[0]
	if c.Province != "KH-12" || c.Prison != "KH-12-CC2" || c.Slug != "sokha" {
		t.Errorf("province, prison, slug = %s, %s, %s; want KH-12, KH-12-CC2, sokha", c.Province, c.Prison, c.Slug)
	}
	if c.CustodyFrom != "2012-03-02" || c.OutcomeDate != "2014-05-13" {
		t.Errorf("dates = %s, %s; want 2012-03-02, 2014-05-13", c.CustodyFrom, c.OutcomeDate)
	}
	if !slices.Equal(c.Publish, []string{"web", "print"}) {
		t.Errorf("Publish = %v, want the consent scope [web print]", c.Publish)
	}
	if c.Title["km"] != "សុខា" || !strings.Contains(c.Body["km"], "លក់បន្លែ") {
		t.Errorf("Khmer title, body = %q, %q", c.Title["km"], c.Body["km"])
	}
	if got, want := c.Years(), []int{2012, 2013, 2014}; !slices.Equal(got, want) {
		t.Errorf("Years() = %v, want %v", got, want)
	}
	if d, ok := c.DaysToRelease(); !ok || d != 802 {
		t.Errorf("DaysToRelease() = %d, %v; want 802, true", d, ok)
	}
}

// TestLoadNamesFileAndField checks the validation findings a writer sees:
// each names the file and, first in the message, the field.
func TestLoadNamesFileAndField(t *testing.T) {
	tests := []struct {
		name, file string
		field      string // the message starts with it
		code       string
	}{
		{"unknown province", edit(goodFile, `province = "Phnom Penh"`, `province = "Phnom Pen City"`), "province", finding.ForeignKey},
		{"custody dates out of order", edit(goodFile, "to = 2014-05-13", "to = 2011-05-13", "outcome_date = 2014-05-13", "outcome_date = 2011-05-13"), "custody.to", finding.RowConstraint},
		{"status history out of order", edit(goodFile, "date = 2013-09-18", "date = 2012-01-18"), "status_history[1].date", finding.RowConstraint},
		{"outcome without a date", edit(goodFile, "outcome_date = 2014-05-13\n", ""), "outcome_date", finding.ConstraintError},
		{"offence not in the list", edit(goodFile, `offence = "drugs"`, `offence = "murder"`), "offence", finding.ConstraintError},
		{"child named", edit(goodFile, "with_her = 1", "with_her = 1\nnames = [\"Dara\"]"), "children.names", finding.PersonalData},
		{"translation holds facts", "", "province", finding.ExtraCell},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := map[string]string{"sokha.md": tt.file}
			path := "sokha.md"
			if tt.file == "" {
				files["sokha.md"] = goodFile
				files["sokha.km.md"] = "+++\ntitle = \"សុខា\"\nprovince = \"Battambang\"\n+++\nសុខា\n"
				path = "sokha.km.md"
			}
			dir := caseDir(t, files)
			_, fs, err := Load(dir, gazetteer(t), today)
			if err != nil {
				t.Fatal(err)
			}
			errs := errorsOf(fs)
			if len(errs) == 0 {
				t.Fatalf("Load findings = %v, want an error about %s", fs, tt.field)
			}
			f := errs[0]
			if want := filepath.Join(dir, path); f.Source.File != want {
				t.Errorf("finding %v names %q, want %q", f, f.Source.File, want)
			}
			if !strings.HasPrefix(f.Message, tt.field+":") || f.Code != tt.code {
				t.Errorf("finding = %v, want code %s and message starting %q", f, tt.code, tt.field+":")
			}
		})
	}
}

func TestLoadRejectsUnreadableFrontMatter(t *testing.T) {
	for name, file := range map[string]string{
		"yaml":            "---\npseudonym: Sokha\n---\n",
		"unclosed":        "+++\npseudonym = \"Sokha\"\n",
		"bad toml":        "+++\npseudonym = Sokha\n+++\n",
		"no front matter": "Sokha's story.\n",
	} {
		dir := caseDir(t, map[string]string{"sokha.md": file})
		cases, fs, err := Load(dir, gazetteer(t), today)
		if err != nil {
			t.Fatal(err)
		}
		if len(cases) != 0 || fs.Errors() != 1 || fs[0].Code != finding.SourceError {
			t.Errorf("%s: Load = %d cases, findings %v; want none and one source-error", name, len(cases), fs)
		}
	}
}

func TestLoadRejectsBadSlugsAndOrphanTranslations(t *testing.T) {
	dir := caseDir(t, map[string]string{"province.md": goodFile, "Sokha.md": goodFile, "maly.km.md": "+++\n+++\nx\n"})
	cases, fs, err := Load(dir, gazetteer(t), today)
	if err != nil {
		t.Fatal(err)
	}
	if len(cases) != 0 || fs.Errors() != 3 {
		t.Errorf("Load = %d cases, findings %v; want none and 3 errors", len(cases), fs)
	}
}

// TestSampleCaseStudies loads the project's own case studies: they must
// load without errors, and the print-only one must stay off the web.
func TestSampleCaseStudies(t *testing.T) {
	cases, fs, err := Load(filepath.Join("..", "..", "data", "case-studies"), gazetteer(t), today)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range fs {
		t.Errorf("sample case study: %v", f)
	}
	if len(cases) < 6 {
		t.Errorf("Load(sample) = %d cases, want at least 6", len(cases))
	}
	web, gfs := Gate(cases, Web)
	if len(gfs) != 0 {
		t.Errorf("Gate(sample, web) findings = %v, want none", gfs)
	}
	for _, c := range web {
		if c.Slug == "rachana" {
			t.Error("Gate(sample, web) lets rachana (print-only consent) through")
		}
	}
	if len(web) != len(cases)-1 {
		t.Errorf("Gate(sample, web) = %d cases, want %d", len(web), len(cases)-1)
	}
}
