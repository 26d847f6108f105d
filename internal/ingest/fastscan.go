package ingest

import (
	"bytes"
	"errors"
	"io"
	"strconv"
	"unicode/utf8"

	"github.com/prisonstats/prisonstats/internal/xmlchar"
)

// errBail says the fast sheet reader met something outside the XML subset
// it is sure to read exactly as encoding/xml does; the caller then reads
// the sheet again with excelize.
var errBail = errors.New("fast sheet reader: construct outside its subset")

type tokKind uint8

const (
	tokStart tokKind = iota + 1
	tokEnd
	tokText
	tokEOF
)

// rawAttr is one attribute of a start tag: its qualified name, local name
// and raw (still escaped) value, all slices into the scanner's buffer.
type rawAttr struct {
	name, local, val []byte
}

// fastScanner is a strict pull tokenizer for the subset of XML that
// spreadsheet writers produce: elements, attributes, text with the five
// predefined and numeric character references, and an XML declaration
// saying UTF-8. Anything else (comments, CDATA, DOCTYPE, other processing
// instructions, other encodings, carriage returns in text, invalid
// characters, mismatched tags, truncation) ends the scan with errBail, so
// every token it does give is one encoding/xml would give too.
//
// Token slices point into the buffer and are valid until the next call.
// Memory is the buffer (256 KB, grown only for a single token longer than
// that, up to maxToken).
type fastScanner struct {
	r   io.Reader
	buf []byte
	pos int // next unread byte
	end int // buf[pos:end] is unread data
	eof bool
	err error // sticky: errBail or a read error

	kind     tokKind
	name     []byte // qualified name (start and end tags)
	local    []byte // name after the prefix
	attrs    []rawAttr
	text     []byte
	closeTag bool // the last start tag was self-closing: an end token is due

	stack []int  // end offsets into names, one per open element
	names []byte // arena of the open elements' names
	first bool   // nothing read yet (an XML declaration may come)
	read  int64  // bytes consumed from r

	// sawF and sawMerge: an element named f or mergeCell was read, so
	// scanSheet would find formulas or merged cells
	sawF, sawMerge bool
}

const maxToken = 16 << 20

func newFastScanner(r io.Reader) *fastScanner {
	return &fastScanner{r: r, buf: make([]byte, 256<<10), first: true}
}

// fill moves the unread bytes to the front and reads more, until it has
// read something, reached the end (s.eof) or failed (s.err).
func (s *fastScanner) fill() {
	if s.eof {
		return
	}
	if s.pos > 0 {
		n := copy(s.buf, s.buf[s.pos:s.end])
		s.pos, s.end = 0, n
	}
	if s.end == len(s.buf) {
		if len(s.buf) >= maxToken {
			s.err = errBail
			return
		}
		nb := make([]byte, 2*len(s.buf))
		copy(nb, s.buf[:s.end])
		s.buf = nb
	}
	for {
		n, err := s.r.Read(s.buf[s.end:])
		s.end += n
		s.read += int64(n)
		if err == io.EOF {
			s.eof = true
			return
		}
		if err != nil {
			s.err = err
			return
		}
		if n > 0 {
			return
		}
	}
}

// next advances to the next token; false at the end or on error (Err).
func (s *fastScanner) next() bool {
	if s.err != nil {
		return false
	}
	if s.closeTag {
		s.closeTag = false
		s.pop()
		s.kind = tokEnd
		return true
	}
	for {
		n, ok := s.token()
		if ok {
			s.pos += n
			s.first = false
			return s.kind != tokEOF
		}
		if s.err != nil {
			return false
		}
		if s.eof {
			// no more input: a token cut short, or elements left open
			if s.end > s.pos || len(s.stack) != 0 {
				s.err = errBail
				return false
			}
			s.kind = tokEOF
			return false
		}
		if s.fill(); s.err != nil {
			return false
		}
	}
}

// Err is errBail, a read error, or nil at a clean end.
func (s *fastScanner) Err() error { return s.err }

func (s *fastScanner) bail() (int, bool) {
	s.err = errBail
	return 0, false
}

