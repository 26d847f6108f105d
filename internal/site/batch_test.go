package site

import (
	"os"
	"path/filepath"
	"testing"
)

func TestBatchLinksUnchangedFilesFromThePublishedTree(t *testing.T) {
	pub, gen := t.TempDir(), t.TempDir()
	first := batch{}
	first.add(filepath.Join(pub, "a", "same.csv"), []byte("1,2\n"))
	first.add(filepath.Join(pub, "a", "changed.csv"), []byte("1,2\n"))
	first.add(filepath.Join(pub, "a", "longer.csv"), []byte("1\n"))
	if err := first.write(); err != nil {
		t.Fatal(err)
	}
	// A symlink in the published tree is never linked to.
	if err := os.Symlink(filepath.Join(pub, "a", "same.csv"), filepath.Join(pub, "a", "sym.csv")); err != nil {
		t.Fatal(err)
	}
	next := batch{from: gen, prev: pub}
	next.add(filepath.Join(gen, "a", "same.csv"), []byte("1,2\n"))
	next.add(filepath.Join(gen, "a", "changed.csv"), []byte("1,3\n"))
	next.add(filepath.Join(gen, "a", "longer.csv"), []byte("1,2\n"))
	next.add(filepath.Join(gen, "a", "sym.csv"), []byte("1,2\n"))
	next.add(filepath.Join(gen, "b", "new.csv"), []byte("x\n"))
	if err := next.write(); err != nil {
		t.Fatal(err)
	}
	same := func(name string) bool {
		a, err1 := os.Lstat(filepath.Join(pub, name))
		b, err2 := os.Lstat(filepath.Join(gen, name))
		return err1 == nil && err2 == nil && os.SameFile(a, b)
	}
	if !same("a/same.csv") {
		t.Error("an unchanged file was written again, not linked")
	}
	for _, name := range []string{"a/changed.csv", "a/longer.csv", "a/sym.csv"} {
		if same(name) {
			t.Errorf("%s: linked although its bytes differ or it is a symlink", name)
		}
	}
	want := map[string]string{"a/same.csv": "1,2\n", "a/changed.csv": "1,3\n", "a/longer.csv": "1,2\n", "a/sym.csv": "1,2\n", "b/new.csv": "x\n"}
	for name, w := range want {
		b, err := os.ReadFile(filepath.Join(gen, name))
		if err != nil || string(b) != w {
			t.Errorf("%s = %q, %v; want %q", name, b, err, w)
		}
		if info, err := os.Lstat(filepath.Join(gen, name)); err != nil || !info.Mode().IsRegular() {
			t.Errorf("%s is not a regular file", name)
		}
	}
	// The published tree is untouched.
	if b, _ := os.ReadFile(filepath.Join(pub, "a", "changed.csv")); string(b) != "1,2\n" {
		t.Errorf("the published file changed: %q", b)
	}
}
