package i18ncheck

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/prisonstats/prisonstats/internal/finding"
)

// project writes files (path -> text) into a fresh folder and returns it.
func project(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	for name, text := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

// complete is a small project with everything translated.
func complete() map[string]string {
	return map[string]string{
		"i18n/en.toml":                      "[nav_home]\nother = \"Home\"\n\n[growth]\nother = \"Rose by {{ .pct }}% in {{ .year }}\"\n\n[rank]\nother = \"the {{ .rank }}{{ .ord }} highest\"\n",
		"i18n/km.toml":                      "[nav_home]\nother = \"ទំព័រដើម\"\n\n[growth]\nother = \"កើនឡើង {{ .pct }}% នៅឆ្នាំ{{ .year }}\"\n\n[rank]\nother = \"ទី{{ .rank }}\"\n",
		"charts/a.toml":                     "id = \"a\"\n[text.en]\ntitle = \"Women, {place}\"\nnotes = \"\"\nseries = [\"Women\", \"Men\"]\nalt_series = [\"women\", \"men\"]\n[text.km]\ntitle = \"ស្ត្រី {place}\"\nseries = [\"ស្ត្រី\", \"បុរស\"]\n",
		"content/_index.md":                 "---\ntitle: Home\n---\n",
		"content/_index.km.md":              "---\ntitle: ទំព័រដើម\n---\n",
		"content/about/index.md":            "x",
		"content/about/index.km.md":         "x",
		"content/provinces/_content.gotmpl": "{{/* adapter */}}",
		"data/places.toml":                  "[[place]]\ncode = \"KH\"\nname = \"Cambodia\"\nname_km = \"កម្ពុជា\"\n\n[[place]]\ncode = \"KH-5\"\nname = \"Kampong Speu\"\nname_km = \"កំពង់ស្ពឺ\"\n",
	}
}

type want struct {
	code, file string
	line       int
	has        string // part of the message
}

func TestCheck(t *testing.T) {
	tests := []struct {
		name   string
		change map[string]string // files replaced (an empty text removes the file)
		want   []want
	}{
		{name: "all translated", want: nil},
		{
			name: "UI string missing in km",
			change: map[string]string{
				"i18n/km.toml": "[growth]\nother = \"កើនឡើង {{ .pct }}% នៅឆ្នាំ{{ .year }}\"\n\n[rank]\nother = \"ទី{{ .rank }}\"\n",
			},
			want: []want{{Missing, "i18n/km.toml", 0, `no [nav_home] (English, i18n/en.toml:1: "Home")`}},
		},
		{
			name: "UI string empty in km",
			change: map[string]string{
				"i18n/km.toml": "[nav_home]\nother = \"\"\n[growth]\nother = \"កើនឡើង {{ .pct }}% នៅឆ្នាំ{{ .year }}\"\n[rank]\nother = \"ទី{{ .rank }}\"\n",
			},
			want: []want{{Missing, "i18n/km.toml", 1, "empty [nav_home]"}},
		},
		{
			name: "placeholder English does not pass, and one left out",
			change: map[string]string{
				"i18n/km.toml": "[nav_home]\nother = \"ទំព័រដើម\"\n[growth]\nother = \"កើនឡើង {{ .percent }}%\"\n[rank]\nother = \"ទី{{ .rank }}\"\n",
			},
			want: []want{
				{Mismatch, "i18n/km.toml", 3, "{{ .percent }}, which English does not"},
				{Mismatch, "i18n/km.toml", 3, "leaves out {{ .pct }}, {{ .year }}"},
			},
		},
		{
			name: "string only the translation has",
			change: map[string]string{
				"i18n/km.toml": complete()["i18n/km.toml"] + "\n[nav_hom]\nother = \"ទំព័រដើម\"\n",
			},
			want: []want{{Mismatch, "i18n/km.toml", 10, "[nav_hom] is not in i18n/en.toml"}},
		},
		{
			name: "chart without km words",
			change: map[string]string{
				"charts/a.toml": "id = \"a\"\n[text.en]\ntitle = \"Women\"\n",
			},
			want: []want{{Missing, "charts/a.toml", 2, "no [text.km]"}},
		},
		{
			name: "chart km field missing, series count and {place} differ",
			change: map[string]string{
				"charts/a.toml": "id = \"a\"\n[text.en]\ntitle = \"Women, {place}\"\nsubtitle = \"By year\"\nseries = [\"Women\", \"Men\"]\n\n[text.km]\ntitle = \"ស្ត្រី\"\nseries = [\"ស្ត្រី\"]\n",
			},
			want: []want{
				{Missing, "charts/a.toml", 7, "[text.km] has no subtitle (English: \"By year\")"},
				{Mismatch, "charts/a.toml", 7, "series has 1 names, English has 2"},
				{Mismatch, "charts/a.toml", 7, "title uses [], English uses [{place}]"},
			},
		},
		{
			name: "alt_series falls back to km series, but not to nothing",
			change: map[string]string{
				"charts/a.toml": "id = \"a\"\n[text.en]\nseries = [\"Women\"]\nalt_series = [\"women\"]\n[text.km]\ntitle = \"x\"\n",
			},
			want: []want{
				{Missing, "charts/a.toml", 5, "has no alt_series"},
				{Missing, "charts/a.toml", 5, "has no series"},
			},
		},
		{
			name: "Khmer numerals written in a string and a chart",
			change: map[string]string{
				"i18n/km.toml":  complete()["i18n/km.toml"] + "\n[index]\nother = \"ឆ្នាំដំបូង = ១០០\"\n",
				"i18n/en.toml":  complete()["i18n/en.toml"] + "\n[index]\nother = \"first year = 100\"\n",
				"charts/a.toml": "id = \"a\"\n[text.en]\nseries = [\"Under 1\", \"1-2\"]\n[text.km]\nseries = [\"ក្រោម ១\", \"១–២\"]\n",
			},
			want: []want{
				{Mismatch, "charts/a.toml", 4, `series writes the numeral "១"`},
				{Mismatch, "i18n/km.toml", 10, `[index] writes the numeral "១០០"`},
			},
		},
		{
			name: "layout uses a string a language lacks",
			change: map[string]string{
				"layouts/_partials/x.html":          "<p>{{ i18n \"nav_home\" }}</p>\n<summary>{{ i18n \"chart_embed\" | default \"Embed this chart\" }}</summary>\n",
				"content/provinces/_content.gotmpl": "{{ $t := i18n \"nav_home\" }}{{ T \"only_en\" }}",
				"i18n/en.toml":                      complete()["i18n/en.toml"] + "\n[only_en]\nother = \"x\"\n",
				"i18n/km.toml":                      complete()["i18n/km.toml"] + "\n[only_en]\nother = \"y\"\n",
			},
			want: []want{
				{Missing, "layouts/_partials/x.html", 2, "uses [chart_embed], which i18n/en.toml lacks"},
				{Missing, "layouts/_partials/x.html", 2, "uses [chart_embed], which i18n/km.toml lacks"},
			},
		},
		{
			name: "page without km translation",
			change: map[string]string{
				"content/methodology.md":    "x",
				"content/about/index.km.md": "",
			},
			want: []want{
				{Missing, "content/about/index.md", 0, "no Khmer translation content/about/index.km.md"},
				{Missing, "content/methodology.md", 0, "no Khmer translation content/methodology.km.md"},
			},
		},
		{
			name: "place without name_km",
			change: map[string]string{
				"data/places.toml": "[[place]]\ncode = \"KH\"\nname = \"Cambodia\"\nname_km = \"កម្ពុជា\"\n\n[[place]]\ncode = \"KH-5\"\nname = \"Kampong Speu\"\nname_km = \" \"\n",
			},
			want: []want{{Missing, "data/places.toml", 7, `place KH-5 "Kampong Speu" has no name_km`}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := complete()
			for name, text := range tt.change {
				if text == "" {
					delete(files, name)
				} else {
					files[name] = text
				}
			}
			got, err := Check(project(t, files))
			if err != nil {
				t.Fatalf("Check: %v", err)
			}
			if len(got) != len(tt.want) {
				t.Errorf("Check found %d, want %d:\n%s", len(got), len(tt.want), show(got))
				return
			}
			for i, w := range tt.want {
				g := got[i]
				if g.Severity != finding.Warning || g.Code != w.code || g.Source.File != w.file || g.Source.Line != w.line || !strings.Contains(g.Message, w.has) {
					t.Errorf("finding %d = %s (%v), want warning %s at %s:%d containing %q", i, g.Error(), g.Severity, w.code, w.file, w.line, w.has)
				}
			}
		})
	}
}

func TestCheckFailsOnFilesItCannotRead(t *testing.T) {
	tests := map[string]map[string]string{
		"broken km toml":     {"i18n/km.toml": "[nav_home\nother = 1"},
		"broken chart":       {"charts/a.toml": "id = "},
		"broken places":      {"data/places.toml": "[[place]\n"},
		"no English strings": {"i18n/en.toml": ""},
	}
	for name, change := range tests {
		t.Run(name, func(t *testing.T) {
			files := complete()
			for n, text := range change {
				if text == "" {
					delete(files, n)
				} else {
					files[n] = text
				}
			}
			if l, err := Check(project(t, files)); err == nil {
				t.Errorf("Check = %v, nil error; want an error", show(l))
			}
		})
	}
}

// The project's own UI strings, charts, pages and places are translated:
// a key added to i18n/en.toml without its Khmer fails here, and so does a
// mismatch in the UI strings. Mismatches in chart words (Khmer numerals in
// charts/*.toml) are listed; the chart files' owner converts them.
func TestProjectIsTranslated(t *testing.T) {
	got, err := Check(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	var bad, later finding.List
	for _, f := range got {
		if f.Code == Mismatch && strings.HasPrefix(f.Source.File, "charts/") {
			later = append(later, f)
		} else {
			bad = append(bad, f)
		}
	}
	if len(bad) > 0 {
		t.Errorf("the project has %d translation findings:\n%s", len(bad), show(bad))
	}
	if len(later) > 0 {
		t.Logf("chart words to fix:\n%s", show(later))
	}
}

func show(l finding.List) string {
	var b strings.Builder
	for _, f := range l {
		b.WriteString("  " + f.Error() + "\n")
	}
	return b.String()
}
