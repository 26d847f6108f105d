package chart

import (
	"encoding/xml"
	"fmt"
	"html"
	"regexp"
	"strings"
)

// A strict Content-Security-Policy (style-src 'self') blocks every inline
// style attribute and <style> element of a page, and an inlined SVG is part
// of the page. ECharts' renderer writes its fonts as style attributes on
// <text> ("font-size:14px;font-family:…") and its hover emphasis as a
// <style> element. Blocked, the labels fall back to the browser's 16px
// serif. So the SVG is rewritten before it is published:
//
//   - each style declaration becomes the SVG presentation attribute of the
//     same name (font-size="14px"): attributes are markup, not CSS, and no
//     policy blocks them, and they draw the same in browsers, resvg and
//     Chromium's PDF printing;
//   - the <style> element is dropped: it only changed the cursor and fill
//     on hover (the page script shows a tooltip instead).
//
// A declaration with no presentation attribute is an error, so that a new
// ECharts release that writes one is noticed rather than silently blocked.

// presentation are the SVG presentation attributes (SVG 1.1 §6.4 and the
// SVG 2 additions browsers support).
var presentation = map[string]bool{}

func init() {
	for _, a := range strings.Fields(`alignment-baseline baseline-shift clip clip-path
		clip-rule color color-interpolation color-interpolation-filters color-rendering
		cursor direction display dominant-baseline fill fill-opacity fill-rule filter
		flood-color flood-opacity font-family font-size font-size-adjust font-stretch
		font-style font-variant font-weight image-rendering letter-spacing
		lighting-color marker-end marker-mid marker-start mask opacity overflow
		paint-order pointer-events shape-rendering stop-color stop-opacity stroke
		stroke-dasharray stroke-dashoffset stroke-linecap stroke-linejoin
		stroke-miterlimit stroke-opacity stroke-width text-anchor text-decoration
		text-rendering unicode-bidi vector-effect visibility word-spacing writing-mode`) {
		presentation[a] = true
	}
}

var (
	styleElement = regexp.MustCompile(`(?s)<style\b[^>]*>.*?</style>|<style\b[^>]*/>`)
	// zrender writes every attribute double-quoted and escapes text, so a
	// start tag is "<name" and name="value" pairs.
	startTag = regexp.MustCompile(`<([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+="[^"]*")*)\s*(/?)>`)
	attrPair = regexp.MustCompile(`\s+([\w:.-]+)="([^"]*)"`)
	// attrEscaper escapes a value for a double-quoted attribute.
	attrEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;")
)

// withoutInlineStyle rewrites an SVG so that it holds no style attribute and
// no <style> element; see above.
func withoutInlineStyle(s string) (string, error) {
	s = styleElement.ReplaceAllString(s, "")
	var bad error
	s = startTag.ReplaceAllStringFunc(s, func(tag string) string {
		if !strings.Contains(tag, ` style="`) || bad != nil {
			return tag
		}
		m := startTag.FindStringSubmatch(tag)
		name, attrs, slash := m[1], m[2], m[3]
		type attr struct{ k, v string }
		var list []attr
		var style string
		for _, p := range attrPair.FindAllStringSubmatch(attrs, -1) {
			if p[1] == "style" {
				style = p[2]
				continue
			}
			list = append(list, attr{p[1], p[2]})
		}
		for _, decl := range strings.Split(html.UnescapeString(style), ";") {
			if strings.TrimSpace(decl) == "" {
				continue
			}
			k, v, ok := strings.Cut(decl, ":")
			k, v = strings.ToLower(strings.TrimSpace(k)), attrEscaper.Replace(strings.TrimSpace(v))
			if !ok || !presentation[k] {
				bad = fmt.Errorf("svg: <%s> style %q has no presentation attribute; a strict Content-Security-Policy would block it", name, strings.TrimSpace(decl))
				return tag
			}
			// The style declaration wins over an attribute of the same name,
			// as it did in CSS.
			replaced := false
			for i := range list {
				if list[i].k == k {
					list[i].v, replaced = v, true
				}
			}
			if !replaced {
				list = append(list, attr{k, v})
			}
		}
		var b strings.Builder
		b.WriteString("<" + name)
		for _, a := range list {
			b.WriteString(" " + a.k + `="` + a.v + `"`)
		}
		b.WriteString(slash + ">")
		return b.String()
	})
	if bad != nil {
		return "", bad
	}
	if err := checkNoInlineStyle(s); err != nil {
		return "", err
	}
	return s, nil
}

// checkNoInlineStyle parses the SVG and refuses any style attribute or
// <style> element left.
func checkNoInlineStyle(s string) error {
	return walkSVG(s, func(el xml.StartElement) error {
		if strings.EqualFold(el.Name.Local, "style") {
			return fmt.Errorf("svg: a <style> element is left")
		}
		for _, a := range el.Attr {
			if strings.EqualFold(a.Name.Local, "style") {
				return fmt.Errorf("svg: a style attribute is left on <%s>", el.Name.Local)
			}
		}
		return nil
	})
}