// token parses one token at s.pos. It returns the bytes it takes and
// true, or false when it needs more input (or s.err is set).
func (s *fastScanner) token() (int, bool) {
	b := s.buf[s.pos:s.end]
	if len(b) == 0 {
		return 0, false
	}
	if b[0] != '<' {
		i := bytes.IndexByte(b, '<')
		if i < 0 {
			if !s.eof {
				return 0, false
			}
			i = len(b)
			// text at the very end: only whitespace after the root
			if len(s.stack) != 0 || !isSpace(b) {
				return s.bail()
			}
			s.kind = tokEOF
			return i, true
		}
		t := b[:i]
		if !validText(t, false) {
			return s.bail()
		}
		s.kind, s.text = tokText, t
		return i, true
	}
	if len(b) < 2 {
		return 0, false
	}
	switch b[1] {
	case '/':
		p := 2
		name, local, n := scanName(b[p:])
		if n < 0 {
			return s.bail()
		}
		if n == 0 {
			return 0, false
		}
		p += n
		for p < len(b) && isSpaceByte(b[p]) {
			p++
		}
		if p >= len(b) {
			return 0, false
		}
		if b[p] != '>' {
			return s.bail()
		}
		if len(s.stack) == 0 || !bytes.Equal(s.top(), name) {
			return s.bail()
		}
		s.pop()
		s.kind, s.name, s.local = tokEnd, name, local
		return p + 1, true
	case '?':
		if !s.first {
			return s.bail()
		}
		i := bytes.Index(b[2:], []byte("?>"))
		if i < 0 {
			return 0, false
		}
		if !validDecl(b[2 : 2+i]) {
			return s.bail()
		}
		// a declaration is no token for our purposes: parse the next one
		s.pos += 2 + i + 2
		s.first = false
		return s.token()
	case '!':
		return s.bail()
	}
	// start tag
	p := 1
	name, local, n := scanName(b[p:])
	if n < 0 {
		return s.bail()
	}
	if n == 0 {
		return 0, false
	}
	p += n
	if len(local) == 1 && local[0] == 'f' {
		s.sawF = true
	} else if len(local) == 9 && string(local) == "mergeCell" {
		s.sawMerge = true
	}
	s.attrs = s.attrs[:0]
	for {
		sp := p
		for p < len(b) && isSpaceByte(b[p]) {
			p++
		}
		if p >= len(b) {
			return 0, false
		}
		switch b[p] {
		case '>':
			s.push(name)
			s.kind, s.name, s.local = tokStart, name, local
			return p + 1, true
		case '/':
			if p+1 >= len(b) {
				return 0, false
			}
			if b[p+1] != '>' {
				return s.bail()
			}
			s.push(name)
			s.kind, s.name, s.local = tokStart, name, local
			s.closeTag = true
			return p + 2, true
		}
		if sp == p { // attributes must be separated by whitespace
			return s.bail()
		}
		an, al, m := scanName(b[p:])
		if m < 0 {
			return s.bail()
		}
		if m == 0 {
			return 0, false
		}
		p += m
		for p < len(b) && isSpaceByte(b[p]) {
			p++
		}
		if p >= len(b) {
			return 0, false
		}
		if b[p] != '=' {
			return s.bail()
		}
		p++
		for p < len(b) && isSpaceByte(b[p]) {
			p++
		}
		if p >= len(b) {
			return 0, false
		}
		q := b[p]
		if q != '"' && q != '\'' {
			return s.bail()
		}
		p++
		j := bytes.IndexByte(b[p:], q)
		if j < 0 {
			return 0, false
		}
		v := b[p : p+j]
		if !validText(v, true) {
			return s.bail()
		}
		s.attrs = append(s.attrs, rawAttr{name: an, local: al, val: v})
		p += j + 1
	}
}

func (s *fastScanner) push(name []byte) {
	s.names = append(s.names, name...)
	s.stack = append(s.stack, len(s.names))
}

func (s *fastScanner) top() []byte {
	n := len(s.stack)
	start := 0
	if n > 1 {
		start = s.stack[n-2]
	}
	return s.names[start:s.stack[n-1]]
}

// pop removes the innermost open element; for a self-closing tag it also
// points s.name and s.local at its name (valid until the next push).
func (s *fastScanner) pop() {
	name := s.top()
	s.stack = s.stack[:len(s.stack)-1]
	s.names = s.names[:len(s.names)-len(name)]
	s.name = name
	s.local = name
	if i := bytes.IndexByte(name, ':'); i >= 0 {
		s.local = name[i+1:]
	}
}

// depth is the number of open elements.
func (s *fastScanner) depth() int { return len(s.stack) }

// scanName reads an ASCII XML name with at most one colon, not at either
// end. It returns the name, its local part and its length; length 0 when
// b ends before the name does (more input needed), -1 when b does not
// start with such a name.
func scanName(b []byte) (name, local []byte, n int) {
	if len(b) == 0 {
		return nil, nil, 0
	}
	c := b[0]
	if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_') {
		return nil, nil, -1
	}
	colon := -1
	i := 1
	for ; i < len(b); i++ {
		c := b[i]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-' || c == '.' {
			continue
		}
		if c == ':' {
			if colon >= 0 {
				return nil, nil, -1
			}
			colon = i
			continue
		}
		if c >= utf8.RuneSelf {
			return nil, nil, -1
		}
		break
	}
	if i == len(b) {
		return nil, nil, 0
	}
	if colon == i-1 {
		return nil, nil, -1
	}
	if c := b[i]; !(isSpaceByte(c) || c == '>' || c == '/' || c == '=') {
		return nil, nil, -1
	}
	local = b[:i]
	if colon >= 0 {
		local = b[colon+1 : i]
	}
	return b[:i], local, i
}

