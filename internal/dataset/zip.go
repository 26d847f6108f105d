package dataset

import (
	"archive/zip"
	"bytes"
	"io"
	"slices"
	"strings"
)

// sortedZip rewrites a zip archive with its entries in name order and no
// timestamps. excelize writes a workbook's parts in map order, so without
// this the same data would give different bytes from one build to the next.
func sortedZip(b []byte) ([]byte, error) {
	r, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return nil, err
	}
	files := slices.Clone(r.File)
	slices.SortFunc(files, func(a, b *zip.File) int {
		// [Content_Types].xml first, as Excel writes it.
		ac, bc := a.Name == "[Content_Types].xml", b.Name == "[Content_Types].xml"
		if ac != bc {
			if ac {
				return -1
			}
			return 1
		}
		return strings.Compare(a.Name, b.Name)
	})
	var out bytes.Buffer
	w := zip.NewWriter(&out)
	for _, f := range files {
		dst, err := w.CreateHeader(&zip.FileHeader{Name: f.Name, Method: zip.Deflate})
		if err != nil {
			return nil, err
		}
		src, err := f.Open()
		if err != nil {
			return nil, err
		}
		_, err = io.Copy(dst, src)
		src.Close()
		if err != nil {
			return nil, err
		}
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}
