package pack

import (
	"bytes"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf16"

	"golang.org/x/net/html"
)

// docMeta is what a print page says about itself: its <title>, its
// <meta name="description"> and its <html lang>; and the date the PDF is
// stamped with (the data release, YYYY-MM-DD), which readMeta leaves empty.
type docMeta struct {
	Title, Subject, Lang string
	Date                 string
}

// readMeta reads the head of a print page.
func readMeta(r io.Reader) docMeta {
	var m docMeta
	z := html.NewTokenizer(r)
	inTitle := false
	for {
		switch z.Next() {
		case html.ErrorToken:
			return m
		case html.StartTagToken, html.SelfClosingTagToken:
			t := z.Token()
			switch t.Data {
			case "html":
				m.Lang = attr(t, "lang")
			case "title":
				inTitle = true
			case "meta":
				if strings.EqualFold(attr(t, "name"), "description") {
					m.Subject = attr(t, "content")
				}
			case "body":
				return m
			}
		case html.TextToken:
			if inTitle {
				m.Title += string(z.Text())
			}
		case html.EndTagToken:
			if t := z.Token(); t.Data == "title" {
				inTitle = false
			} else if t.Data == "head" {
				return m
			}
		}
	}
}

func attr(t html.Token, name string) string {
	for _, a := range t.Attr {
		if a.Key == name {
			return a.Val
		}
	}
	return ""
}

var (
	trailerRe   = regexp.MustCompile(`trailer\s*<<((?s:.*?))>>\s*startxref\s*(\d+)\s*%%EOF\s*$`)
	sizeRe      = regexp.MustCompile(`/Size\s+(\d+)`)
	rootRe      = regexp.MustCompile(`/Root\s+(\d+\s+\d+\s+R)`)
	infoRe      = regexp.MustCompile(`/Info\s+(\d+)\s+0\s+R`)
	pdfStringRe = `(\((?:[^()\\]|\\.)*\)|<[0-9A-Fa-f\s]*>)`
	keepKeys    = []string{"Creator", "Producer", "CreationDate", "ModDate"}
	dateKeys    = []string{"CreationDate", "ModDate"}
)

// pdfDate is date (YYYY-MM-DD) as a PDF date string at midnight UTC, in
// the form Chromium writes.
func pdfDate(date string) (string, error) {
	d, err := time.Parse(time.DateOnly, date)
	if err != nil {
		return "", fmt.Errorf("pdf date: %q is not a date YYYY-MM-DD", date)
	}
	return "(D:" + d.Format("20060102") + "000000+00'00')", nil
}

// blankEntries overwrites, in place, each of keys' entries (key and
// string value) in the dictionary body pdf[start:end] with spaces: the
// file keeps its length, so its cross-reference offsets hold, and the
// dictionary stays valid.
func blankEntries(pdf []byte, start, end int, keys []string) {
	for _, k := range keys {
		re := regexp.MustCompile(`/` + k + `\s*` + pdfStringRe)
		for _, loc := range re.FindAllIndex(pdf[start:end], -1) {
			for i := start + loc[0]; i < start+loc[1]; i++ {
				pdf[i] = ' '
			}
		}
	}
}

// setInfo returns pdf with an incremental update that sets the document
// information's Title and Subject (the other entries Chromium wrote are
// kept). Chromium already writes the title and, in a tagged PDF, the
// catalog's /Lang from <html lang>; it never writes a subject. Only PDFs
// with a classic trailer (what Chromium's Skia writes) are handled.
//
// When m.Date is set, the creation and modification dates become that day
// at midnight UTC, and the clock times Chromium wrote in its own Info
// object are blanked in place, so that printing the same page twice gives
// the same bytes.
func setInfo(pdf []byte, m docMeta) ([]byte, error) {
	var date string
	if m.Date != "" {
		var err error
		if date, err = pdfDate(m.Date); err != nil {
			return nil, err
		}
	}
	tail := pdf[max(0, len(pdf)-4096):]
	t := trailerRe.FindSubmatch(tail)
	if t == nil {
		return nil, fmt.Errorf("pdf: no classic trailer at the end of the file")
	}
	dict, prev := t[1], string(t[2])
	sm, rm := sizeRe.FindSubmatch(dict), rootRe.FindSubmatch(dict)
	if sm == nil || rm == nil {
		return nil, fmt.Errorf("pdf: trailer has no /Size or /Root")
	}
	size, err := strconv.Atoi(string(sm[1]))
	if err != nil {
		return nil, fmt.Errorf("pdf: trailer /Size: %w", err)
	}
	info := size // a new object, unless the trailer names one
	var old []byte
	if im := infoRe.FindSubmatch(dict); im != nil {
		info, _ = strconv.Atoi(string(im[1]))
		objRe := regexp.MustCompile(`(?:^|\s)` + strconv.Itoa(info) + `\s+0\s+obj\s*<<((?s:.*?))>>\s*endobj`)
		if om := objRe.FindSubmatchIndex(pdf); om != nil {
			old = slices.Clone(pdf[om[2]:om[3]])
			if date != "" {
				pdf = slices.Clone(pdf)
				blankEntries(pdf, om[2], om[3], dateKeys)
			}
		}
	}
	if info >= size {
		size = info + 1
	}

	var d strings.Builder
	d.WriteString("<<")
	if m.Title != "" {
		d.WriteString("/Title " + textString(m.Title) + "\n")
	} else if v := entry(old, "Title"); v != "" {
		d.WriteString("/Title " + v + "\n")
	}
	if m.Subject != "" {
		d.WriteString("/Subject " + textString(m.Subject) + "\n")
	}
	for _, k := range keepKeys {
		v := entry(old, k)
		if date != "" && slices.Contains(dateKeys, k) {
			v = date
		}
		if v != "" {
			d.WriteString("/" + k + " " + v + "\n")
		}
	}
	d.WriteString(">>")

	var b bytes.Buffer
	b.Grow(len(pdf) + 1024)
	b.Write(pdf)
	if !bytes.HasSuffix(pdf, []byte("\n")) {
		b.WriteByte('\n')
	}
	objAt := b.Len()
	fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", info, d.String())
	xrefAt := b.Len()
	fmt.Fprintf(&b, "xref\n%d 1\n%010d 00000 n \n", info, objAt)
	fmt.Fprintf(&b, "trailer\n<</Size %d\n/Root %s\n/Info %d 0 R\n/Prev %s>>\nstartxref\n%d\n%%%%EOF\n",
		size, rm[1], info, prev, xrefAt)
	return b.Bytes(), nil
}

// entry returns the raw value (a literal or hex string) of key in a PDF
// dictionary's body, or "".
func entry(dict []byte, key string) string {
	m := regexp.MustCompile(`/` + key + `\s*` + pdfStringRe).FindSubmatch(dict)
	if m == nil {
		return ""
	}
	return string(m[1])
}

// textString encodes s as a PDF text string: UTF-16BE with a byte-order
// mark, in hex, which holds any script.
func textString(s string) string {
	var b strings.Builder
	b.WriteString("<FEFF")
	for _, u := range utf16.Encode([]rune(s)) {
		fmt.Fprintf(&b, "%04X", u)
	}
	b.WriteString(">")
	return b.String()
}
