package workflows

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/rhysd/actionlint"
)

var root = filepath.Join("..", "..")

// files returns the workflow files; a repository without any fails.
func files(t *testing.T) []string {
	t.Helper()
	var out []string
	for _, pat := range []string{"*.yml", "*.yaml"} {
		m, err := filepath.Glob(filepath.Join(root, ".github", "workflows", pat))
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, m...)
	}
	if len(out) == 0 {
		t.Fatal("no workflow files in .github/workflows")
	}
	return out
}

// linter is actionlint without shellcheck or pyflakes (not installed
// everywhere), reading .github/actionlint.yaml if the repository has one.
func linter(t *testing.T) *actionlint.Linter {
	t.Helper()
	l, err := actionlint.NewLinter(&bytes.Buffer{}, &actionlint.LinterOptions{WorkingDir: root})
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func TestWorkflowsPassActionlint(t *testing.T) {
	errs, err := linter(t).LintFiles(files(t), nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range errs {
		t.Error(e.Error())
	}
}

// TestActionlintCatchesMistakes makes sure the linter, as configured here,
// reports what it should: otherwise the test above could never fail.
func TestActionlintCatchesMistakes(t *testing.T) {
	tests := []struct{ name, body, kind string }{
		{"unknown context property", "on: push\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    steps:\n      - run: echo ${{ github.nope }}\n", "expression"},
		{"needs an unknown job", "on: push\njobs:\n  a:\n    needs: b\n    runs-on: ubuntu-24.04\n    steps:\n      - run: echo\n", "job-needs"},
		{"unknown permission", "on: push\npermissions:\n  pagez: write\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    steps:\n      - run: echo\n", "permissions"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			errs, err := linter(t).Lint("bad.yml", []byte(tt.body), nil)
			if err != nil {
				t.Fatal(err)
			}
			var kinds []string
			for _, e := range errs {
				kinds = append(kinds, e.Kind)
			}
			if !slices.Contains(kinds, tt.kind) {
				t.Errorf("actionlint kinds = %q, want %q", kinds, tt.kind)
			}
		})
	}
}

// pinned is a remote action or reusable workflow at a full commit SHA.
var pinned = regexp.MustCompile(`^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+(/[^@]+)?@[0-9a-f]{40}$`)

// usesLine matches a `uses:` line and captures the reference and the
// comment after it.
var usesLine = regexp.MustCompile(`^\s*(?:-\s+)?uses:\s*["']?([^"'\s#]+)["']?\s*(#.*)?$`)

var versionComment = regexp.MustCompile(`^#\s*v\d+(\.\d+){0,2}\b`)

func TestEveryUsesIsPinnedBySHA(t *testing.T) {
	for _, f := range files(t) {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		wf, errs := actionlint.Parse(b)
		if len(errs) > 0 {
			t.Errorf("%s: %v", f, errs[0])
			continue
		}
		var refs []*actionlint.String
		for _, j := range wf.Jobs {
			if j.WorkflowCall != nil && j.WorkflowCall.Uses != nil {
				refs = append(refs, j.WorkflowCall.Uses)
			}
			for _, s := range j.Steps {
				if a, ok := s.Exec.(*actionlint.ExecAction); ok && a.Uses != nil {
					refs = append(refs, a.Uses)
				}
			}
		}
		if len(refs) == 0 {
			t.Errorf("%s: no uses: found; the parse or this test is wrong", f)
		}
		lines := strings.Split(string(b), "\n")
		for _, r := range refs {
			if msg := checkRef(r.Value, lines[r.Pos.Line-1]); msg != "" {
				t.Errorf("%s:%d: %s", f, r.Pos.Line, msg)
			}
		}
	}
}

// checkRef says what is wrong with one reference and the line it is on, or
// returns "".
func checkRef(ref, line string) string {
	switch {
	case strings.HasPrefix(ref, "./"):
		return ""
	case strings.HasPrefix(ref, "docker://"):
		if !strings.Contains(ref, "@sha256:") {
			return ref + ": pin the image by digest (docker://image@sha256:...)"
		}
		return ""
	case !pinned.MatchString(ref):
		return ref + ": pin by full commit SHA (owner/repo@<40 hex> # vX.Y.Z)"
	}
	m := usesLine.FindStringSubmatch(line)
	if m == nil || m[1] != ref {
		return ref + ": put the reference on its own uses: line, followed by its version comment"
	}
	if !versionComment.MatchString(m[2]) {
		return ref + ": add the version the SHA is, as a comment (# v6.0.2)"
	}
	return ""
}

func TestCheckRef(t *testing.T) {
	const sha = "de0fac2e4500dabe0009e67214ff5f5447ce83dd"
	tests := []struct {
		ref, line string
		ok        bool
	}{
		{"actions/checkout@" + sha, "      - uses: actions/checkout@" + sha + " # v6.0.2", true},
		{"actions/checkout@" + sha, "        uses: 'actions/checkout@" + sha + "'  # v6", true},
		{"actions/checkout@" + sha, "      - uses: actions/checkout@" + sha, false},
		{"actions/checkout@" + sha, "      - uses: actions/checkout@" + sha + " # latest", false},
		{"actions/checkout@v6", "      - uses: actions/checkout@v6", false},
		{"actions/checkout@" + sha[:12], "      - uses: actions/checkout@" + sha[:12] + " # v6.0.2", false},
		{"actions/checkout@main", "      - uses: actions/checkout@main # v6.0.2", false},
		{"github/codeql-action/init@" + sha, "      - uses: github/codeql-action/init@" + sha + " # v3.28.0", true},
		{"./.github/actions/setup", "      - uses: ./.github/actions/setup", true},
		{"docker://debian:bookworm", "      - uses: docker://debian:bookworm", false},
		{"docker://debian@sha256:" + strings.Repeat("a", 64), "      - uses: docker://debian@sha256:" + strings.Repeat("a", 64), true},
	}
	for _, tt := range tests {
		if got := checkRef(tt.ref, tt.line) == ""; got != tt.ok {
			t.Errorf("checkRef(%q, %q) accepts = %v, want %v", tt.ref, tt.line, got, tt.ok)
		}
	}
}
