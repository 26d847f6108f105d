package casestudy

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/prisonstats/prisonstats/internal/finding"
)

func TestGateFailsClosed(t *testing.T) {
	tests := []struct {
		name     string
		file     string
		channel  string
		allowed  bool
		errField string // "" for no error; else the message starts with it
	}{
		{"consent covers web", goodFile, Web, true, ""},
		{"consent covers print", goodFile, Print, true, ""},
		{"consent refused", edit(goodFile, "given = true\ndate = 2016-04-20\nscope = [\"web\", \"print\"]\n", "given = false\n"), Web, false, "consent.given"},
		{"consent refused, print", edit(goodFile, "given = true\ndate = 2016-04-20\nscope = [\"web\", \"print\"]\n", "given = false\n"), Print, false, "consent.given"},
		{"consent table missing", edit(goodFile, "[consent]\ngiven = true\ndate = 2016-04-20\nscope = [\"web\", \"print\"]\n", ""), Web, false, "consent.given"},
		{"consent refused, publish web", edit(goodFile, "given = true\ndate = 2016-04-20\nscope = [\"web\", \"print\"]\n", "given = false\n",
			`offence = "drugs"`, "offence = \"drugs\"\npublish = [\"web\"]"), Web, false, "consent.given"},
		{"consent expired", edit(goodFile, "scope = [\"web\", \"print\"]", "scope = [\"web\", \"print\"]\nexpires = 2020-01-01"), Web, false, "consent.expires"},
		{"consent expired, print", edit(goodFile, "scope = [\"web\", \"print\"]", "scope = [\"web\", \"print\"]\nexpires = 2020-01-01"), Print, false, "consent.expires"},
		{"print-only consent stays off the web", edit(goodFile, `scope = ["web", "print"]`, `scope = ["print"]`), Web, false, ""},
		{"print-only consent goes in print", edit(goodFile, `scope = ["web", "print"]`, `scope = ["print"]`), Print, true, ""},
		{"publish on the web beyond a print-only consent", edit(goodFile, `scope = ["web", "print"]`, `scope = ["print"]`,
			`offence = "drugs"`, "offence = \"drugs\"\npublish = [\"web\", \"print\"]"), Web, false, "publish"},
		{"publish print only, web consent unused", edit(goodFile, `offence = "drugs"`, "offence = \"drugs\"\npublish = [\"print\"]"), Web, false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := caseDir(t, map[string]string{"sokha.md": tt.file})
			cases, _, err := Load(dir, gazetteer(t), today)
			if err != nil {
				t.Fatal(err)
			}
			if len(cases) != 1 {
				t.Fatalf("Load = %d cases, want 1", len(cases))
			}
			allowed, fs := Gate(cases, tt.channel)
			if got := len(allowed) == 1; got != tt.allowed {
				t.Errorf("Gate(%s) allowed = %v, want %v", tt.channel, got, tt.allowed)
			}
			if tt.errField == "" {
				if len(fs) != 0 {
					t.Errorf("Gate(%s) findings = %v, want none", tt.channel, fs)
				}
				return
			}
			if fs.Err() == nil || len(fs) != 1 {
				t.Fatalf("Gate(%s) findings = %v, want one error", tt.channel, fs)
			}
			f := fs[0]
			if f.Severity != finding.Error || f.Source.File != filepath.Join(dir, "sokha.md") || !strings.HasPrefix(f.Message, tt.errField+":") {
				t.Errorf("Gate(%s) finding = %v, want an error naming %s and %s", tt.channel, f, filepath.Join(dir, "sokha.md"), tt.errField)
			}
		})
	}
}

// TestGateWithoutLoadUsesTheClock: a case not made by Load is judged
// against today's date, so an old expiry cannot slip through.
func TestGateWithoutLoadUsesTheClock(t *testing.T) {
	c := Case{File: "x.md", Publish: []string{Web},
		Consent: Consent{Given: true, Date: "2015-01-01", Scope: []string{Web}, Expires: "2016-01-01"}}
	allowed, fs := Gate([]Case{c}, Web)
	if len(allowed) != 0 || fs.Errors() != 1 {
		t.Errorf("Gate(expired, no Load) = %d allowed, %v; want none and one error", len(allowed), fs)
	}
}

func TestGateAllReportsEachProblemOnce(t *testing.T) {
	expired := edit(goodFile, "scope = [\"web\", \"print\"]", "scope = [\"web\", \"print\"]\nexpires = 2020-01-01")
	printOnly := edit(goodFile, `scope = ["web", "print"]`, `scope = ["print"]`, `offence = "drugs"`, "offence = \"drugs\"\npublish = [\"web\", \"print\"]")
	dir := caseDir(t, map[string]string{"a.md": expired, "b.md": printOnly, "c.md": goodFile})
	cases, _, err := Load(dir, gazetteer(t), today)
	if err != nil {
		t.Fatal(err)
	}
	fs := GateAll(cases)
	if len(fs) != 2 || fs.Errors() != 2 || fs[0].Source.File != filepath.Join(dir, "a.md") || fs[1].Source.File != filepath.Join(dir, "b.md") {
		t.Errorf("GateAll = %v, want one error for a.md (expired) and one for b.md (web beyond scope)", fs)
	}
}
