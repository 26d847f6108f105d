package pack_test

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/prisonstats/prisonstats/internal/pack"
)

// files reads every file under dir, by slash path relative to dir.
func files(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	m := map[string][]byte{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		m[filepath.ToSlash(rel)] = b
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// TestTwoBuildsGiveTheSameBytes builds the tiny site twice and prints the
// packs of one province in each, at least a second apart (a PDF's dates
// have seconds): the published trees and the restricted packs must be
// byte for byte the same, and the PDFs dated the data release.
func TestTwoBuildsGiveTheSameBytes(t *testing.T) {
	needChromium(t)
	needPoppler(t)
	data, _, _ := printCases(t)
	type build struct{ tree, restricted map[string][]byte }
	var builds []build
	cache := t.TempDir()
	for i := range 3 {
		if i > 0 {
			time.Sleep(1100 * time.Millisecond)
		}
		dir := tinySiteWith(t, map[string]any{"casestudies_print": data})
		restricted := filepath.Join(t.TempDir(), "restricted")
		// The third run takes the PDFs from the cache the second filled:
		// they must be the same bytes as printed ones.
		cacheDir := ""
		if i > 0 {
			cacheDir = cache
		}
		rep, err := pack.Run(t.Context(), pack.Options{Dir: dir, RestrictedOut: restricted, Parallel: 2, CacheDir: cacheDir,
			Select: func(b pack.Brief) bool {
				return b.Scope == "kh-12" && (b.Audience == "judges" || b.Audience == "prison-officials")
			}})
		if err != nil {
			t.Fatalf("Run = %v", err)
		}
		if got, want := len(rep.Public)+len(rep.Restricted), 4; got != want {
			t.Fatalf("Run printed %d packs, want %d", got, want)
		}
		if wantCached := map[int]int{0: 0, 1: 0, 2: 4}[i]; rep.Cached != wantCached {
			t.Errorf("run %d took %d PDFs from the cache, want %d", i+1, rep.Cached, wantCached)
		}
		if i == 0 {
			if fonts := run(t, "pdffonts", filepath.Join(dir, "briefs", "judges-kh-12-km.pdf")); !strings.Contains(fonts, "NotoSansKhmer") {
				t.Errorf("the Khmer pack does not embed the site's Noto Sans Khmer:\n%s", fonts)
			}
			info := pdfInfoISO(t, filepath.Join(dir, "briefs", "judges-kh-12-km.pdf"))
			for _, k := range []string{"CreationDate", "ModDate"} {
				if got, want := info[k], "2015-12-31T00:00:00"; len(got) < len(want) || got[:len(want)] != want {
					t.Errorf("%s = %q, want the release day %s", k, got, want)
				}
			}
		}
		builds = append(builds, build{files(t, dir), files(t, restricted)})
	}
	for _, part := range []struct {
		name string
		a, b map[string][]byte
	}{
		{"published tree", builds[0].tree, builds[1].tree},
		{"restricted packs", builds[0].restricted, builds[1].restricted},
		{"published tree from the cache", builds[0].tree, builds[2].tree},
		{"restricted packs from the cache", builds[0].restricted, builds[2].restricted},
	} {
		var names []string
		for name := range part.a {
			names = append(names, name)
		}
		for name := range part.b {
			if _, ok := part.a[name]; !ok {
				t.Errorf("%s: %s is in the second build only", part.name, name)
			}
		}
		slices.Sort(names)
		pdfs := 0
		for _, name := range names {
			b, ok := part.b[name]
			switch {
			case !ok:
				t.Errorf("%s: %s is in the first build only", part.name, name)
			case !bytes.Equal(part.a[name], b):
				t.Errorf("%s: %s differs between two builds of the same inputs (%d and %d bytes)", part.name, name, len(part.a[name]), len(b))
				// REPRO_DUMP=folder keeps both versions, to compare.
				if d := os.Getenv("REPRO_DUMP"); d != "" {
					os.WriteFile(filepath.Join(d, filepath.Base(name)+".1"), part.a[name], 0o644)
					os.WriteFile(filepath.Join(d, filepath.Base(name)+".2"), b, 0o644)
				}
			}
			if filepath.Ext(name) == ".pdf" {
				pdfs++
			}
		}
		if pdfs != 2 {
			t.Errorf("%s: compared %d PDFs, want 2", part.name, pdfs)
		}
	}
}

// pdfInfoISO is pdfinfo -isodates as key → value.
func pdfInfoISO(t *testing.T, file string) map[string]string {
	t.Helper()
	m := map[string]string{}
	for _, line := range bytes.Split([]byte(run(t, "pdfinfo", "-isodates", file)), []byte("\n")) {
		k, v, ok := bytes.Cut(line, []byte(":"))
		if ok {
			m[string(k)] = string(bytes.TrimSpace(v))
		}
	}
	return m
}
