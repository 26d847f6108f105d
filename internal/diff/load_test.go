package diff

import (
	"context"
	"encoding/csv"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"testing"

	"github.com/prisonstats/prisonstats/internal/obs"
)

// csvIngest stands in for the pipeline: every data/raw/*.csv holds lines
// "date,place,count" of female prisoners.
func csvIngest(root string) ([]obs.Observation, error) {
	files, err := filepath.Glob(filepath.Join(root, "data", "raw", "*.csv"))
	if err != nil {
		return nil, err
	}
	var out []obs.Observation
	for _, f := range files {
		b, err := os.Open(f)
		if err != nil {
			return nil, err
		}
		recs, err := csv.NewReader(b).ReadAll()
		b.Close()
		if err != nil {
			return nil, err
		}
		for i, r := range recs {
			n, err := strconv.ParseFloat(r[2], 64)
			if err != nil {
				return nil, err
			}
			x := o(r[0], r[1], obs.Prisoners, obs.Num(n), "")
			x.Source = obs.Source{File: "data/raw/" + filepath.Base(f), Line: i + 1, Column: 3}
			out = append(out, x)
		}
	}
	return out, nil
}

// repo is a git repository in a temporary folder whose commits have fixed
// dates.
type repo struct {
	t   *testing.T
	dir string
	day int
}

func newRepo(t *testing.T) *repo {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
	r := &repo{t: t, dir: t.TempDir()}
	r.git("init", "-q", "-b", "main")
	return r
}

func (r *repo) git(args ...string) {
	r.t.Helper()
	cmd := exec.Command("git", append([]string{"-C", r.dir}, args...)...)
	date := "2020-01-" + strconv.Itoa(10+r.day) + "T12:00:00Z"
	cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.org",
		"GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.org",
		"GIT_AUTHOR_DATE="+date, "GIT_COMMITTER_DATE="+date, "GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1")
	if out, err := cmd.CombinedOutput(); err != nil {
		r.t.Fatalf("git %v: %v\n%s", args, err, out)
	}
}

// commit writes the files (path → contents; "" removes) and commits them.
func (r *repo) commit(files map[string]string) {
	r.t.Helper()
	for name, body := range files {
		p := filepath.Join(r.dir, filepath.FromSlash(name))
		if body == "" {
			if err := os.Remove(p); err != nil {
				r.t.Fatal(err)
			}
			continue
		}
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			r.t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			r.t.Fatal(err)
		}
	}
	r.day++
	r.git("add", "-A")
	r.git("commit", "-q", "-m", "data")
}

func TestLoadPairReadsFoldersAndRevisions(t *testing.T) {
	r := newRepo(t)
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp) // where Load exports revisions
	r.commit(map[string]string{"data/raw/a.csv": "2014-12-31,KH-1,10\n2014-12-31,KH-2,20\n"})
	r.commit(map[string]string{"data/raw/a.csv": "2014-12-31,KH-1,12\n2015-12-31,KH-1,13\n"})
	// The working tree differs from HEAD; revisions must not see it.
	if err := os.WriteFile(filepath.Join(r.dir, "data/raw/a.csv"), []byte("2016-12-31,KH-3,1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		old, new string
		want     Summary
	}{
		{"HEAD~1", "HEAD", Summary{Old: "HEAD~1", New: "HEAD", OldCount: 2, NewCount: 2, Added: 1, Removed: 1,
			NewPeriods: []string{"2015-12-31"}, VanishedPlaces: []string{"KH-2"},
			Revised: []Revision{{Key: o("2014-12-31", "KH-1", obs.Prisoners, obs.Num(0), "").Key(), Old: obs.Num(10), New: obs.Num(12),
				OldSource: obs.Source{File: "data/raw/a.csv", Line: 1, Column: 3}, NewSource: obs.Source{File: "data/raw/a.csv", Line: 1, Column: 3}}}}},
		{"HEAD", r.dir, Summary{Old: "HEAD", New: r.dir, OldCount: 2, NewCount: 1, Added: 1, Removed: 2,
			NewPeriods: []string{"2016-12-31"}, VanishedPeriods: []string{"2014-12-31", "2015-12-31"},
			NewPlaces: []string{"KH-3"}, VanishedPlaces: []string{"KH-1"}}},
	}
	for _, tt := range tests {
		t.Run(tt.old+" "+tt.new, func(t *testing.T) {
			got, err := LoadPair(context.Background(), r.dir, tt.old, tt.new, csvIngest)
			if err != nil {
				t.Fatal(err)
			}
			if !equal(got, tt.want) {
				t.Errorf("LoadPair =\n%+v\nwant\n%+v", got, tt.want)
			}
		})
	}
	if _, err := Load(context.Background(), r.dir, "no-such-rev", csvIngest); err == nil {
		t.Error("Load(no-such-rev) = nil error, want one")
	}
	if _, err := Load(context.Background(), r.dir, "--output=/tmp/x", csvIngest); err == nil {
		t.Error("Load(--output=...) = nil error, want one")
	}
	if left := readDir(t, tmp); len(left) > 0 {
		t.Errorf("temporary folders left behind: %v", left)
	}
}

