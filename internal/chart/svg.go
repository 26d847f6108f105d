package chart

import (
	"encoding/xml"
	"errors"
	"fmt"
	"html"
	"io"
	"strconv"
	"strings"
)

// zrender names clip paths, patterns and CSS classes zr<instance>-c0,
// zr<instance>-p0, zr<instance>-cls-0; the instance number and the class
// counter depend on what the process drew before, and two SVGs inlined in
// one page must not share ids. A name is, as a regular expression,
// \bzr\d+-((?:cls-)?[a-z]*)(\d+)\b (zrName reads it by hand: the regular
// expression was a tenth of a build's time).

// renumber gives every zrender name the chart's prefix and numbers each
// kind of name by first appearance, so the SVG depends only on the chart.
func renumber(s, prefix string) string {
	seen := map[string]string{}
	next := map[string]int{}
	var b strings.Builder
	b.Grow(len(s) + len(s)/4)
	last := 0
	for i := 0; i < len(s); {
		j := strings.Index(s[i:], "zr")
		if j < 0 {
			break
		}
		j += i
		kind, end, ok := zrName(s, j)
		if !ok {
			i = j + 1
			continue
		}
		m := s[j:end]
		r, ok := seen[m]
		if !ok {
			r = prefix + kind + strconv.Itoa(next[kind])
			next[kind]++
			seen[m] = r
		}
		b.WriteString(s[last:j])
		b.WriteString(r)
		last, i = end, end
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// zrName matches a zrender name at s[j:] ("zr" found there); kind is the
// letters between the dash and the counter ("cls-", "c", "p").
func zrName(s string, j int) (kind string, end int, ok bool) {
	if j > 0 && isWordByte(s[j-1]) {
		return "", 0, false
	}
	k := j + 2
	d := k
	for k < len(s) && '0' <= s[k] && s[k] <= '9' {
		k++
	}
	if k == d || k >= len(s) || s[k] != '-' {
		return "", 0, false
	}
	k++
	start := k
	if strings.HasPrefix(s[k:], "cls-") {
		k += 4
	}
	for k < len(s) && 'a' <= s[k] && s[k] <= 'z' {
		k++
	}
	kind = s[start:k]
	d = k
	for k < len(s) && '0' <= s[k] && s[k] <= '9' {
		k++
	}
	if k == d || k < len(s) && isWordByte(s[k]) {
		return "", 0, false
	}
	return kind, k, true
}

func isWordByte(c byte) bool {
	return c == '_' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

// finishSVG gives the SVG ids unique to the chart, turns its inline styles
// into presentation attributes (svgstyle.go), labels the root for assistive
// technology with the alt text, and checks it holds nothing active.
func finishSVG(raw, uniq, alt string) (string, error) {
	if !strings.HasPrefix(raw, "<svg ") {
		return "", fmt.Errorf("echarts: output does not start with <svg")
	}
	prefix := "ps-" + slug(uniq) + "-"
	s, err := restyleSVG(renumber(raw, prefix))
	if err != nil {
		return "", err
	}
	s = `<svg role="img" aria-label="` + html.EscapeString(alt) + `" ` + s[len("<svg "):]
	// One parse checks both: no style left, nothing active.
	err = walkSVG(s, func(el xml.StartElement) error {
		if err := noInlineStyle(el); err != nil {
			return err
		}
		return inactive(el)
	})
	if err != nil {
		return "", err
	}
	return s, nil
}

func slug(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r == '-':
			return r
		case r >= 'A' && r <= 'Z':
			return r + 'a' - 'A'
		}
		return '-'
	}, s)
}

// ErrActiveSVG reports an SVG that could run code in a page.
var ErrActiveSVG = errors.New("svg holds active content")

// CheckSVG parses the SVG and refuses content that could run code or fetch
// from another host when the SVG is inlined in a page: script,
// foreignObject, iframe, object, embed and handler elements, any on*
// attribute, and links that are not fragment references (#id) or data:
// images. ECharts escapes text itself; this guards against that ever
// failing. The site stage calls it again on what it publishes.
func CheckSVG(s string) error {
	return walkSVG(s, inactive)
}

// inactive is CheckSVG's test of one element.
func inactive(el xml.StartElement) error {
	switch strings.ToLower(el.Name.Local) {
	case "script", "foreignobject", "iframe", "object", "embed", "handler":
		return fmt.Errorf("%w: <%s> element", ErrActiveSVG, el.Name.Local)
	}
	for _, a := range el.Attr {
		name := strings.ToLower(a.Name.Local)
		if strings.HasPrefix(name, "on") {
			return fmt.Errorf("%w: %s attribute on <%s>", ErrActiveSVG, a.Name.Local, el.Name.Local)
		}
		v := strings.ToLower(strings.TrimSpace(a.Value))
		if (name == "href" || name == "src") && !strings.HasPrefix(v, "#") && !strings.HasPrefix(v, "data:image/") {
			return fmt.Errorf("%w: link to %q on <%s>", ErrActiveSVG, a.Value, el.Name.Local)
		}
	}
	return nil
}

// walkSVG parses an SVG strictly and calls f on every start element,
// stopping at the first error. f must use only the names' Local part (see
// scanSVG, the fast path).
func walkSVG(s string, f func(xml.StartElement) error) error {
	if !strings.HasPrefix(strings.TrimSpace(s), "<svg") {
		return errors.New("svg: the drawing does not start with <svg")
	}
	if ok, err := scanSVG(s, f); ok {
		return err
	}
	d := xml.NewDecoder(strings.NewReader(s))
	d.Strict = true
	d.Entity = xml.HTMLEntity
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("svg does not parse: %w", err)
		}
		if el, ok := tok.(xml.StartElement); ok {
			if err := f(el); err != nil {
				return err
			}
		}
	}
}
