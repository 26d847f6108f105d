package ingest

import (
	"archive/zip"
	"context"
	"os"
	"strings"
	"sync/atomic"

	"github.com/xuri/excelize/v2"
)

// fastSheets turns the fast sheet reader on; PRISONSTATS_FASTSHEET=0 turns
// it off (every sheet then goes through excelize's Rows, as before).
var fastSheets = os.Getenv("PRISONSTATS_FASTSHEET") != "0"

// fastStats counts what the fast reader did, for tests and benchmarks.
var fastStats struct {
	Sheets, Bailed atomic.Int64
}

// readSheetFast reads one sheet of an open workbook with the fast reader
// (fastRows over the sheet's XML part) into the table t, whose scan it
// sets. It returns false, with t's observations and findings as they were
// before, when the sheet is not one it reads exactly as excelize would;
// the caller then reads it the usual way. The workbook's structure (shared
// strings, the sheet's part) is what excelize f reads.
func readSheetFast(ctx context.Context, zr *zip.Reader, f *excelize.File, meta *bookMeta, sh sheetMeta, t *table) bool {
	if !fastSheets {
		return false
	}
	zf, ok := fastPart(zr, meta, sh)
	if !ok {
		return false
	}
	sst, noSST, ok := fastSharedStrings(f, sh.Name)
	if !ok {
		return false
	}
	// Most large sheets have neither formulas nor merged cells: one pass,
	// with scanSheet's empty result, checked at the end.
	if ok, done := fastRead(ctx, zf, sst, noSST, t, nil); done {
		return ok
	}
	scan, err := scanSheet(zr, zf.Name)
	if err != nil {
		return false
	}
	ok, _ = fastRead(ctx, zf, sst, noSST, t, scan)
	return ok
}

// fastRead reads the sheet into t with the fast rows and scan. With scan
// nil it assumes scanSheet's empty result and then reads the rest of the
// sheet to check it: an element named f or mergeCell anywhere means the
// assumption may be wrong, and it returns done false (t as before) for a
// read with scanSheet's scan. ok false: the sheet needs excelize.
func fastRead(ctx context.Context, zf *zip.File, sst []string, noSST bool, t *table, scan *sheetScan) (ok, done bool) {
	rc, err := zf.Open()
	if err != nil {
		return false, true
	}
	defer rc.Close()
	obs0, find0 := *t.out, *t.findings
	restore := func() {
		clear((*t.out)[len(obs0):])
		*t.out, *t.findings = obs0[:len(obs0)], find0[:len(find0)]
	}
	optimistic := scan == nil
	if optimistic {
		scan = &sheetScan{FormulaNoValue: map[string]bool{}}
	}
	rows := &fastRows{s: newFastScanner(rc), sst: sst, noSST: noSST}
	tb := *t // table.read sets its own maps; keep t fresh for a second read
	tb.scan = scan
	tb.read(ctx, &fastGrid{r: rows})
	fastStats.Sheets.Add(1)
	if optimistic && !rows.bailed {
		for rows.s.next() {
		}
		if rows.s.Err() != nil || rows.s.sawF || rows.s.sawMerge {
			restore()
			return false, false
		}
	}
	if rows.bailed {
		fastStats.Bailed.Add(1)
		restore()
		return false, true
	}
	return true, true
}

// fastPart finds the sheet's part when nothing about the package could make
// excelize read another one: one entry by that name, no backslashes in
// names, no other sheet whose name differs only in case.
func fastPart(zr *zip.Reader, meta *bookMeta, sh sheetMeta) (*zip.File, bool) {
	if !strings.HasPrefix(sh.Part, "xl/worksheets/") {
		return nil, false
	}
	for _, o := range meta.Sheets {
		if o.Index != sh.Index && strings.EqualFold(o.Name, sh.Name) {
			return nil, false
		}
	}
	var zf *zip.File
	for _, e := range zr.File {
		if strings.ContainsRune(e.Name, '\\') {
			return nil, false
		}
		if strings.EqualFold(e.Name, sh.Part) {
			if zf != nil || e.Name != sh.Part {
				return nil, false
			}
			zf = e
		}
		if strings.EqualFold(e.Name, "xl/sharedStrings.xml") && e.UncompressedSize64 > maxXMLInMem {
			return nil, false // excelize reads these from a temporary file
		}
	}
	return zf, zf != nil
}

// fastSharedStrings has excelize read the shared strings, by reading the
// sheet's first rows, and returns them as excelize gives them. noSST is
// true when excelize did not read them (the sheet has no row with cells):
// a shared-string cell then bails.
func fastSharedStrings(f *excelize.File, sheet string) (sst []string, noSST, ok bool) {
	rows, err := f.Rows(sheet)
	if err != nil {
		return nil, false, false
	}
	defer rows.Close()
	// Columns reads the shared strings once it reaches a row that is there
	for i := 0; f.SharedStrings == nil && i < excelize.TotalRows+1 && rows.Next(); i++ {
		if _, err := rows.Columns(excelize.Options{RawCellValue: true}); err != nil {
			return nil, false, false
		}
	}
	if rows.Error() != nil {
		return nil, false, false
	}
	if f.SharedStrings == nil {
		return nil, true, true
	}
	sst = make([]string, len(f.SharedStrings.SI))
	for i := range f.SharedStrings.SI {
		sst[i] = f.SharedStrings.SI[i].String()
	}
	return sst, false, true
}
