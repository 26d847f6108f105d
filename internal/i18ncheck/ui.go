package i18ncheck

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/BurntSushi/toml"
	"github.com/prisonstats/prisonstats/internal/i18n"
)

type uiFile struct {
	path    string
	strings map[string]string // id -> text ("other")
	lines   lines
}

func readUI(path string) (uiFile, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return uiFile{}, err
	}
	var m map[string]struct {
		Other string `toml:"other"`
	}
	if _, err := toml.Decode(string(b), &m); err != nil {
		return uiFile{}, fmt.Errorf("%s: %w", path, err)
	}
	f := uiFile{path: path, strings: map[string]string{}, lines: splitLines(string(b))}
	for id, e := range m {
		f.strings[id] = e.Other
	}
	return f, nil
}

// grammatical are placeholders that carry English grammar only (the
// ordinal suffix "st", "nd"), which a translation may leave out.
var grammatical = []string{"ord"}

// minus returns the names of a that are not in b.
func minus(a, b []string) []string {
	var out []string
	for _, x := range a {
		if !slices.Contains(b, x) {
			out = append(out, x)
		}
	}
	return out
}

var placeholder = regexp.MustCompile(`{{-?\s*\.([A-Za-z_][A-Za-z0-9_]*)`)

// placeholders returns the sorted, distinct {{ .name }} of a string.
func placeholders(s string) []string {
	var out []string
	for _, m := range placeholder.FindAllStringSubmatch(s, -1) {
		out = append(out, m[1])
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// uiStrings compares each language's UI strings with English.
func (c *checker) uiStrings() error {
	dir := filepath.Join(c.root, "i18n")
	en, err := readUI(filepath.Join(dir, i18n.Default+".toml"))
	if err != nil {
		return err
	}
	enRel := c.rel(en.path)
	ids := sortedKeys(en.strings)
	for _, lang := range c.langs {
		tr, err := readUI(filepath.Join(dir, lang+".toml"))
		if err != nil {
			return err
		}
		rel := c.rel(tr.path)
		for _, id := range ids {
			text, ok := tr.strings[id]
			if !ok || strings.TrimSpace(text) == "" {
				what := "no"
				line := 0
				if ok {
					what, line = "empty", tr.lines.table(id)
				}
				c.warn(Missing, rel, line, "%s [%s] (English, %s:%d: %q)", what, id, enRel, en.lines.table(id), en.strings[id])
				continue
			}
			c.numerals(rel, tr.lines.table(id), "["+id+"]", text)
			want, got := placeholders(en.strings[id]), placeholders(text)
			if extra := minus(got, want); len(extra) > 0 {
				c.warn(Mismatch, rel, tr.lines.table(id), "[%s] uses %s, which English does not: the code passes no such value", id, list(extra))
			}
			if lost := minus(minus(want, got), grammatical); len(lost) > 0 {
				c.warn(Mismatch, rel, tr.lines.table(id), "[%s] leaves out %s, which English shows", id, list(lost))
			}
		}
		for _, id := range sortedKeys(tr.strings) {
			if _, ok := en.strings[id]; !ok {
				c.warn(Mismatch, rel, tr.lines.table(id), "[%s] is not in %s: unused, or misspelt", id, enRel)
			}
		}
	}
	return nil
}

func list(names []string) string {
	if len(names) == 0 {
		return "none"
	}
	var b strings.Builder
	for i, n := range names {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString("{{ ." + n + " }}")
	}
	return b.String()
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
