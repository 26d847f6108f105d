package chart

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestParseDefRejects(t *testing.T) {
	tests := []struct {
		name, edit, with, want string
	}{
		{"unknown key", `years = "all"`, `years = "all"` + "\ncolour = \"red\"", "colour: unknown key"},
		{"bad id", `id = "women-men-index"`, `id = "Women Men"`, `id: "Women Men"`},
		{"unknown kind", `kind = "indexed line"`, `kind = "pie"`, `kind: "pie" is not one of`},
		{"bad years", `years = "all"`, `years = "2012-2008"`, `years: "2012-2008"`},
		{"latest on a line", `years = "all"`, `years = "latest"`, `years: "latest" is only for a ranking bar`},
		{"provinces on a line", `places = "national"`, `places = "provinces"`, `places: "provinces" is only for a ranking bar`},
		{"series names short", `series = ["Women", "Men"]`, `series = ["Women"]`, "text.en.series: 1 names for 2 series"},
		{"no english", `[text.en]`, `[text.fr]`, "text.en: missing"},
		{"no title", `title = "ស្ត្រី {place}"`, `title = ""`, "text.km.title: missing"},
		{"no indicator", `indicator = "prisoners_index"` + "\n" + `breakdown = "male"`, `breakdown = "male"`, "series[1].indicator: missing"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !strings.Contains(indexDef, tt.edit) {
				t.Fatalf("test edit %q not found in indexDef", tt.edit)
			}
			src := strings.Replace(indexDef, tt.edit, tt.with, 1)
			_, err := ParseDef("charts/x.toml", []byte(src))
			if err == nil || !strings.HasPrefix(err.Error(), "charts/x.toml: ") || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("ParseDef error = %v, want charts/x.toml: …%s", err, tt.want)
			}
		})
	}
}

func TestRankingDefNeedsProvincesAndOneYear(t *testing.T) {
	base := `id = "r"
kind = "ranking bar"
places = "provinces"
years = "latest"
[[series]]
indicator = "pregnant"
[text.en]
title = "T"
series = ["S"]
`
	if _, err := ParseDef("r.toml", []byte(base)); err != nil {
		t.Fatalf("valid ranking def: %v", err)
	}
	for _, tt := range []struct{ edit, with, want string }{
		{`places = "provinces"`, `places = "national"`, "places: a ranking bar compares places"},
		{`years = "latest"`, `years = "2008-2012"`, "years: a ranking bar shows one year"},
		{`years = "latest"`, `years = "all"`, "years: a ranking bar shows one year"},
	} {
		_, err := ParseDef("r.toml", []byte(strings.Replace(base, tt.edit, tt.with, 1)))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error = %v, want %q", tt.with, err, tt.want)
		}
	}
}

func TestLoadDefsRejectsDuplicateIDs(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"a.toml", "b.toml"} {
		if err := os.WriteFile(filepath.Join(dir, f), []byte(indexDef), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	_, err := LoadDefs(dir)
	if err == nil || !strings.Contains(err.Error(), "b.toml: id: \"women-men-index\" is also the id of") {
		t.Errorf("LoadDefs error = %v, want a duplicate-id error naming b.toml", err)
	}
}
