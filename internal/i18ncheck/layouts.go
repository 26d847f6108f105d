package i18ncheck

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/prisonstats/prisonstats/internal/i18n"
)

// uiCall matches a template's use of a UI string by a literal id:
// {{ i18n "chart_embed" }}, {{ T "x" }}, (i18n "x" (dict …)).
var uiCall = regexp.MustCompile(`\b(?:i18n|T|lang\.Translate)\s+"([A-Za-z0-9_.-]+)"`)

// templates lists the UI strings that layouts/ and content adapters
// (content/**/_content.gotmpl) use and a language lacks. Hugo shows
// nothing, or the English, or a `| default "…"` literal in their place,
// so the gap is easy to miss on the page.
func (c *checker) templates() error {
	dir := filepath.Join(c.root, "i18n")
	have := map[string]map[string]string{}
	for _, lang := range append([]string{i18n.Default}, c.langs...) {
		f, err := readUI(filepath.Join(dir, lang+".toml"))
		if err != nil {
			return err
		}
		have[lang] = f.strings
	}
	check := func(path string) error {
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		seen := map[string]bool{}
		for n, line := range strings.Split(string(b), "\n") {
			for _, m := range uiCall.FindAllStringSubmatch(line, -1) {
				id := m[1]
				if seen[id] {
					continue
				}
				seen[id] = true
				for _, lang := range append([]string{i18n.Default}, c.langs...) {
					if _, ok := have[lang][id]; !ok {
						c.warn(Missing, c.rel(path), n+1, "uses [%s], which i18n/%s.toml lacks", id, lang)
					}
				}
			}
		}
		return nil
	}
	for _, sub := range []string{"layouts", "content"} {
		root := filepath.Join(c.root, sub)
		if _, err := os.Stat(root); os.IsNotExist(err) {
			continue
		}
		err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			if ext := filepath.Ext(path); ext == ".html" || ext == ".gotmpl" || (sub == "layouts" && (ext == ".xml" || ext == ".json" || ext == ".txt")) {
				return check(path)
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	return nil
}
