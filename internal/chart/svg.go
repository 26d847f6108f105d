package chart

import (
	"encoding/xml"
	"errors"
	"fmt"
	"html"
	"io"
	"regexp"
	"strconv"
	"strings"
)

// zrender names clip paths, patterns and CSS classes zr<instance>-c0,
// zr<instance>-p0, zr<instance>-cls-0; the instance number and the class
// counter depend on what the process drew before, and two SVGs inlined in
// one page must not share ids.
var zrID = regexp.MustCompile(`\bzr\d+-((?:cls-)?[a-z]*)(\d+)\b`)

// renumber gives every zrender name the chart's prefix and numbers each
// kind of name by first appearance, so the SVG depends only on the chart.
func renumber(s, prefix string) string {
	seen := map[string]string{}
	next := map[string]int{}
	return zrID.ReplaceAllStringFunc(s, func(m string) string {
		if r, ok := seen[m]; ok {
			return r
		}
		kind := zrID.FindStringSubmatch(m)[1]
		r := prefix + kind + strconv.Itoa(next[kind])
		next[kind]++
		seen[m] = r
		return r
	})
}

// finishSVG gives the SVG ids unique to the chart, turns its inline styles
// into presentation attributes (svgstyle.go), labels the root for assistive
// technology with the alt text, and checks it holds nothing active.
func finishSVG(raw, uniq, alt string) (string, error) {
	if !strings.HasPrefix(raw, "<svg ") {
		return "", fmt.Errorf("echarts: output does not start with <svg")
	}
	prefix := "ps-" + slug(uniq) + "-"
	s, err := withoutInlineStyle(renumber(raw, prefix))
	if err != nil {
		return "", err
	}
	s = `<svg role="img" aria-label="` + html.EscapeString(alt) + `" ` + s[len("<svg "):]
	if err := CheckSVG(s); err != nil {
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
	return walkSVG(s, func(el xml.StartElement) error {
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
	})
}

// walkSVG parses an SVG strictly and calls f on every start element,
// stopping at the first error.
func walkSVG(s string, f func(xml.StartElement) error) error {
	if !strings.HasPrefix(strings.TrimSpace(s), "<svg") {
		return errors.New("svg: the drawing does not start with <svg")
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
