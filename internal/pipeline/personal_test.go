package pipeline

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/prisonstats/prisonstats/internal/manifest"
)

// tinyProject makes a project folder from this project's site (layouts,
// content, i18n, charts, assets, static, data/*.toml, case studies) and the
// given raw files and mapping.
func tinyProject(t *testing.T, raw map[string]string, sources string) string {
	t.Helper()
	dir := t.TempDir()
	for _, d := range []string{"layouts", "content", "i18n", "charts", "assets", "static", "data/case-studies"} {
		if err := os.CopyFS(filepath.Join(dir, d), os.DirFS(filepath.Join(root, d))); err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range []string{"hugo.toml", "data/places.toml", "data/rules.toml", "data/release.toml", "data/offences.toml"} {
		b, err := os.ReadFile(filepath.Join(root, f))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, f), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink(filepath.Join(root, "node_modules"), filepath.Join(dir, "node_modules")); err != nil {
		t.Fatal(err)
	}
	os.MkdirAll(filepath.Join(dir, "data", "raw"), 0o755)
	if err := os.WriteFile(filepath.Join(dir, "data", "sources.toml"), []byte(sources), 0o644); err != nil {
		t.Fatal(err)
	}
	for name, body := range raw {
		p := filepath.Join(dir, "data", "raw", name)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		m, err := manifest.Add(dir, p, manifest.Meta{Publisher: "test", Licence: "CC0-1.0", Received: "2020-01-01"})
		if err != nil {
			t.Fatal(err)
		}
		if err := m.Save(filepath.Join(dir, filepath.FromSlash(manifest.Path))); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// registerMapping maps a register CSV with columns prison, year, women and
// men (tests add value columns after it).
const registerMapping = `[[source]]
name = "register"
file = "data/raw/register.csv"
[source.fields]
place = { column = "prison" }
date = { column = "year", type = "date", day = "12-31" }
status = "total"
age = "total"
[[source.values]]
column = "women"
set = { measure = "prisoners", sex = "female" }
[[source.values]]
column = "men"
set = { measure = "prisoners", sex = "male" }
`

// TestPersonalDataNeverReachesAnOutput feeds a register whose columns hold
// names, birth dates and ID numbers, builds the whole site, and searches
// every published file and the observations export for them.
func TestPersonalDataNeverReachesAnOutput(t *testing.T) {
	hugo := needTools(t)
	register := `prison,year,women,men,Name,Date of birth,National ID
CC1,2014,12,300,Sok Chanthou,1987-03-14,010203040506
CC2,2014,150,20,Chan Sreymom,1990-11-02,020304050607
CC1,2015,14,320,Sok Chanthou,1987-03-14,010203040506
CC2,2015,160,22,Chan Sreymom,1990-11-02,020304050607
`
	sources := registerMapping
	dir := tinyProject(t, map[string]string{"register.csv": register}, sources)
	var log bytes.Buffer
	out := filepath.Join(dir, "public")
	if err := Build(context.Background(), Config{Root: dir, Out: out, Hugo: hugo, Log: &log}); err != nil {
		t.Fatalf("Build: %v\n%s", err, log.String())
	}
	if !strings.Contains(log.String(), `personal-data: column "Name"`) {
		t.Errorf("the build did not warn that the Name column holds personal data:\n%s", log.String())
	}
	personal := []string{"Sok Chanthou", "Chan Sreymom", "Chanthou", "1987-03-14", "1990-11-02", "010203040506", "020304050607"}
	files := 0
	err := filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		files++
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		for _, v := range personal {
			if bytes.Contains(b, []byte(v)) {
				rel, _ := filepath.Rel(out, p)
				t.Errorf("%s contains %q from a personal-data column", rel, v)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if files < 50 {
		t.Errorf("only %d files published; the search proves little", files)
	}
	if !strings.Contains(readFile(t, filepath.Join(out, "downloads", "latest", "observations.csv")), "KH-12-CC2") {
		t.Error("observations.csv lacks the register's values: the build did not read it")
	}
	checked, err := Check(context.Background(), Config{Root: dir, Log: &log})
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range checked.Observations {
		for _, v := range personal {
			if strings.Contains(o.Place+o.Category+o.Source.String(), v) {
				t.Errorf("observation %v carries %q", o.Key(), v)
			}
		}
	}
}
