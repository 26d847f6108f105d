package ingest

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/prisonstats/prisonstats/internal/finding"
	"github.com/prisonstats/prisonstats/internal/obs"
	"github.com/prisonstats/prisonstats/internal/places"
)

// Field indexes into a row's field values, in fieldNames order.
const (
	fDate = iota
	fPlace
	fSex
	fStatus
	fAge
	fMeasure
	fCategory
	nFields
)

func fieldIndex(name string) int { return slices.Index(fieldNames, name) }

// table reads one sheet (or CSV file) through one source.
type table struct {
	src      *Source
	file     string // display path
	base     string // file name, for from = "file"
	sheet    string // "" for CSV
	csv      bool
	scan     *sheetScan
	date1904 bool
	g        *places.Gazetteer
	findings *finding.List
	out      *[]obs.Observation

	placeCache map[string]string
	personal   map[string]bool   // looksPersonal of field values seen, bounded
	strs       map[string]string // interned field values
	unknown    map[string]bool
	warned     map[string]bool
}

func (t *table) pos(col, row int) obs.Source {
	if t.csv {
		return obs.Source{File: t.file, Line: row, Column: col + 1}
	}
	return obs.Source{File: t.file, Sheet: t.sheet, Cell: cellRef(col, row)}
}

func (t *table) at() obs.Source {
	return obs.Source{File: t.file, Sheet: t.sheet}
}

func (t *table) add(f finding.Finding) { *t.findings = append(*t.findings, f) }

// warnOnce adds a warning once per key.
func (t *table) warnOnce(key string, f finding.Finding) {
	if t.warned[key] {
		return
	}
	t.warned[key] = true
	t.add(f)
}

type rowField struct {
	idx  int
	f    *Field
	cols []int
	cnst string // for constants and from = sheet/file
	set  bool   // cnst is set
}

type valueCol struct {
	cols    []int
	sum     bool
	percent string
	fields  [nFields]string
	has     [nFields]bool
}

func at(cells []string, i int) string {
	if i < len(cells) {
		return cells[i]
	}
	return ""
}

