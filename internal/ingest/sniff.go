package ingest

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"os"
	"strings"
)

// kind is what a file is, by its first bytes, whatever its name says.
type kind int

const (
	kindUnknown kind = iota
	kindEmpty
	kindZip    // OOXML (or ODS, or another zip)
	kindCFB    // OLE2 compound file: legacy .xls or an encrypted workbook
	kindText   // CSV or other text
	kindBinary // something else
)

var (
	magicZip = []byte("PK\x03\x04")
	magicCFB = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
)

// sniff reads the first bytes of a file.
func sniff(path string) (kind, []byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return kindUnknown, nil, err
	}
	defer f.Close()
	head := make([]byte, 4096)
	n, err := io.ReadFull(f, head)
	if err != nil && err != io.ErrUnexpectedEOF && err != io.EOF {
		return kindUnknown, nil, err
	}
	head = head[:n]
	switch {
	case n == 0:
		return kindEmpty, head, nil
	case bytes.HasPrefix(head, magicZip), bytes.HasPrefix(head, []byte("PK\x05\x06")):
		return kindZip, head, nil
	case bytes.HasPrefix(head, magicCFB):
		return kindCFB, head, nil
	case looksText(head):
		return kindText, head, nil
	}
	return kindBinary, head, nil
}

// looksText reports whether the bytes are text in one of the encodings we
// read (a UTF-16 BOM, or no NUL bytes).
func looksText(b []byte) bool {
	if bytes.HasPrefix(b, []byte{0xFF, 0xFE}) || bytes.HasPrefix(b, []byte{0xFE, 0xFF}) {
		return true
	}
	return bytes.IndexByte(b, 0) < 0
}

// describeCFB tells an encrypted OOXML workbook from a legacy .xls: the
// encrypted one carries an "EncryptionInfo" stream.
func describeCFB(path string) string {
	f, err := os.Open(path)
	if err != nil {
		return "an OLE2 compound file"
	}
	defer f.Close()
	buf := make([]byte, 1<<20)
	n, _ := io.ReadFull(f, buf)
	buf = buf[:n]
	utf16 := func(s string) []byte {
		var b []byte
		for _, r := range s {
			b = append(b, byte(r), 0)
		}
		return b
	}
	switch {
	case bytes.Contains(buf, utf16("EncryptionInfo")), bytes.Contains(buf, utf16("EncryptedPackage")):
		return "an encrypted (password-protected) workbook; export an unprotected copy (File > Save As without a password) and map that"
	case bytes.Contains(buf, utf16("Workbook")), bytes.Contains(buf, utf16("Book")):
		return "a legacy Excel 97-2003 workbook (.xls), not XLSX; open it and save it as .xlsx or export CSV"
	}
	return "an OLE2 compound file (not XLSX); save it as .xlsx or export CSV"
}

// zip limits: a workbook may inflate to at most maxUnzipped bytes in all,
// and a part larger than ratioFloor may not inflate more than maxRatio
// times its compressed size (a zip bomb does, real sheets do not).
const (
	maxUnzipped = 4 << 30
	maxXMLInMem = 16 << 20
	ratioFloor  = 8 << 20
	maxRatio    = 250
)

// checkZip refuses zip bombs and tells ODS and other zips from XLSX before
// excelize opens the file.
func checkZip(path string) error {
	zr, err := zip.OpenReader(path)
	if err != nil {
		return fmt.Errorf("not a readable XLSX (truncated or damaged zip: %v)", err)
	}
	defer zr.Close()
	var total uint64
	hasWorkbook := false
	for _, f := range zr.File {
		total += f.UncompressedSize64
		if f.UncompressedSize64 > ratioFloor && f.UncompressedSize64 > maxRatio*max(f.CompressedSize64, 1) {
			return fmt.Errorf("refused: part %s would inflate from %d bytes to %d (a zip bomb?)", f.Name, f.CompressedSize64, f.UncompressedSize64)
		}
		if total > maxUnzipped {
			return fmt.Errorf("refused: the workbook would inflate to more than %d bytes", uint64(maxUnzipped))
		}
		name := strings.ToLower(f.Name)
		if name == "xl/workbook.xml" {
			hasWorkbook = true
		}
		if name == "mimetype" {
			if rc, err := f.Open(); err == nil {
				b, _ := io.ReadAll(io.LimitReader(rc, 200))
				rc.Close()
				if bytes.Contains(b, []byte("opendocument.spreadsheet")) {
					return fmt.Errorf("an OpenDocument spreadsheet (.ods), not XLSX; save it as .xlsx or export CSV")
				}
			}
		}
	}
	if !hasWorkbook {
		return fmt.Errorf("a zip file without xl/workbook.xml: not an XLSX workbook")
	}
	return nil
}