func readDir(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range es {
		names = append(names, e.Name())
	}
	return names
}

func TestHistoryGivesOneSummaryPerDataCommit(t *testing.T) {
	r := newRepo(t)
	sum := "a58f0e8baa0c3bffa213781ef3e6f69c55a2c2cd800e4aa07ede7a7d262ef1d9"
	r.commit(map[string]string{"data/raw/a.csv": "2014-12-31,KH-1,10\n"})                        // no manifest: commit date
	r.commit(map[string]string{"README.md": "not data"})                                         // not a release
	r.commit(map[string]string{"data/raw/bad.csv": "2015-12-31,KH-1,eleven\n"})                  // unreadable: skipped
	r.commit(map[string]string{"data/raw/bad.csv": "", "data/raw/b.csv": "2015-12-31,KH-1,11\n", // a release with a manifest
		"data/raw/MANIFEST.toml": manifestTOML("data/raw/b.csv", sum, "2016-02-03")})
	r.commit(map[string]string{"data/raw/MANIFEST.toml": manifestTOML("data/raw/b.csv", sum, "2016-02-03") + "# note\n"}) // nothing changed
	hist, err := History(context.Background(), r.dir, csvIngest)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range hist {
		got = append(got, s.Date+" "+strconv.Itoa(s.Added)+" "+strconv.FormatBool(s.Empty()))
	}
	want := []string{"2020-01-11 1 false", "2016-02-03 1 false", "2020-01-15 0 true"}
	if !slices.Equal(got, want) {
		t.Errorf("History dates, added, empty = %q, want %q", got, want)
	}
	if len(hist) == 3 && (hist[1].Old != hist[0].New || len(hist[1].New) != 12) {
		t.Errorf("History revisions = %q → %q after %q, want the previous commit's id", hist[1].Old, hist[1].New, hist[0].New)
	}
	page := Releases(hist).(ReleasesPage)
	var dates []string
	for _, rel := range page.Releases {
		dates = append(dates, rel.Date)
	}
	if want := []string{"2016-02-03", "2020-01-11"}; !slices.Equal(dates, want) {
		t.Errorf("Releases dates = %q, want %q (newest first, empty releases left out)", dates, want)
	}
}

func TestHistoryOutsideGit(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
	dir := t.TempDir()
	t.Setenv("GIT_CEILING_DIRECTORIES", filepath.Dir(dir))
	if _, err := History(context.Background(), dir, csvIngest); err != ErrNoHistory {
		t.Errorf("History outside git = %v, want ErrNoHistory", err)
	}
}

func manifestTOML(file, sum, received string) string {
	return "[[file]]\nfile = \"" + file + "\"\nsha256 = \"" + sum + "\"\nsize = 1\npublisher = \"p\"\nreceived = \"" + received + "\"\nlicence = \"CC0-1.0\"\n"
}
