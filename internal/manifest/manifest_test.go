package manifest

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/prisonstats/prisonstats/internal/finding"
)

var meta = Meta{Publisher: "General Department of Prisons", Licence: "CC-BY-4.0", Received: "2017-02-01"}

// project makes a project root with the given raw files (path from root →
// contents) and returns it.
func project(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	for name, body := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

// record adds every file under data/raw to a new manifest and saves it.
func record(t *testing.T, root string, files ...string) {
	t.Helper()
	for _, f := range files {
		m, err := Add(root, filepath.Join(root, filepath.FromSlash(f)), meta)
		if err != nil {
			t.Fatalf("Add(%s) = %v", f, err)
		}
		if err := m.Save(filepath.Join(root, Path)); err != nil {
			t.Fatal(err)
		}
	}
}

// findingFiles returns "file: code" for each finding, in order.
func findingFiles(l finding.List) []string {
	var out []string
	for _, f := range l {
		if f.Severity != finding.Error {
			out = append(out, "not an error: "+f.Error())
			continue
		}
		out = append(out, f.Source.File+": "+f.Code)
	}
	return out
}

func TestVerifyNamesEachRawFileOutOfStep(t *testing.T) {
	const a, b = "data/raw/a.xlsx", "data/raw/2016/b.csv"
	tests := []struct {
		name   string
		change func(t *testing.T, root string)
		want   []string
	}{
		{"nothing changed", func(*testing.T, string) {}, nil},
		{"a byte changed, same size", func(t *testing.T, root string) {
			write(t, root, a, "AAAB")
		}, []string{a + ": source-error"}},
		{"file grew", func(t *testing.T, root string) {
			write(t, root, b, "1,2,3\n4\n")
		}, []string{b + ": source-error"}},
		{"file without a record", func(t *testing.T, root string) {
			write(t, root, "data/raw/c.xlsx", "new")
		}, []string{"data/raw/c.xlsx: source-error"}},
		{"record without its file", func(t *testing.T, root string) {
			if err := os.Remove(filepath.Join(root, a)); err != nil {
				t.Fatal(err)
			}
		}, []string{a + ": source-error"}},
		{"dot files and files outside data/raw are not raw files", func(t *testing.T, root string) {
			write(t, root, "data/raw/.gitkeep", "")
			write(t, root, "data/raw/.cache/x", "x")
			write(t, root, "data/sources.toml", "x")
		}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := project(t, map[string]string{a: "AAAA", b: "1,2,3\n"})
			record(t, root, a, b)
			tt.change(t, root)
			got := findingFiles(VerifyRoot(root))
			if !slices.Equal(got, tt.want) {
				t.Errorf("VerifyRoot = %q, want %q", got, tt.want)
			}
		})
	}
}

