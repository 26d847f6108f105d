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
	startTagRE = regexp.MustCompile(`<([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+="[^"]*")*)\s*(/?)>`)
	attrPair   = regexp.MustCompile(`\s+([\w:.-]+)="([^"]*)"`)
	// attrEscaper escapes a value for a double-quoted attribute.
	attrEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;")
)

// withoutInlineStyle rewrites an SVG so that it holds no style attribute and
// no <style> element; see above.
func withoutInlineStyle(s string) (string, error) {
	out, err := restyleSVG(s)
	if err != nil {
		return "", err
	}
	if err := checkNoInlineStyle(out); err != nil {
		return "", err
	}
	return out, nil
}

// restyleSVG is withoutInlineStyle without the final check (finishSVG
// makes it in the same pass as CheckSVG's).
func restyleSVG(s string) (string, error) {
	if strings.Contains(s, "<style") {
		s = styleElement.ReplaceAllString(s, "")
	}
	out, ok, err := restyleScan(s)
	if !ok {
		out, err = restyleRegexp(s)
	}
	return out, err
}

// restyleScan rewrites the start tags that carry a style attribute, reading
// the tags with svgscan.go's startTag; ok is false when a tag is outside
// what startTag reads (restyleRegexp is used then).
func restyleScan(s string) (out string, ok bool, err error) {
	if !strings.Contains(s, ` style="`) {
		return s, true, nil
	}
	var b strings.Builder
	b.Grow(len(s) + len(s)/8)
	last := 0
	for i := 0; i < len(s); {
		lt := strings.IndexByte(s[i:], '<')
		if lt < 0 {
			break
		}
		i += lt
		if strings.HasPrefix(s[i:], "</") {
			i += 2
			continue
		}
		tag, ok := startTag(s, i)
		if !ok {
			return "", false, nil
		}
		i = tag.end
		styled := false
		for _, a := range tag.attrs {
			styled = styled || a.name == "style"
		}
		if !styled {
			continue
		}
		slash := ""
		if tag.selfClose {
			slash = "/"
		}
		t, err := restyle(tag.name, tag.attrs, slash)
		if err != nil {
			return "", true, err
		}
		b.WriteString(s[last:tag.start])
		b.WriteString(t)
		last = tag.end
	}
	b.WriteString(s[last:])
	return b.String(), true, nil
}

// restyleRegexp is restyleScan for any SVG, by regular expressions (the
// first way this was done; slow on hundreds of charts).
func restyleRegexp(s string) (string, error) {
	var bad error
	s = startTagRE.ReplaceAllStringFunc(s, func(tag string) string {
		if !strings.Contains(tag, ` style="`) || bad != nil {
			return tag
		}
		m := startTagRE.FindStringSubmatch(tag)
		var attrs []rawAttr
		for _, p := range attrPair.FindAllStringSubmatch(m[2], -1) {
			attrs = append(attrs, rawAttr{p[1], p[2]})
		}
		t, err := restyle(m[1], attrs, m[3])
		if err != nil {
			bad = err
			return tag
		}
		return t
	})
	return s, bad
}

// restyle writes a start tag with its style declarations turned into
// presentation attributes.
func restyle(name string, attrs []rawAttr, slash string) (string, error) {
	var list []rawAttr
	var style string
	for _, a := range attrs {
		if a.name == "style" {
			style = a.value
			continue
		}
		list = append(list, a)
	}
	for _, decl := range strings.Split(html.UnescapeString(style), ";") {
		if strings.TrimSpace(decl) == "" {
			continue
		}
		k, v, ok := strings.Cut(decl, ":")
		k, v = strings.ToLower(strings.TrimSpace(k)), attrEscaper.Replace(strings.TrimSpace(v))
		if !ok || !presentation[k] {
			return "", fmt.Errorf("svg: <%s> style %q has no presentation attribute; a strict Content-Security-Policy would block it", name, strings.TrimSpace(decl))
		}
		// The style declaration wins over an attribute of the same name,
		// as it did in CSS.
		replaced := false
		for i := range list {
			if list[i].name == k {
				list[i].value, replaced = v, true
			}
		}
		if !replaced {
			list = append(list, rawAttr{k, v})
		}
	}
	var b strings.Builder
	b.WriteString("<" + name)
	for _, a := range list {
		b.WriteString(" " + a.name + `="` + a.value + `"`)
	}
	b.WriteString(slash + ">")
	return b.String(), nil
}

// checkNoInlineStyle parses the SVG and refuses any style attribute or
// <style> element left.
func checkNoInlineStyle(s string) error {
	return walkSVG(s, noInlineStyle)
}

func noInlineStyle(el xml.StartElement) error {
	if strings.EqualFold(el.Name.Local, "style") {
		return fmt.Errorf("svg: a <style> element is left")
	}
	for _, a := range el.Attr {
		if strings.EqualFold(a.Name.Local, "style") {
			return fmt.Errorf("svg: a style attribute is left on <%s>", el.Name.Local)
		}
	}
	return nil
}