func isSpaceByte(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

func isSpace(b []byte) bool {
	for _, c := range b {
		if !isSpaceByte(c) {
			return false
		}
	}
	return true
}

// validText reports whether encoding/xml reads b (text, or an attribute
// value when attr) without error: XML characters only, references well
// formed, no "]]>" in text and no '<' in a value.
func validText(b []byte, attr bool) bool {
	for i := 0; i < len(b); {
		c := b[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '&':
				n, _, ok := entity(b[i:])
				if !ok {
					return false
				}
				i += n
				continue
			case c == '<':
				return false
			case c == ']':
				if !attr && bytes.HasPrefix(b[i:], []byte("]]>")) {
					return false
				}
			case c < 0x20 && c != '\t' && c != '\n' && c != '\r':
				return false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 || !xmlchar.Valid(r) {
			return false
		}
		i += n
	}
	return true
}

// entity reads one character reference at the start of b ("&amp;",
// "&#65;", "&#x41;") and returns its length and the rune it stands for.
func entity(b []byte) (int, rune, bool) {
	end := bytes.IndexByte(b, ';')
	if end < 2 || end > 12 {
		return 0, 0, false
	}
	name := b[1:end]
	switch string(name) {
	case "amp":
		return end + 1, '&', true
	case "lt":
		return end + 1, '<', true
	case "gt":
		return end + 1, '>', true
	case "apos":
		return end + 1, '\'', true
	case "quot":
		return end + 1, '"', true
	}
	if name[0] != '#' || len(name) < 2 {
		return 0, 0, false
	}
	digits, base := name[1:], 10
	if digits[0] == 'x' {
		digits, base = digits[1:], 16
	}
	if len(digits) == 0 || len(digits) > 8 {
		return 0, 0, false
	}
	for _, d := range digits {
		if !(d >= '0' && d <= '9' || base == 16 && (d >= 'a' && d <= 'f' || d >= 'A' && d <= 'F')) {
			return 0, 0, false
		}
	}
	v, err := strconv.ParseUint(string(digits), base, 32)
	if err != nil || !xmlchar.Valid(rune(v)) {
		return 0, 0, false
	}
	return end + 1, rune(v), true
}

// unescape returns text or an attribute value the way encoding/xml gives
// it; b has passed validText.
func unescape(b []byte) string {
	if bytes.IndexByte(b, '&') < 0 && bytes.IndexByte(b, '\r') < 0 {
		return string(b)
	}
	return string(appendUnescaped(nil, b))
}

// appendUnescaped appends b with its references replaced and its line
// ends normalised ("\r\n" and a lone "\r" become "\n"; a "\r" written as
// a reference stays), as encoding/xml does.
func appendUnescaped(dst, b []byte) []byte {
	if bytes.IndexByte(b, '&') < 0 && bytes.IndexByte(b, '\r') < 0 {
		return append(dst, b...)
	}
	var prev byte
	for i := 0; i < len(b); {
		c := b[i]
		switch {
		case c == '&':
			n, r, _ := entity(b[i:])
			dst = utf8.AppendRune(dst, r)
			i += n
			prev = 0
			continue
		case c == '\r':
			dst = append(dst, '\n')
		case c == '\n' && prev == '\r':
		default:
			dst = append(dst, c)
		}
		prev = c
		i++
	}
	return dst
}

// validDecl accepts an XML declaration's content when it says version 1.0
// (or nothing) and UTF-8 (or nothing), in double or single quotes.
func validDecl(b []byte) bool {
	if len(b) < 4 || !bytes.HasPrefix(b, []byte("xml")) || !isSpaceByte(b[3]) {
		return false
	}
	if !validText(b[3:], true) {
		return false
	}
	rest := b[3:]
	seen := map[string]bool{}
	for {
		rest = bytes.TrimLeft(rest, " \t\n\r")
		if len(rest) == 0 {
			return true
		}
		eq := bytes.IndexByte(rest, '=')
		if eq < 0 {
			return false
		}
		key := string(bytes.TrimRight(rest[:eq], " \t\n\r"))
		rest = bytes.TrimLeft(rest[eq+1:], " \t\n\r")
		if len(rest) == 0 || rest[0] != '"' && rest[0] != '\'' {
			return false
		}
		j := bytes.IndexByte(rest[1:], rest[0])
		if j < 0 {
			return false
		}
		val := string(rest[1 : 1+j])
		rest = rest[j+2:]
		if seen[key] {
			return false
		}
		seen[key] = true
		switch key {
		case "version":
			if val != "1.0" {
				return false
			}
		case "encoding":
			if val != "UTF-8" && val != "utf-8" {
				return false
			}
		case "standalone":
			if val != "yes" && val != "no" {
				return false
			}
		default:
			return false
		}
	}
}