func write(t *testing.T, root, name, body string) {
	t.Helper()
	p := filepath.Join(root, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestVerifyRootWithoutManifest(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  []string
	}{
		{"raw files and no manifest", map[string]string{"data/raw/a.xlsx": "A"}, []string{Path + ": source-error"}},
		{"no raw files, no manifest needed", map[string]string{"data/sources.toml": "", "data/raw/.gitkeep": ""}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := findingFiles(VerifyRoot(project(t, tt.files)))
			if !slices.Equal(got, tt.want) {
				t.Errorf("VerifyRoot = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestAddCopiesAFileFromOutsideAndNeverOverwrites(t *testing.T) {
	root := project(t, map[string]string{"inbox/q1.xlsx": "Q1", "elsewhere/q1.xlsx": "other"})
	m, err := Add(root, filepath.Join(root, "inbox/q1.xlsx"), meta)
	if err != nil {
		t.Fatal(err)
	}
	if err := m.Save(filepath.Join(root, Path)); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(filepath.Join(root, "data/raw/q1.xlsx"))
	if err != nil || string(got) != "Q1" {
		t.Fatalf("data/raw/q1.xlsx = %q, %v, want the copy %q", got, err, "Q1")
	}
	if l := VerifyRoot(root); len(l) > 0 {
		t.Errorf("VerifyRoot after Add = %v, want nothing", l)
	}
	// The same bytes again: fine, nothing to copy.
	if _, err := Add(root, filepath.Join(root, "inbox/q1.xlsx"), meta); err != nil {
		t.Errorf("Add of the same file again = %v, want nil", err)
	}
	// A different file of the same name: refused, the raw file untouched.
	if _, err := Add(root, filepath.Join(root, "elsewhere/q1.xlsx"), Meta{Publisher: "x", Licence: "x", Received: "2017-01-01", NewRelease: true}); err == nil {
		t.Error("Add of a different file with a taken name = nil, want an error")
	}
	if got, _ := os.ReadFile(filepath.Join(root, "data/raw/q1.xlsx")); string(got) != "Q1" {
		t.Errorf("data/raw/q1.xlsx after a refused Add = %q, want %q", got, "Q1")
	}
}

func TestAddReplacesAChangedRecordOnlyForANewRelease(t *testing.T) {
	const f = "data/raw/a.xlsx"
	root := project(t, map[string]string{f: "v1"})
	withNotes := meta
	withNotes.Notes = "sheet 2014 has no capacity"
	m0, err := Add(root, filepath.Join(root, f), withNotes)
	if err != nil {
		t.Fatal(err)
	}
	if err := m0.Save(filepath.Join(root, Path)); err != nil {
		t.Fatal(err)
	}
	m1, err := Load(filepath.Join(root, Path))
	if err != nil {
		t.Fatal(err)
	}
	old, _ := m1.Record(f)
	write(t, root, f, "v2") // the publisher's reissue, put in place by hand
	if _, err := Add(root, filepath.Join(root, f), meta); err == nil {
		t.Fatal("Add of a changed raw file without NewRelease = nil, want an error")
	}
	nr := meta
	nr.NewRelease = true
	m, err := Add(root, filepath.Join(root, f), nr)
	if err != nil {
		t.Fatalf("Add with NewRelease = %v", err)
	}
	if err := m.Save(filepath.Join(root, Path)); err != nil {
		t.Fatal(err)
	}
	if l := VerifyRoot(root); len(l) > 0 {
		t.Errorf("VerifyRoot after a new release = %v, want nothing", l)
	}
	r, _ := m.Record(f)
	if !slices.Equal(r.Previous, []string{old.SHA256}) || r.SHA256 == old.SHA256 || r.Size != 2 || r.Notes != withNotes.Notes {
		t.Errorf("record after new release = %+v, want the new hash, Previous = [%s] and the notes kept", r, old.SHA256)
	}
}

func TestAddRefusesIncompleteMeta(t *testing.T) {
	tests := []struct {
		name string
		meta Meta
		want string
	}{
		{"no publisher", Meta{Licence: "CC0-1.0", Received: "2017-01-01"}, "publisher"},
		{"no licence", Meta{Publisher: "x", Received: "2017-01-01"}, "licence"},
		{"bad date", Meta{Publisher: "x", Licence: "CC0-1.0", Received: "01/02/2017"}, "received"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := project(t, map[string]string{"data/raw/a.csv": "1"})
			_, err := Add(root, filepath.Join(root, "data/raw/a.csv"), tt.meta)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Add = %v, want an error about %s", err, tt.want)
			}
		})
	}
}

func TestLoadRejectsBadRecords(t *testing.T) {
	const ok = `file = "data/raw/a.xlsx"
sha256 = "a58f0e8baa0c3bffa213781ef3e6f69c55a2c2cd800e4aa07ede7a7d262ef1d9"
size = 1
publisher = "p"
received = "2016-01-31"
licence = "CC0-1.0"
`
	tests := []struct {
		name, body, want string
	}{
		{"outside data/raw", strings.Replace(ok, "data/raw/a.xlsx", "data/a.xlsx", 1), "file[1].file"},
		{"dot dot", strings.Replace(ok, "data/raw/a.xlsx", "data/raw/../a.xlsx", 1), "file[1].file"},
		{"short hash", strings.Replace(ok, "a58f0e8b", "a58f", 1), "file[1].sha256"},
		{"bad date", strings.Replace(ok, "2016-01-31", "2016-13-01", 1), "file[1].received"},
		{"unknown key", ok + "licensce = \"x\"\n", "unknown key"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := filepath.Join(t.TempDir(), "MANIFEST.toml")
			if err := os.WriteFile(p, []byte("[[file]]\n"+tt.body), 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := Load(p)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Load = %v, want an error naming %s", err, tt.want)
			}
		})
	}
	p := filepath.Join(t.TempDir(), "MANIFEST.toml")
	if err := os.WriteFile(p, []byte("[[file]]\n"+ok+"\n[[file]]\n"+ok), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Load(p); err == nil || !strings.Contains(err.Error(), "file[2].file") {
		t.Errorf("Load of a file recorded twice = %v, want an error naming file[2].file", err)
	}
}

// TestCommittedManifestMatchesDataRaw fails when data/raw changed (a
// regenerated sample, a new export) without its record: run prisonstats add.
func TestCommittedManifestMatchesDataRaw(t *testing.T) {
	root := filepath.Join("..", "..")
	if l := VerifyRoot(root); len(l) > 0 {
		for _, f := range l {
			t.Error(f.Error())
		}
	}
}

// TestSaveIsStable checks that the committed manifest is in Save's own
// form, so that prisonstats add changes only the lines of the record added.
func TestSaveIsStable(t *testing.T) {
	file := filepath.Join("..", "..", filepath.FromSlash(Path))
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	m, err := Load(file)
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "MANIFEST.toml")
	if err := m.Save(out); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("Save(Load(%s)) =\n%s\nwant\n%s", file, got, want)
	}
}
