package ingest

import (
	"archive/zip"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/prisonstats/prisonstats/internal/finding"
	"github.com/prisonstats/prisonstats/internal/obs"
	"github.com/prisonstats/prisonstats/internal/places"
)

// Options says where the mapping and the files are.
type Options struct {
	Root    string            // project root; mapping file paths and obs.Source.File are relative to it
	Sources string            // path of the mapping: a TOML file, or a folder of *.toml
	Places  *places.Gazetteer // resolves place names; a source may name its own
}

// Result is what reading gives.
type Result struct {
	Observations []obs.Observation
	Findings     finding.List // everything found while reading (errors and warnings)
}

// Run reads every file every mapping names. A mapping that cannot be
// loaded is an error (naming the mapping file and the field); problems
// inside data files are Findings.
func Run(ctx context.Context, opt Options) (*Result, error) {
	mpath := opt.Sources
	if mpath == "" {
		mpath = "data/sources.toml"
	}
	if !filepath.IsAbs(mpath) && opt.Root != "" {
		mpath = filepath.Join(opt.Root, mpath)
	}
	maps, err := LoadMappings(mpath)
	if err != nil {
		return nil, err
	}
	res := &Result{}
	for _, m := range maps {
		for i := range m.Sources {
			src := &m.Sources[i]
			g := opt.Places
			if src.Places != "" {
				p := src.Places
				if !filepath.IsAbs(p) {
					p = filepath.Join(filepath.Dir(m.Path), p)
				}
				g, err = places.Load(p)
				if err != nil {
					return nil, fmt.Errorf("%s: source[%d].places: %w", m.Path, i, err)
				}
			}
			pattern := src.File
			if !filepath.IsAbs(pattern) {
				pattern = filepath.Join(opt.Root, pattern)
			}
			files, err := filepath.Glob(pattern)
			if err != nil {
				return nil, fmt.Errorf("%s: source[%d].file: %w", m.Path, i, err)
			}
			sort.Strings(files)
			if len(files) == 0 {
				res.Findings = append(res.Findings, finding.Errorf(obs.Source{File: src.File}, finding.SourceError, "no file matches (mapping %s, source[%d])", m.Path, i))
				continue
			}
			for _, f := range files {
				if err := ctx.Err(); err != nil {
					return nil, err
				}
				readFile(ctx, src, f, display(opt.Root, f), g, res)
			}
		}
	}
	return res, nil
}

// display is a file's path relative to the root, with forward slashes.
func display(root, path string) string {
	if root != "" {
		if r, err := filepath.Rel(root, path); err == nil && !strings.HasPrefix(r, "..") {
			return filepath.ToSlash(r)
		}
	}
	return filepath.ToSlash(path)
}

// ReadFile reads one file through one source (Run does it for every file a
// mapping names). Findings and observations are appended to res.
func ReadFile(ctx context.Context, src *Source, path, shown string, g *places.Gazetteer, res *Result) {
	readFile(ctx, src, path, shown, g, res)
}

func readFile(ctx context.Context, src *Source, path, shown string, g *places.Gazetteer, res *Result) {
	at := obs.Source{File: shown}
	defer func() {
		if r := recover(); r != nil {
			res.Findings = append(res.Findings, finding.Errorf(at, finding.SourceError, "cannot read the file (internal error: %v)", r))
		}
	}()
	k, _, err := sniff(path)
	if err != nil {
		res.Findings = append(res.Findings, finding.Errorf(at, finding.SourceError, "%v", err))
		return
	}
	ext := strings.ToLower(filepath.Ext(path))
	isBook := ext == ".xlsx" || ext == ".xlsm" || ext == ".xls" || ext == ".ods"
	switch {
	case k == kindEmpty:
		res.Findings = append(res.Findings, finding.Errorf(at, finding.SourceError, "the file is empty"))
	case k == kindCFB:
		res.Findings = append(res.Findings, finding.Errorf(at, finding.SourceError, "%s", describeCFB(path)))
	case k == kindZip:
		if err := checkZip(path); err != nil {
			res.Findings = append(res.Findings, finding.Errorf(at, finding.SourceError, "%v", err))
			return
		}
		readXLSX(ctx, src, path, shown, g, res)
	case k == kindText && isBook:
		res.Findings = append(res.Findings, finding.Errorf(at, finding.SourceError, "a text (CSV) file named %s, not a workbook; rename it .csv and map it as CSV", ext))
	case k == kindText:
		readCSV(ctx, src, path, shown, g, res)
	default:
		res.Findings = append(res.Findings, finding.Errorf(at, finding.SourceError, "not a spreadsheet: neither XLSX nor text"))
	}
}

// openBook opens a workbook with limits that refuse zip bombs and keep
// large sheets on disk rather than in memory.
func openBook(path string) (*excelize.File, error) {
	f, err := excelize.OpenFile(path, excelize.Options{RawCellValue: true, UnzipSizeLimit: maxUnzipped, UnzipXMLSizeLimit: maxXMLInMem})
	if err != nil {
		switch {
		case errors.Is(err, excelize.ErrWorkbookFileFormat):
			return nil, fmt.Errorf("not an XLSX workbook: %v", err)
		case strings.Contains(err.Error(), "unzip size limit"):
			return nil, fmt.Errorf("refused: the workbook inflates beyond the size limit (a zip bomb?)")
		}
		return nil, fmt.Errorf("cannot open the workbook: %v", err)
	}
	return f, nil
}

