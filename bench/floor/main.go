// Command floor measures what reading a sheet cannot go below on this
// machine: inflating the sheet's XML with Go's compress/flate and scanning
// it for "<c" (cell elements), nothing else. The ingest benchmark's time
// divided by this one is how far the reader is from the limit.
//
//	go run ./bench/floor [-runs 3] WORKBOOK.xlsx
//
// It prints one line per run and then the median:
//
//	floor seconds=0.412 xml_mb=301.2 cells=8000008 mb_per_s=731.1
package main

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"encoding/xml"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path"
	"slices"
	"strings"
	"time"
)

func main() {
	runs := flag.Int("runs", 3, "runs; the median is printed last")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: floor [-runs N] WORKBOOK.xlsx")
		os.Exit(2)
	}
	if err := run(flag.Arg(0), *runs); err != nil {
		fmt.Fprintln(os.Stderr, "floor:", err)
		os.Exit(1)
	}
}

func run(file string, runs int) error {
	zr, err := zip.OpenReader(file)
	if err != nil {
		return err
	}
	defer zr.Close()
	zf, err := firstSheet(&zr.Reader)
	if err != nil {
		return err
	}
	if zf.Method != zip.Deflate {
		return fmt.Errorf("%s is not deflated (method %d)", zf.Name, zf.Method)
	}
	var secs []float64
	var size, cells int64
	for range max(runs, 1) {
		start := time.Now()
		size, cells, err = inflateScan(zf)
		if err != nil {
			return err
		}
		s := time.Since(start).Seconds()
		secs = append(secs, s)
		fmt.Printf("run seconds=%.3f\n", s)
	}
	slices.Sort(secs)
	med := secs[len(secs)/2]
	mb := float64(size) / (1 << 20)
	fmt.Printf("floor seconds=%.3f xml_mb=%.1f cells=%d mb_per_s=%.1f\n", med, mb, cells, mb/med)
	return nil
}

// inflateScan inflates the part with compress/flate directly (no CRC
// check) and counts "<c" followed by a space or '>' (so <cols>, <col> are
// not counted).
func inflateScan(zf *zip.File) (size, cells int64, err error) {
	raw, err := zf.OpenRaw()
	if err != nil {
		return 0, 0, err
	}
	fr := flate.NewReader(raw)
	defer fr.Close()
	buf := make([]byte, 256<<10)
	carry := 0 // bytes kept from the previous read (a "<c" cut at the edge)
	for {
		n, err := fr.Read(buf[carry:])
		size += int64(n)
		b := buf[:carry+n]
		end := len(b)
		if err == nil && end >= 2 {
			end -= 2 // look at the last two bytes again with what follows
		}
		for i := 0; i < end; {
			j := bytes.Index(b[i:], []byte("<c"))
			if j < 0 || i+j >= end {
				break
			}
			k := i + j + 2
			if k < len(b) && (b[k] == ' ' || b[k] == '>') {
				cells++
			}
			i = i + j + 2
		}
		carry = copy(buf, b[end:])
		if err == io.EOF {
			return size, cells, nil
		}
		if err != nil {
			return size, cells, err
		}
	}
}

// firstSheet finds the first sheet's part through the workbook and its
// relationships.
func firstSheet(zr *zip.Reader) (*zip.File, error) {
	read := func(name string) ([]byte, error) {
		f, err := zr.Open(name)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		return io.ReadAll(f)
	}
	wb, err := read("xl/workbook.xml")
	if err != nil {
		return nil, err
	}
	var w struct {
		Sheets []struct {
			RID string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	if err := xml.Unmarshal(wb, &w); err != nil || len(w.Sheets) == 0 {
		return nil, errors.New("no sheet in xl/workbook.xml")
	}
	rels, err := read("xl/_rels/workbook.xml.rels")
	if err != nil {
		return nil, err
	}
	var r struct {
		Rel []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if err := xml.Unmarshal(rels, &r); err != nil {
		return nil, err
	}
	for _, x := range r.Rel {
		if x.ID == w.Sheets[0].RID {
			name := strings.TrimPrefix(x.Target, "/")
			if !strings.HasPrefix(x.Target, "/") {
				name = path.Join("xl", x.Target)
			}
			for _, f := range zr.File {
				if f.Name == name {
					return f, nil
				}
			}
			return nil, fmt.Errorf("no part %s", name)
		}
	}
	return nil, errors.New("the first sheet has no relationship")
}