// read applies the source to a stream of rows.
func (t *table) read(ctx context.Context, gr grid) {
	s := t.src
	t.placeCache, t.unknown, t.warned = map[string]string{}, map[string]bool{}, map[string]bool{}

	// 1. the header rows
	var hdr [][]string
	var hdrNums []int
	if len(s.HeaderRows) > 0 {
		last := s.HeaderRows[len(s.HeaderRows)-1]
		for gr.Next() {
			n, cells := gr.Row()
			if slices.Contains(s.HeaderRows, n) {
				hdr = append(hdr, slices.Clone(cells))
				hdrNums = append(hdrNums, n)
			}
			if n >= last {
				break
			}
		}
		if len(hdr) != len(s.HeaderRows) {
			t.add(finding.Errorf(t.at(), finding.MappingError, "header_rows %v: the table has only %d rows", s.HeaderRows, len(hdr)))
			return
		}
	} else {
		for gr.Next() {
			n, cells := gr.Row()
			if len(hdr) > 0 {
				hdr = append(hdr, slices.Clone(cells))
				hdrNums = append(hdrNums, n)
			} else if t.holdsAll(cells, s.HeaderFind) {
				hdr = append(hdr, slices.Clone(cells))
				hdrNums = append(hdrNums, n)
			} else if n > 1000 {
				break
			}
			if len(hdr) == s.HeaderDepth {
				break
			}
		}
		if len(hdr) == 0 {
			t.add(finding.Errorf(t.at(), finding.MappingError, "header_find: no row in the first 1000 holds all of %q", s.HeaderFind))
			return
		}
	}
	if err := gr.Err(); err != nil {
		if !t.csv { // readCSV reports CSV errors with their line
			t.add(finding.Errorf(t.at(), finding.SourceError, "cannot read the header: %v", err))
		}
		return
	}
	h := t.names(hdr, hdrNums)
	lastHdr := hdrNums[len(hdrNums)-1]

	// 2. the plan: where each field and value comes from
	var rfs []rowField
	used := map[int]string{}
	for _, name := range fieldNames {
		f, ok := s.Fields[name]
		if !ok {
			continue
		}
		fp := &f
		rf := rowField{idx: fieldIndex(name), f: fp}
		switch {
		case f.Value != "":
			rf.cnst, rf.set = f.Value, true
		case f.From != "":
			raw := t.sheet
			if f.From == "file" {
				raw = t.base
			}
			v, skip, err := t.fieldValue(name, fp, raw, t.at())
			if err != nil || skip || v == "" {
				msg := "no value"
				if err != nil {
					msg = err.Error()
				}
				t.add(finding.Errorf(t.at(), finding.MappingError, "fields.%s: from %s %q: %s", name, f.From, raw, msg))
				return
			}
			rf.cnst, rf.set = v, true
		case len(f.Column) > 0:
			// several names are alternatives (aliases across files) and,
			// where several are there, the first non-blank cell wins
			var firstErr error
			for _, ref := range f.Column {
				i, err := h.find(ref)
				if err != nil {
					firstErr = cmp.Or(firstErr, err)
					continue
				}
				rf.cols = append(rf.cols, i)
				used[i] = "fields." + name
			}
			if len(rf.cols) == 0 {
				t.add(finding.Errorf(t.at(), finding.MappingError, "fields.%s.column: %v", name, firstErr))
				return
			}
		default:
			t.add(finding.Errorf(t.at(), finding.MappingError, "fields.%s: give value, column or from", name))
			return
		}
		rfs = append(rfs, rf)
	}
	type filter struct {
		col  int
		pats []string
		keep bool
	}
	var filters []filter
	for _, pair := range []struct {
		m    map[string][]string
		keep bool
		key  string
	}{{s.Keep, true, "keep"}, {s.Drop, false, "drop"}} {
		for ref, pats := range pair.m {
			i, err := h.find(ref)
			if err != nil {
				t.add(finding.Errorf(t.at(), finding.MappingError, "%s.%q: %v", pair.key, ref, err))
				return
			}
			used[i] = pair.key
			filters = append(filters, filter{i, pats, pair.keep})
		}
	}
	var vcs []valueCol
	for vi := range s.Values {
		vs := &s.Values[vi]
		var cols []int
		switch {
		case vs.Column != "":
			i, err := h.find(vs.Column)
			if err != nil {
				t.add(finding.Errorf(t.at(), finding.MappingError, "values[%d].column: %v", vi, err))
				return
			}
			cols = []int{i}
		case len(vs.Columns) > 0:
			cols = h.match(vs.Columns)
			if len(cols) == 0 {
				t.add(finding.Errorf(t.at(), finding.MappingError, "values[%d].columns: no column matches %q; found: %s", vi, vs.Columns, h.list()))
				return
			}
		default:
			lo, hi, _ := parseColRange(vs.Cols)
			if hi < 0 {
				hi = len(h.names) - 1
			}
			for i := lo; i <= hi; i++ {
				if i < len(h.names) && (h.names[i] != "" || len(vs.Header) == 0) {
					cols = append(cols, i)
				}
			}
			if len(cols) == 0 {
				t.add(finding.Errorf(t.at(), finding.MappingError, "values[%d].cols: no named column in %s", vi, vs.Cols))
				return
			}
		}
		groups := [][]int{cols}
		if !vs.Sum {
			groups = groups[:0]
			for _, c := range cols {
				groups = append(groups, []int{c})
			}
		}
	group:
		for _, gcols := range groups {
			vc := valueCol{cols: gcols, sum: vs.Sum, percent: vs.Percent}
			for k, v := range vs.Set {
				i := fieldIndex(k)
				vc.fields[i], vc.has[i] = v, true
			}
			for _, name := range fieldNames {
				f, ok := vs.Header[name]
				if !ok {
					continue
				}
				hpos := t.pos(gcols[0], lastHdr)
				v, skip, err := t.fieldValue(name, &f, at(h.names, gcols[0]), hpos)
				if skip {
					continue group
				}
				if err != nil {
					t.add(finding.Errorf(hpos, finding.MappingError, "values[%d].header.%s: %v", vi, name, err))
					continue group
				}
				i := fieldIndex(name)
				vc.fields[i], vc.has[i] = v, true
			}
			for _, c := range gcols {
				used[c] = fmt.Sprintf("values[%d]", vi)
			}
			vcs = append(vcs, vc)
		}
	}

	// 3. personal data: refuse the sheet when a mapped column holds it
	if !t.personalHeaders(h, used, lastHdr) {
		return
	}

	// 4. the rows
	start := s.DataStart
	if start == 0 {
		start = lastHdr + 1
	}
	section := [nFields]string{}
	sectionSkip := [nFields]bool{}
	for _, rf := range rfs {
		if rf.f.Section {
			section[rf.idx] = rf.f.Default
		}
	}
	width := len(h.names)
	lastData := 0
	rowsRead := 0
	for gr.Next() {
		n, cells := gr.Row()
		if n < start {
			continue
		}
		rowsRead++
		if rowsRead%4096 == 0 && ctx.Err() != nil {
			t.add(finding.Errorf(t.at(), finding.SourceError, "stopped: %v", ctx.Err()))
			return
		}
		first := -1
		for i, c := range cells {
			if strings.TrimSpace(c) != "" {
				first = i
				break
			}
		}
		if first < 0 {
			if s.BlankRows == "skip" || lastData == 0 {
				continue
			}
			t.afterBlank(gr, n, vcs)
			break
		}
		label, _ := cleanLabel(cells[first])
		if len(s.StopAt) > 0 && anyGlob(s.StopAt, s.stripFootnote(label)) {
			break
		}
		lastData = n
		if t.csv && width > 0 {
			if len(cells) < width {
				t.add(finding.Warnf(t.pos(len(cells), n), finding.MissingCell, "row has %d cells, the header %d", len(cells), width))
			} else if len(cells) > width {
				for i := width; i < len(cells); i++ {
					if strings.TrimSpace(cells[i]) != "" {
						t.add(finding.Warnf(t.pos(i, n), finding.ExtraCell, "cell %q beyond the header's %d columns", cells[i], width))
						break
					}
				}
			}
		}
		keep := true
		for _, f := range filters {
			v, _ := cleanLabel(at(cells, f.col))
			if anyGlob(f.pats, s.stripFootnote(v)) != f.keep {
				keep = false
				break
			}
		}
		if !keep {
			continue
		}
		// sections first: a section row sets its field for the rows below
		for _, rf := range rfs {
			if !rf.f.Section {
				continue
			}
			raw := t.first(cells, rf.cols)
			v, _ := cleanLabel(raw)
			v = s.stripFootnote(v)
			if anyGlob(rf.f.Skip, v) && v != "" {
				sectionSkip[rf.idx] = true
				t.resetSections(rfs, rf, &section, &sectionSkip)
				continue
			}
			if mv, ok := rf.f.mapl[strings.ToLower(v)]; ok {
				section[rf.idx], sectionSkip[rf.idx] = mv, false
				t.resetSections(rfs, rf, &section, &sectionSkip)
			}
		}
		var vals [nFields]string
		skip := false
		for _, rf := range rfs {
			switch {
			case rf.set:
				vals[rf.idx] = rf.cnst
			case rf.f.Section:
				if sectionSkip[rf.idx] || section[rf.idx] == "" {
					skip = true
				}
				vals[rf.idx] = section[rf.idx]
			default:
				raw := t.first(cells, rf.cols)
				p := t.pos(rf.cols[0], n)
				for _, c := range rf.cols {
					if strings.TrimSpace(at(cells, c)) != "" {
						p = t.pos(c, n)
						break
					}
				}
				if rf.f.Type != "date" && t.looksPersonal(raw) {
					t.add(finding.Errorf(p, finding.PersonalData, "the %s cell looks like personal data (an ID number, e-mail or birth date); the row was not read", fieldNames[rf.idx]))
					skip = true
					continue
				}
				v, sk, err := t.fieldValue(fieldNames[rf.idx], rf.f, raw, p)
				if err != nil {
					t.add(finding.Errorf(p, finding.ConstraintError, "%s: %v", fieldNames[rf.idx], err))
					skip = true
					continue
				}
				if sk {
					skip = true
					continue
				}
				if v == "" && rf.idx != fCategory {
					t.add(finding.Errorf(p, finding.MissingCell, "no %s in this row", fieldNames[rf.idx]))
					skip = true
					continue
				}
				vals[rf.idx] = t.intern(v)
			}
		}
		if skip {
			continue
		}
		for ci := range vcs {
			t.emit(&vcs[ci], vals, cells, n, rfs)
		}
	}
	if err := gr.Err(); err != nil && !t.csv {
		t.add(finding.Errorf(t.at(), finding.SourceError, "reading stopped after row %d: %v", lastData, err))
	}
	if t.scan != nil {
		for _, m := range t.scan.Merges {
			if (m.Col0 != m.Col1 || m.Row0 != m.Row1) && m.Row0 >= start && m.Row0 <= lastData {
				t.add(finding.Errorf(obs.Source{File: t.file, Sheet: t.sheet, Cell: cellRef(m.Col0, m.Row0)}, finding.SourceError,
					"merged cells %s inside the data: unmerge them and fill every cell", m.Ref))
			}
		}
	}
}

