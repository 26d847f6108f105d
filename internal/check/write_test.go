package check

import (
	"bytes"
	"encoding/json"
	"reflect"
	"testing"

	"github.com/prisonstats/prisonstats/internal/finding"
	"github.com/prisonstats/prisonstats/internal/obs"
)

func sampleList() finding.List {
	return finding.List{
		finding.Warnf(obs.Source{File: "a.xlsx", Sheet: "2012", Cell: "F7"}, finding.RowConstraint, "female + male short of total"),
		finding.Errorf(obs.Source{File: "a.xlsx", Sheet: "2012", Cell: "D9"}, finding.ConstraintError, "-3 is negative"),
		finding.Warnf(obs.Source{File: "b.csv", Line: 4, Column: 2}, finding.Implausible, "year 1013"),
	}
}

func TestWriteTextPutsErrorsFirstAndCounts(t *testing.T) {
	l := sampleList()
	before := append(finding.List(nil), l...)
	var b bytes.Buffer
	if err := Write(&b, l, "text"); err != nil {
		t.Fatal(err)
	}
	want := `a.xlsx:2012!D9: constraint-error: -3 is negative
a.xlsx:2012!F7: row-constraint: female + male short of total
b.csv:4:2: implausible: year 1013
1 error, 2 warnings
`
	if got := b.String(); got != want {
		t.Errorf("Write text =\n%s\nwant\n%s", got, want)
	}
	if !reflect.DeepEqual(l, before) {
		t.Error("Write reordered the caller's list")
	}

	b.Reset()
	if err := Write(&b, nil, ""); err != nil {
		t.Fatal(err)
	}
	if got, want := b.String(), "0 errors, 0 warnings\n"; got != want {
		t.Errorf("Write of nothing = %q, want %q", got, want)
	}
}

func TestWriteJSONIsValidWithTotals(t *testing.T) {
	var b bytes.Buffer
	if err := Write(&b, sampleList(), "json"); err != nil {
		t.Fatal(err)
	}
	var got struct {
		Findings []struct {
			Severity string     `json:"severity"`
			Code     string     `json:"code"`
			Source   obs.Source `json:"source"`
			Message  string     `json:"message"`
		} `json:"findings"`
		Errors   int `json:"errors"`
		Warnings int `json:"warnings"`
	}
	if err := json.Unmarshal(b.Bytes(), &got); err != nil {
		t.Fatalf("Write json is not JSON: %v\n%s", err, b.String())
	}
	if got.Errors != 1 || got.Warnings != 2 || len(got.Findings) != 3 {
		t.Fatalf("Write json totals = %d errors, %d warnings, %d findings, want 1, 2, 3", got.Errors, got.Warnings, len(got.Findings))
	}
	f := got.Findings[0]
	if f.Severity != "error" || f.Code != finding.ConstraintError || f.Source.Cell != "D9" {
		t.Errorf("first finding = %+v, want the error at D9", f)
	}

	b.Reset()
	if err := Write(&b, nil, "json"); err != nil {
		t.Fatal(err)
	}
	var empty map[string]any
	if err := json.Unmarshal(b.Bytes(), &empty); err != nil {
		t.Fatal(err)
	}
	if fs, ok := empty["findings"].([]any); !ok || len(fs) != 0 {
		t.Errorf("Write json of nothing: findings = %#v, want []", empty["findings"])
	}
}

func TestWriteRejectsUnknownFormat(t *testing.T) {
	if err := Write(&bytes.Buffer{}, nil, "yaml"); err == nil {
		t.Error("Write with format yaml succeeded")
	}
}
