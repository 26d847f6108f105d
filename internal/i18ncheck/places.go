package i18ncheck

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/BurntSushi/toml"
)

// places lists the places of data/places.toml without a name_<lang>. The
// file is read as it is, so that a gazetteer with other faults is still
// checked.
func (c *checker) places() error {
	path := filepath.Join(c.root, "data", "places.toml")
	b, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		return nil
	}
	if err != nil {
		return err
	}
	var doc struct {
		Place []map[string]any `toml:"place"`
	}
	if _, err := toml.Decode(string(b), &doc); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	rel, ls := c.rel(path), splitLines(string(b))
	for _, p := range doc.Place {
		code, _ := p["code"].(string)
		name, _ := p["name"].(string)
		for _, lang := range c.langs {
			key := "name_" + lang
			if s, _ := p[key].(string); strings.TrimSpace(s) == "" {
				c.warn(Missing, rel, ls.keyValue("code", code), "place %s %q has no %s: the %s site shows its English name", code, name, key, languageName(lang))
			}
		}
	}
	return nil
}