func (t *table) resetSections(rfs []rowField, changed rowField, section *[nFields]string, skip *[nFields]bool) {
	for _, r := range changed.f.Resets {
		for _, rf := range rfs {
			if fieldNames[rf.idx] == r {
				section[rf.idx], skip[rf.idx] = rf.f.Default, false
			}
		}
	}
}

// afterBlank looks past a blank row that ended the table: data below it
// (not a stop row) means the blank row cut the table short.
func (t *table) afterBlank(gr grid, blank int, vcs []valueCol) {
	for k := 0; k < 50 && gr.Next(); k++ {
		_, cells := gr.Row()
		first := ""
		for _, c := range cells {
			if strings.TrimSpace(c) != "" {
				first = c
				break
			}
		}
		if first == "" {
			continue
		}
		label, _ := cleanLabel(first)
		if anyGlob(t.src.StopAt, t.src.stripFootnote(label)) {
			return
		}
		for _, vc := range vcs {
			for _, c := range vc.cols {
				if v, err := ParseCell(at(cells, c), t.src.missing, NumberFormat{Decimal: t.src.Decimal}); err == nil && v.OK() {
					p := t.pos(0, blank)
					t.add(finding.Warnf(p, finding.BlankRow, "blank row ends the table but data follows; rows below it were not read (remove the blank row, or set blank_rows = \"skip\")"))
					return
				}
			}
		}
	}
}
