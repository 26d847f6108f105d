package i18ncheck

import (
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/prisonstats/prisonstats/internal/finding"
	"github.com/prisonstats/prisonstats/internal/i18n"
	"github.com/prisonstats/prisonstats/internal/obs"
)

// Codes of the findings.
const (
	// Missing is a string, chart text, page or place name with no translation.
	Missing = "missing-translation"
	// Mismatch is a translation that does not fit its English: other
	// placeholders, another number of series, a key English lacks.
	Mismatch = "translation-mismatch"
)

// languageNames are the names used in messages.
var languageNames = map[string]string{"en": "English", "km": "Khmer"}

func languageName(lang string) string {
	if n, ok := languageNames[lang]; ok {
		return n
	}
	return lang
}

// Check lists what is not translated in the project at root. The
// languages are read from root/i18n/*.toml.
func Check(root string) (finding.List, error) {
	langs, err := languages(filepath.Join(root, "i18n"))
	if err != nil {
		return nil, err
	}
	c := checker{root: root, langs: langs}
	for _, step := range []func() error{c.uiStrings, c.templates, c.charts, c.content, c.places} {
		if err := step(); err != nil {
			return nil, err
		}
	}
	c.out.Sort()
	return c.out, nil
}

type checker struct {
	root  string
	langs []string // the languages other than English
	out   finding.List
}

// rel names a file as the project does: relative to root, with slashes.
func (c *checker) rel(path string) string {
	if r, err := filepath.Rel(c.root, path); err == nil && filepath.IsLocal(r) {
		return filepath.ToSlash(r)
	}
	return path
}

func (c *checker) warn(code, file string, line int, format string, args ...any) {
	c.out = append(c.out, finding.Warnf(obs.Source{File: file, Line: line}, code, format, args...))
}

// languages returns the languages of dir/*.toml other than English.
func languages(dir string) ([]string, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.toml"))
	if err != nil {
		return nil, err
	}
	var langs []string
	hasDefault := false
	for _, f := range files {
		lang := strings.TrimSuffix(filepath.Base(f), ".toml")
		if lang == i18n.Default {
			hasDefault = true
			continue
		}
		langs = append(langs, lang)
	}
	if !hasDefault {
		if _, err := os.Stat(dir); err != nil {
			return nil, err
		}
		return nil, &os.PathError{Op: "read", Path: filepath.Join(dir, i18n.Default+".toml"), Err: os.ErrNotExist}
	}
	slices.Sort(langs)
	return langs, nil
}
