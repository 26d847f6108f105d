package ingest

import (
	"github.com/prisonstats/prisonstats/internal/finding"
	"github.com/prisonstats/prisonstats/internal/obs"
)

// emit makes the observation of one value column in one row.
func (t *table) emit(vc *valueCol, vals [nFields]string, cells []string, n int, rfs []rowField) {
	for i := range vals {
		if vc.has[i] {
			vals[i] = vc.fields[i]
		}
	}
	nf := NumberFormat{Decimal: t.src.Decimal, Percent: vc.percent}
	var v obs.Value
	src := t.pos(vc.cols[0], n)
	if !vc.sum {
		raw := at(cells, vc.cols[0])
		var err error
		v, err = ParseCell(raw, t.src.missing, nf)
		if err != nil {
			what := "count"
			if vc.percent != "" {
				what = "percentage"
			}
			c, _ := cleanLabel(raw)
			t.add(finding.Errorf(src, finding.TypeError, "%q is not a %s", c, what))
			return
		}
		if v.Missing == obs.Blank && t.scan != nil && t.scan.FormulaNoValue[src.Cell] {
			t.add(finding.Errorf(src, finding.SourceError, "formula with no saved result: open the file in a spreadsheet program and save it (or paste values) so the result is stored"))
			return
		}
	} else {
		sum, any := 0.0, false
		reason := obs.Missing(0)
		srcSet := false
		for _, c := range vc.cols {
			raw := at(cells, c)
			x, err := ParseCell(raw, t.src.missing, nf)
			p := t.pos(c, n)
			if err != nil {
				cl, _ := cleanLabel(raw)
				t.add(finding.Errorf(p, finding.TypeError, "%q is not a count", cl))
				return
			}
			if x.Missing == obs.Blank && t.scan != nil && t.scan.FormulaNoValue[p.Cell] {
				t.add(finding.Errorf(p, finding.SourceError, "formula with no saved result: open the file in a spreadsheet program and save it (or paste values) so the result is stored"))
				return
			}
			if x.OK() {
				sum += x.Num
				any = true
				if !srcSet {
					src, srcSet = p, true
				}
			} else if reason == 0 || reason == obs.Blank {
				reason = x.Missing
			}
		}
		if any {
			v = obs.Num(sum)
		} else {
			v = obs.Absent(reason)
		}
	}
	placeCodes := false
	for _, rf := range rfs {
		if rf.idx == fPlace {
			placeCodes = rf.f.Codes
		}
	}
	place, ok := t.resolvePlace(vals[fPlace], placeCodes, src)
	if !ok {
		return
	}
	*t.out = append(*t.out, obs.Observation{
		Date: vals[fDate], Place: place, Sex: vals[fSex], Status: vals[fStatus], Age: vals[fAge],
		Measure: vals[fMeasure], Category: vals[fCategory], Value: v, Source: src,
	})
}
