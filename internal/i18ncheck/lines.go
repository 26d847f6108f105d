package i18ncheck

import (
	"regexp"
	"strings"
)

// lines finds where keys and tables are in a TOML file's text, for the
// positions of findings. A key it cannot find gets line 0 (the file only).
type lines []string

func splitLines(text string) lines { return strings.Split(text, "\n") }

// find returns the 1-based number of the first line matching re, or 0.
func (l lines) find(re *regexp.Regexp) int {
	for i, s := range l {
		if re.MatchString(s) {
			return i + 1
		}
	}
	return 0
}

// table returns the line of the table header [name] (name may be dotted,
// "text.km"; each part may be quoted), or of a dotted key "name.x =" that
// opens it implicitly.
func (l lines) table(name string) int {
	var parts []string
	for _, p := range strings.Split(name, ".") {
		parts = append(parts, `(?:`+regexp.QuoteMeta(p)+`|"`+regexp.QuoteMeta(p)+`")`)
	}
	key := strings.Join(parts, `\s*\.\s*`)
	if n := l.find(regexp.MustCompile(`^\s*\[\s*` + key + `\s*\]`)); n > 0 {
		return n
	}
	return l.find(regexp.MustCompile(`^\s*` + key + `\s*\.`))
}

// keyValue returns the line of `key = "value"`, or 0.
func (l lines) keyValue(key, value string) int {
	return l.find(regexp.MustCompile(`^\s*` + regexp.QuoteMeta(key) + `\s*=\s*["']` + regexp.QuoteMeta(value) + `["']`))
}
