package i18n

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"text/template"

	"github.com/BurntSushi/toml"
)

// Default is the language every string must exist in.
const Default = "en"

// Catalog holds every language's strings.
type Catalog struct {
	langs   []string
	strings map[string]map[string]string // lang -> id -> template text
	tmpl    map[string]*template.Template
}

type entry struct {
	Other string `toml:"other"`
}

// Load reads dir/*.toml; each file name is a language code.
func Load(dir string) (*Catalog, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.toml"))
	if err != nil {
		return nil, err
	}
	c := &Catalog{strings: map[string]map[string]string{}, tmpl: map[string]*template.Template{}}
	for _, f := range files {
		lang := strings.TrimSuffix(filepath.Base(f), ".toml")
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		var m map[string]entry
		if _, err := toml.Decode(string(b), &m); err != nil {
			return nil, fmt.Errorf("%s: %w", f, err)
		}
		c.langs = append(c.langs, lang)
		c.strings[lang] = map[string]string{}
		for id, e := range m {
			c.strings[lang][id] = e.Other
			t, err := template.New(id).Option("missingkey=error").Parse(e.Other)
			if err != nil {
				return nil, fmt.Errorf("%s: [%s]: %w", f, id, err)
			}
			c.tmpl[lang+"\x00"+id] = t
		}
	}
	if _, ok := c.strings[Default]; !ok {
		return nil, fmt.Errorf("%s: no %s.toml", dir, Default)
	}
	slices.Sort(c.langs)
	return c, nil
}

// Languages returns the languages found, sorted.
func (c *Catalog) Languages() []string { return slices.Clone(c.langs) }

// T renders string id in lang with params. A string missing in lang falls
// back to English; a string missing in English is an error.
func (c *Catalog) T(lang, id string, params map[string]any) (string, error) {
	t, ok := c.tmpl[lang+"\x00"+id]
	if !ok {
		t, ok = c.tmpl[Default+"\x00"+id]
	}
	if !ok {
		return "", fmt.Errorf("i18n: no string %q in %s", id, Default)
	}
	var b bytes.Buffer
	if err := t.Execute(&b, params); err != nil {
		return "", fmt.Errorf("i18n: %s: %w", id, err)
	}
	return b.String(), nil
}

// Has reports whether lang has its own translation of id.
func (c *Catalog) Has(lang, id string) bool {
	_, ok := c.strings[lang][id]
	return ok
}

// Missing lists, per language, the ids English has and it lacks.
func (c *Catalog) Missing() map[string][]string {
	out := map[string][]string{}
	for _, lang := range c.langs {
		if lang == Default {
			continue
		}
		for id := range c.strings[Default] {
			if _, ok := c.strings[lang][id]; !ok {
				out[lang] = append(out[lang], id)
			}
		}
		slices.Sort(out[lang])
	}
	return out
}
