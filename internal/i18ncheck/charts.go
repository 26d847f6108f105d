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

// fallbacks are the optional fields a chart fills from another field of
// the same language when they are empty (internal/chart: alt_series
// defaults to series), so leaving them out translates nothing to English.
var fallbacks = map[string]string{"alt_series": "series"}

var chartField = regexp.MustCompile(`\{([a-z_]+)\}`)

// charts compares each chart definition's [text.<lang>] with [text.en].
// Each field English fills must be filled, lists must have as many names,
// and the {place}-style fields English uses must be used.
func (c *checker) charts() error {
	files, err := filepath.Glob(filepath.Join(c.root, "charts", "*.toml"))
	if err != nil {
		return err
	}
	for _, path := range files {
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		var def struct {
			Text map[string]map[string]any `toml:"text"`
		}
		if _, err := toml.Decode(string(b), &def); err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		en, ok := def.Text[i18n.Default]
		if !ok {
			continue // chart's own checks report a definition without words
		}
		rel, ls := c.rel(path), splitLines(string(b))
		for _, lang := range c.langs {
			table := "text." + lang
			tr, ok := def.Text[lang]
			if !ok {
				c.warn(Missing, rel, ls.table("text."+i18n.Default), "no [%s]: the %s chart shows the English words", table, languageName(lang))
				continue
			}
			at := ls.table(table)
			for _, field := range sortedKeys(en) {
				want := words(en[field])
				if len(want) == 0 {
					continue
				}
				got := words(tr[field])
				c.numerals(rel, at, "["+table+"] "+field, strings.Join(got, " "))
				if alt, ok := fallbacks[field]; ok && len(got) == 0 && len(words(tr[alt])) > 0 {
					continue // the chart uses the translation's own alt
				}
				switch {
				case len(got) == 0:
					c.warn(Missing, rel, at, "[%s] has no %s (English: %q)", table, field, strings.Join(want, "; "))
				case len(got) != len(want):
					c.warn(Mismatch, rel, at, "[%s] %s has %d names, English has %d", table, field, len(got), len(want))
				default:
					for i := range want {
						w, g := fieldsIn(want[i]), fieldsIn(got[i])
						if !slices.Equal(g, w) {
							c.warn(Mismatch, rel, at, "[%s] %s uses %v, English uses %v", table, field, g, w)
							break
						}
					}
				}
			}
		}
	}
	return nil
}

// words returns a chart text field as a list: a string is one item, an
// empty string none.
func words(v any) []string {
	switch v := v.(type) {
	case string:
		if strings.TrimSpace(v) == "" {
			return nil
		}
		return []string{v}
	case []any:
		var out []string
		for _, x := range v {
			s, _ := x.(string)
			out = append(out, s)
		}
		return out
	}
	return nil
}

func fieldsIn(s string) []string {
	var out []string
	for _, m := range chartField.FindAllStringSubmatch(s, -1) {
		out = append(out, "{"+m[1]+"}")
	}
	slices.Sort(out)
	return slices.Compact(out)
}
