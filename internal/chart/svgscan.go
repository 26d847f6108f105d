package chart

import (
	"encoding/xml"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/prisonstats/prisonstats/internal/xmlchar"
)

// A fast path for walkSVG. Parsing every chart with encoding/xml, twice
// (once when it is drawn, once when the site publishes it), was most of the
// Go time of a build with hundreds of charts. zrender writes a small,
// regular subset of XML: start tags with double-quoted attributes, end
// tags, text with a few entities. scanSVG reads exactly that subset and
// gives up on anything else (comments, CDATA, processing instructions,
// single quotes, other entities, control or non-characters, mismatched
// tags, "]]>", carriage returns), so that walkSVG can hand the document to
// encoding/xml, which then decides. On the subset it sees the same start
// elements encoding/xml's Token would, with one difference callers must not
// depend on: Name.Space is the prefix as written, not the namespace URL.
// svgscan_test.go checks both agree on real charts and FuzzScanSVG on
// arbitrary input.

// scanSVG calls f on every start element of s. ok is false when s is
// outside the subset; then f may have been called on a prefix of the
// elements and err is nil.
func scanSVG(s string, f func(xml.StartElement) error) (ok bool, err error) {
	var stack []string
	i := 0
	for i < len(s) {
		lt := strings.IndexByte(s[i:], '<')
		if lt < 0 {
			if !plainText(s[i:]) {
				return false, nil
			}
			break
		}
		if !plainText(s[i : i+lt]) {
			return false, nil
		}
		i += lt
		if strings.HasPrefix(s[i:], "</") {
			name, n := xmlName(s[i+2:])
			j := i + 2 + n
			for j < len(s) && isSpace(s[j]) {
				j++
			}
			if n == 0 || j >= len(s) || s[j] != '>' || len(stack) == 0 || stack[len(stack)-1] != name {
				return false, nil
			}
			stack = stack[:len(stack)-1]
			i = j + 1
			continue
		}
		tag, ok := startTag(s, i)
		if !ok {
			return false, nil
		}
		el := xml.StartElement{Name: splitName(tag.name)}
		if el.Name.Local == "" {
			return false, nil
		}
		for _, a := range tag.attrs {
			n := splitName(a.name)
			v, ok := unescape(a.value)
			if !ok || n.Local == "" {
				return false, nil
			}
			el.Attr = append(el.Attr, xml.Attr{Name: n, Value: v})
		}
		if err := f(el); err != nil {
			return true, err
		}
		if !tag.selfClose {
			stack = append(stack, tag.name)
		}
		i = tag.end
	}
	return len(stack) == 0, nil
}

// tagSpan is a start tag as written: s[start:end] is "<name a="v" ...>".
type tagSpan struct {
	name       string
	attrs      []rawAttr
	selfClose  bool
	start, end int
}

type rawAttr struct{ name, value string } // value still escaped

// startTag reads the start tag at s[i] ('<'), in the subset: a name, then
// attributes each after whitespace as name="value" with no '<' in the
// value, optional whitespace, then '>' or "/>".
func startTag(s string, i int) (tagSpan, bool) {
	t := tagSpan{start: i}
	name, n := xmlName(s[i+1:])
	if n == 0 {
		return t, false
	}
	t.name = name
	j := i + 1 + n
	for {
		k := j
		for k < len(s) && isSpace(s[k]) {
			k++
		}
		if k >= len(s) {
			return t, false
		}
		switch {
		case s[k] == '>':
			t.end = k + 1
			return t, true
		case strings.HasPrefix(s[k:], "/>"):
			t.selfClose, t.end = true, k+2
			return t, true
		case k == j:
			return t, false // an attribute must follow whitespace
		}
		an, m := xmlName(s[k:])
		k += m
		if m == 0 || !strings.HasPrefix(s[k:], `="`) {
			return t, false
		}
		k += 2
		q := strings.IndexByte(s[k:], '"')
		if q < 0 {
			return t, false
		}
		v := s[k : k+q]
		if strings.IndexByte(v, '<') >= 0 || !plainText(v) {
			return t, false
		}
		t.attrs = append(t.attrs, rawAttr{an, v})
		j = k + q + 1
	}
}

// xmlName reads an ASCII XML name at the start of s: a letter or '_', then
// letters, digits, '_', '-', '.', ':' (at most one colon, as encoding/xml
// wants). Non-ASCII names are left to encoding/xml (n = 0).
func xmlName(s string) (string, int) {
	n := 0
	colons := 0
	for n < len(s) {
		c := s[n]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', c == '_':
		case n > 0 && ('0' <= c && c <= '9' || c == '-' || c == '.'):
		case n > 0 && c == ':':
			colons++
		default:
			if c >= utf8.RuneSelf || colons > 1 {
				return "", 0
			}
			return s[:n], n
		}
		n++
	}
	if colons > 1 {
		return "", 0
	}
	return s[:n], n
}

// splitName splits prefix:local as encoding/xml does.
func splitName(s string) xml.Name {
	if space, local, ok := strings.Cut(s, ":"); ok && space != "" && local != "" {
		return xml.Name{Space: space, Local: local}
	}
	return xml.Name{Local: s}
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' }

// plainText reports whether s is text (or an attribute value) encoding/xml
// reads as written apart from entities: only tabs, newlines and characters
// XML allows, no "]]>", no carriage return (which it would turn into \n),
// and only entities unescape decodes.
func plainText(s string) bool {
	if strings.Contains(s, "]]>") {
		return false
	}
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && c != '\t' && c != '\n' {
				return false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 || !xmlchar.Valid(r) {
			return false
		}
		i += n
	}
	if strings.IndexByte(s, '&') >= 0 {
		_, ok := unescape(s)
		return ok
	}
	return true
}

// unescape decodes the five XML entities and character references; any
// other entity is outside the subset.
func unescape(s string) (string, bool) {
	amp := strings.IndexByte(s, '&')
	if amp < 0 {
		return s, true
	}
	var b strings.Builder
	b.Grow(len(s))
	for amp >= 0 {
		b.WriteString(s[:amp])
		s = s[amp+1:]
		semi := strings.IndexByte(s, ';')
		if semi <= 0 {
			return "", false
		}
		ref := s[:semi]
		s = s[semi+1:]
		switch ref {
		case "amp":
			b.WriteByte('&')
		case "lt":
			b.WriteByte('<')
		case "gt":
			b.WriteByte('>')
		case "quot":
			b.WriteByte('"')
		case "apos":
			b.WriteByte('\'')
		default:
			if len(ref) < 2 || ref[0] != '#' {
				return "", false
			}
			var n uint64
			var err error
			if ref[1] == 'x' {
				n, err = strconv.ParseUint(ref[2:], 16, 32)
			} else {
				n, err = strconv.ParseUint(ref[1:], 10, 32)
			}
			if err != nil || !xmlchar.Valid(rune(n)) || strings.ContainsAny(ref[1:], "+-_") {
				return "", false
			}
			b.WriteRune(rune(n))
		}
		amp = strings.IndexByte(s, '&')
	}
	b.WriteString(s)
	return b.String(), true
}
