package ingest

import (
	"archive/zip"
	"bufio"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"path"
	"regexp"
	"strings"

	"github.com/xuri/excelize/v2"
)

// sheetMeta is what ingest needs to know about a sheet before streaming it.
type sheetMeta struct {
	Name   string
	Index  int // 1-based
	Hidden bool
	Part   string // zip part name, e.g. xl/worksheets/sheet1.xml
}

// bookMeta is the workbook structure read from its own XML parts.
type bookMeta struct {
	Sheets   []sheetMeta
	Date1904 bool
}

// readBookMeta reads sheet names, visibility, part names and the date
// system from xl/workbook.xml and its relationships.
func readBookMeta(zr *zip.Reader) (*bookMeta, error) {
	wbx, err := readPart(zr, "xl/workbook.xml", 32<<20)
	if err != nil {
		return nil, err
	}
	var wb struct {
		Pr struct {
			Date1904 string `xml:"date1904,attr"`
		} `xml:"workbookPr"`
		Sheets []struct {
			Name  string `xml:"name,attr"`
			State string `xml:"state,attr"`
			RID   string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	if err := xml.Unmarshal(wbx, &wb); err != nil {
		return nil, fmt.Errorf("xl/workbook.xml: %v", err)
	}
	rels := map[string]string{}
	if rx, err := readPart(zr, "xl/_rels/workbook.xml.rels", 32<<20); err == nil {
		var r struct {
			Rel []struct {
				ID     string `xml:"Id,attr"`
				Target string `xml:"Target,attr"`
			} `xml:"Relationship"`
		}
		if err := xml.Unmarshal(rx, &r); err == nil {
			for _, x := range r.Rel {
				t := x.Target
				if strings.HasPrefix(t, "/") {
					t = strings.TrimPrefix(t, "/")
				} else {
					t = path.Join("xl", t)
				}
				rels[x.ID] = t
			}
		}
	}
	m := &bookMeta{Date1904: wb.Pr.Date1904 == "1" || strings.EqualFold(wb.Pr.Date1904, "true")}
	for i, s := range wb.Sheets {
		m.Sheets = append(m.Sheets, sheetMeta{Name: s.Name, Index: i + 1, Hidden: s.State == "hidden" || s.State == "veryHidden", Part: rels[s.RID]})
	}
	return m, nil
}

func readPart(zr *zip.Reader, name string, limit int64) ([]byte, error) {
	for _, f := range zr.File {
		if strings.EqualFold(f.Name, name) {
			rc, err := f.Open()
			if err != nil {
				return nil, err
			}
			defer rc.Close()
			b, err := io.ReadAll(io.LimitReader(rc, limit+1))
			if err != nil {
				return nil, err
			}
			if int64(len(b)) > limit {
				return nil, fmt.Errorf("%s is larger than %d bytes", name, limit)
			}
			return b, nil
		}
	}
	return nil, fmt.Errorf("no part %s", name)
}

// mergeRange is a merged block, 0-based columns and 1-based rows.
type mergeRange struct {
	Ref                    string
	Col0, Row0, Col1, Row1 int
}

func (m mergeRange) contains(col, row int) bool {
	return col >= m.Col0 && col <= m.Col1 && row >= m.Row0 && row <= m.Row1
}

// sheetScan is what a streaming pass over a sheet's XML finds: merged
// ranges and formula cells that have no saved result.
type sheetScan struct {
	Merges         []mergeRange
	FormulaNoValue map[string]bool
}

var refAttr = regexp.MustCompile(`\bref="([A-Za-z]+[0-9]+)(?::([A-Za-z]+[0-9]+))?"`)
var rAttr = regexp.MustCompile(`\br="([A-Za-z]+[0-9]+)"`)

// scanSheet streams a sheet part once, splitting on '>' so that each
// token is one tag (memory stays bounded whatever the sheet's size).
func scanSheet(zr *zip.Reader, part string) (*sheetScan, error) {
	sc := &sheetScan{FormulaNoValue: map[string]bool{}}
	var zf *zip.File
	for _, f := range zr.File {
		if f.Name == part {
			zf = f
		}
	}
	if zf == nil {
		return sc, nil
	}
	rc, err := zf.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	s := bufio.NewScanner(io.LimitReader(rc, maxUnzipped))
	s.Buffer(make([]byte, 64<<10), 64<<20)
	s.Split(func(data []byte, atEOF bool) (int, []byte, error) {
		if i := bytes.IndexByte(data, '>'); i >= 0 {
			return i + 1, data[:i+1], nil
		}
		if atEOF && len(data) > 0 {
			return len(data), data, nil
		}
		return 0, nil, nil
	})
	var cur string
	inCell, hasF, hasV := false, false, false
	for s.Scan() {
		tok := s.Bytes()
		lt := bytes.LastIndexByte(tok, '<')
		if lt < 0 {
			continue
		}
		tag := tok[lt+1:]
		closing := len(tag) > 0 && tag[0] == '/'
		selfClose := bytes.HasSuffix(tag, []byte("/>"))
		name := bytes.TrimPrefix(tag, []byte("/"))
		if j := bytes.IndexAny(name, " />\t\r\n"); j >= 0 {
			name = name[:j]
		}
		if k := bytes.IndexByte(name, ':'); k >= 0 {
			name = name[k+1:]
		}
		switch {
		case !closing && string(name) == "c":
			cur, hasF, hasV = "", false, false
			if m := rAttr.FindSubmatch(tag); m != nil {
				cur = string(m[1])
			}
			inCell = !selfClose
		case !closing && string(name) == "f" && inCell:
			hasF = true
		case !closing && (string(name) == "v" || string(name) == "is") && inCell:
			hasV = true
		case closing && string(name) == "c":
			if inCell && hasF && !hasV && cur != "" {
				if len(sc.FormulaNoValue) < 10000 {
					sc.FormulaNoValue[cur] = true
				}
			}
			inCell = false
		case !closing && string(name) == "mergeCell":
			if m := refAttr.FindSubmatch(tag); m != nil {
				a := string(m[1])
				b := a
				if len(m[2]) > 0 {
					b = string(m[2])
				}
				c0, r0, e1 := excelize.CellNameToCoordinates(a)
				c1, r1, e2 := excelize.CellNameToCoordinates(b)
				if e1 == nil && e2 == nil {
					sc.Merges = append(sc.Merges, mergeRange{Ref: a + ":" + b, Col0: c0 - 1, Row0: r0, Col1: c1 - 1, Row1: r1})
				}
			}
		}
	}
	if err := s.Err(); err != nil {
		return nil, fmt.Errorf("reading %s: %v", part, err)
	}
	return sc, nil
}
