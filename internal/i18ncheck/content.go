package i18ncheck

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// content lists the hand-written pages (content/**/x.md) that have no
// translation x.<lang>.md. Pages that content adapters (_content.gotmpl)
// make are written per language by the adapter and are not checked here.
func (c *checker) content() error {
	dir := filepath.Join(c.root, "content")
	if _, err := os.Stat(dir); os.IsNotExist(err) {
		return nil
	}
	have := map[string]bool{}
	var originals []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || filepath.Ext(path) != ".md" {
			return nil
		}
		have[path] = true
		base := strings.TrimSuffix(filepath.Base(path), ".md")
		if ext := filepath.Ext(base); ext == "" || !c.isLang(ext[1:]) {
			originals = append(originals, path)
		}
		return nil
	})
	if err != nil {
		return err
	}
	for _, path := range originals {
		for _, lang := range c.langs {
			tr := strings.TrimSuffix(path, ".md") + "." + lang + ".md"
			if !have[tr] {
				c.warn(Missing, c.rel(path), 0, "no %s translation %s: the %s site shows this page in English, with a note", languageName(lang), c.rel(tr), languageName(lang))
			}
		}
	}
	return nil
}

func (c *checker) isLang(s string) bool {
	if s == "en" {
		return true
	}
	for _, l := range c.langs {
		if l == s {
			return true
		}
	}
	return false
}
