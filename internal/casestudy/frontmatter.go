package casestudy

import (
	"bytes"
	"fmt"

	"github.com/BurntSushi/toml"
)

// splitFrontMatter separates TOML front matter between "+++" lines from
// the Markdown body, and returns the 1-based line the body starts on. The
// file must start with the opening line.
func splitFrontMatter(b []byte) (map[string]any, string, int, error) {
	b = bytes.TrimPrefix(b, []byte("\ufeff"))
	b = bytes.ReplaceAll(b, []byte("\r\n"), []byte("\n"))
	if !bytes.HasPrefix(b, []byte("+++\n")) {
		if bytes.HasPrefix(b, []byte("---")) {
			return nil, "", 0, fmt.Errorf("1: front matter must be TOML between +++ lines, not YAML (---)")
		}
		return nil, "", 0, fmt.Errorf("1: the file must start with a +++ line (TOML front matter)")
	}
	rest := b[len("+++\n"):]
	end := bytes.Index(rest, []byte("\n+++\n"))
	closing := len("\n+++\n")
	if end < 0 {
		if bytes.HasSuffix(rest, []byte("\n+++")) {
			end, closing = len(rest)-len("\n+++"), len("\n+++")
		} else {
			return nil, "", 0, fmt.Errorf("no closing +++ line after the front matter")
		}
	}
	var fm map[string]any
	if _, err := toml.Decode(string(rest[:end]), &fm); err != nil {
		return nil, "", 0, fmt.Errorf("front matter: %w", err)
	}
	if fm == nil {
		fm = map[string]any{}
	}
	body := rest[end+closing:]
	trimmed := bytes.TrimLeft(body, " \t\n")
	line := 1 + bytes.Count(b[:len(b)-len(trimmed)], []byte("\n"))
	return fm, string(bytes.TrimSpace(trimmed)), line, nil
}