func readXLSX(ctx context.Context, src *Source, path, shown string, g *places.Gazetteer, res *Result) {
	at := obs.Source{File: shown}
	zr, err := zip.OpenReader(path)
	if err != nil {
		res.Findings = append(res.Findings, finding.Errorf(at, finding.SourceError, "not a readable XLSX: %v", err))
		return
	}
	defer zr.Close()
	meta, err := readBookMeta(&zr.Reader)
	if err != nil {
		res.Findings = append(res.Findings, finding.Errorf(at, finding.SourceError, "not a readable XLSX: %v", err))
		return
	}
	sheets, err := selectSheets(meta.Sheets, src.Sheets)
	if err != nil {
		res.Findings = append(res.Findings, finding.Errorf(at, finding.MappingError, "sheets: %v", err))
		return
	}
	f, err := openBook(path)
	if err != nil {
		res.Findings = append(res.Findings, finding.Errorf(at, finding.SourceError, "%v", err))
		return
	}
	defer f.Close()
	for _, sh := range sheets {
		sat := obs.Source{File: shown, Sheet: sh.Name}
		if readSheetFast(ctx, &zr.Reader, f, meta, sh, &table{src: src, file: shown, base: filepath.Base(path), sheet: sh.Name,
			date1904: meta.Date1904, g: g, findings: &res.Findings, out: &res.Observations}) {
			continue // read by the fast sheet reader (fastread.go); otherwise excelize's Rows below
		}
		scan, err := scanSheet(&zr.Reader, sh.Part)
		if err != nil {
			res.Findings = append(res.Findings, finding.Errorf(sat, finding.SourceError, "%v", err))
			continue
		}
		rows, err := f.Rows(sh.Name)
		if err != nil {
			res.Findings = append(res.Findings, finding.Errorf(sat, finding.SourceError, "cannot read the sheet: %v", err))
			continue
		}
		t := &table{src: src, file: shown, base: filepath.Base(path), sheet: sh.Name, scan: scan, date1904: meta.Date1904,
			g: g, findings: &res.Findings, out: &res.Observations}
		t.read(ctx, &xlsxGrid{rows: rows})
		if err := rows.Close(); err != nil {
			res.Findings = append(res.Findings, finding.Errorf(sat, finding.SourceError, "closing the sheet: %v", err))
		}
	}
}

// selectSheets picks sheets by name, glob or "#N". Hidden sheets are taken
// only when named exactly (or by index).
func selectSheets(all []sheetMeta, want []string) ([]sheetMeta, error) {
	var out []sheetMeta
	pick := func(s sheetMeta) {
		if !slices.ContainsFunc(out, func(o sheetMeta) bool { return o.Index == s.Index }) {
			out = append(out, s)
		}
	}
	if len(want) == 0 {
		for _, s := range all {
			if !s.Hidden {
				pick(s)
			}
		}
	}
	for _, w := range want {
		n := 0
		if strings.HasPrefix(w, "#") {
			i, err := strconv.Atoi(w[1:])
			if err != nil || i < 1 || i > len(all) {
				return nil, fmt.Errorf("%q: no sheet with that index (the workbook has %d)", w, len(all))
			}
			pick(all[i-1])
			continue
		}
		for _, s := range all {
			if s.Name == w || (!s.Hidden && glob(w, s.Name)) {
				pick(s)
				n++
			}
		}
		if n == 0 {
			var names []string
			for _, s := range all {
				names = append(names, s.Name)
			}
			return nil, fmt.Errorf("no sheet matches %q; found: %s", w, strings.Join(names, ", "))
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Index < out[j].Index })
	return out, nil
}

func readCSV(ctx context.Context, src *Source, path, shown string, g *places.Gazetteer, res *Result) {
	at := obs.Source{File: shown}
	fh, err := os.Open(path)
	if err != nil {
		res.Findings = append(res.Findings, finding.Errorf(at, finding.SourceError, "%v", err))
		return
	}
	defer fh.Close()
	gr, enc := newCSVGrid(fh, src.Encoding, src.Delimiter)
	t := &table{src: src, file: shown, base: filepath.Base(path), csv: true, g: g, findings: &res.Findings, out: &res.Observations}
	t.read(ctx, gr)
	if gr.badUTF8 > 0 {
		res.Findings = append(res.Findings, finding.Errorf(obs.Source{File: shown, Line: gr.badUTF8}, finding.SourceError,
			"invalid UTF-8 (read as %s); if the file is Windows-1252, set encoding = \"windows-1252\"", enc))
	}
	if err := gr.err; err != nil {
		var pe *csv.ParseError
		switch {
		case errors.As(err, &pe):
			res.Findings = append(res.Findings, finding.Errorf(obs.Source{File: shown, Line: pe.StartLine, Column: pe.Column}, finding.SourceError, "CSV: %v", pe.Err))
		case errors.Is(err, errLongLine):
			res.Findings = append(res.Findings, finding.Errorf(at, finding.SourceError, "refused: %v", err))
		default:
			res.Findings = append(res.Findings, finding.Errorf(at, finding.SourceError, "cannot read: %v", err))
		}
	}
}
