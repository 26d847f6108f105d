package check

import (
	"testing"
	"time"

	"github.com/BurntSushi/toml"

	"github.com/prisonstats/prisonstats/internal/finding"
	"github.com/prisonstats/prisonstats/internal/places"
)

func caseGazetteer(t *testing.T) *places.Gazetteer {
	t.Helper()
	g, err := places.New([]places.Place{
		{Code: "KH", Level: places.Country, Name: "Cambodia"},
		{Code: "KH-12", Level: places.Province, Parent: "KH", Name: "Phnom Penh"},
		{Code: "KH-2", Level: places.Province, Parent: "KH", Name: "Battambang"},
		{Code: "KH-12-CC2", Level: places.Facility, Parent: "KH-12", Name: "Correctional Centre 2"},
		{Code: "KH-2-BTB", Level: places.Facility, Parent: "KH-2", Name: "Battambang Provincial Prison"},
	})
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// goodCase returns valid front matter, as a YAML decoder gives it.
func goodCase() map[string]any {
	return map[string]any{
		"title":     "Sokha's story",
		"pseudonym": "Sokha",
		"province":  "Phnom Penh",
		"prison":    "Correctional Centre 2",
		"custody":   map[string]any{"from": "2012-03-01", "to": "2014-06-30"},
		"status_history": []any{
			map[string]any{"date": "2012-03-01", "status": "pretrial"},
			map[string]any{"date": "2013-01-15", "status": "sentenced"},
		},
		"offence":      "drug_possession",
		"children":     1,
		"pregnant":     false,
		"outcome":      "pardoned",
		"outcome_date": "2014-06-30",
		"mechanism":    "royal_pardon",
		"consent": map[string]any{"given": true, "date": "2015-02-01",
			"scope": []any{"web", "print"}, "expires": "2030-02-01"},
	}
}

func TestValidateCaseStudy(t *testing.T) {
	opt := CaseOptions{Offences: []string{"drug_possession", "theft"}, Today: "2026-11-26"}
	set := func(edit func(m map[string]any)) map[string]any {
		m := goodCase()
		edit(m)
		return m
	}
	sub := func(m map[string]any, k string) map[string]any { return m[k].(map[string]any) }
	tests := []struct {
		name string
		fm   map[string]any
		want []string // codes, in order
	}{
		{"valid", goodCase(), nil},
		{"pseudonym missing", set(func(m map[string]any) { delete(m, "pseudonym") }), []string{finding.ConstraintError}},
		{"province not in gazetteer", set(func(m map[string]any) { m["province"] = "Phnom Pen City" }), []string{finding.ForeignKey}},
		{"province is a prison", set(func(m map[string]any) { m["province"] = "Correctional Centre 2" }), []string{finding.ForeignKey}},
		{"prison in another province", set(func(m map[string]any) { m["prison"] = "Battambang Provincial Prison" }), []string{finding.ForeignKey}},
		{"custody out of order", set(func(m map[string]any) { sub(m, "custody")["to"] = "2011-01-01" }),
			[]string{finding.RowConstraint, finding.RowConstraint, finding.RowConstraint}}, // custody.to, and both status dates after it
		{"custody.from not a date", set(func(m map[string]any) { sub(m, "custody")["from"] = "March 2012" }), []string{finding.TypeError}},
		{"status history out of order", set(func(m map[string]any) {
			m["status_history"].([]any)[1].(map[string]any)["date"] = "2012-01-01"
		}), []string{finding.RowConstraint}},
		{"unknown status", set(func(m map[string]any) {
			m["status_history"].([]any)[0].(map[string]any)["status"] = "remand"
		}), []string{finding.ConstraintError}},
		{"offence not in list", set(func(m map[string]any) { m["offence"] = "murder" }), []string{finding.ConstraintError}},
		{"children negative", set(func(m map[string]any) { m["children"] = -1 }), []string{finding.TypeError}},
		{"children as a table", set(func(m map[string]any) {
			m["children"] = map[string]any{"number": 2, "age_bands": []any{"under_1", "2_3"}, "with_her": 1}
		}), nil},
		{"children with more with her than she has", set(func(m map[string]any) {
			m["children"] = map[string]any{"number": 1, "with_her": 2}
		}), []string{finding.RowConstraint}},
		{"children named", set(func(m map[string]any) {
			m["children"] = map[string]any{"number": 1, "names": []any{"Dara"}}
		}), []string{finding.PersonalData}},
		{"children table without number", set(func(m map[string]any) {
			m["children"] = map[string]any{"with_her": 1}
		}), []string{finding.TypeError}},
		{"publish and supported_by known", set(func(m map[string]any) {
			m["publish"] = []any{"web"}
			m["supported_by"] = "Legal aid office"
		}), nil},
		{"publish unknown channel", set(func(m map[string]any) { m["publish"] = []any{"radio"} }), []string{finding.ConstraintError}},
		{"pregnant as text", set(func(m map[string]any) { m["pregnant"] = "no" }), []string{finding.TypeError}},
		{"outcome unknown", set(func(m map[string]any) { m["outcome"] = "escaped" }), []string{finding.ConstraintError}},
		{"outcome date missing", set(func(m map[string]any) { delete(m, "outcome_date") }), []string{finding.ConstraintError}},
		{"still detained needs no outcome date", set(func(m map[string]any) {
			m["outcome"] = "still_detained"
			delete(m, "outcome_date")
			delete(sub(m, "custody"), "to")
		}), nil},
		{"still detained with an outcome date", set(func(m map[string]any) {
			m["outcome"] = "still_detained"
			delete(sub(m, "custody"), "to")
		}), []string{finding.ConstraintError}},
		{"consent missing", set(func(m map[string]any) { delete(m, "consent") }), []string{finding.ConstraintError}},
		{"consent refused needs nothing else", set(func(m map[string]any) { m["consent"] = map[string]any{"given": false} }), nil},
		{"consent as text", set(func(m map[string]any) { sub(m, "consent")["given"] = "yes" }), []string{finding.TypeError}},
		{"consent without date", set(func(m map[string]any) { delete(sub(m, "consent"), "date") }), []string{finding.ConstraintError}},
		{"consent scope unknown", set(func(m map[string]any) { sub(m, "consent")["scope"] = []any{"web", "radio"} }), []string{finding.ConstraintError}},
		{"consent expires before given", set(func(m map[string]any) { sub(m, "consent")["expires"] = "2015-01-01" }), []string{finding.RowConstraint}},
		{"consent expired", set(func(m map[string]any) { sub(m, "consent")["expires"] = "2020-01-01" }), []string{finding.ConstraintError}},
		{"misspelt field", set(func(m map[string]any) { m["pseudonyme"] = "x" }), []string{finding.ExtraCell}},
		{"misspelt consent field", set(func(m map[string]any) { sub(m, "consent")["giving"] = true }), []string{finding.ExtraCell}},
		{"dates as time.Time", set(func(m map[string]any) {
			sub(m, "custody")["from"] = time.Date(2012, 3, 1, 0, 0, 0, 0, time.UTC)
		}), nil},
	}
	opt.Places = caseGazetteer(t)
	for _, tt := range tests {
		l := ValidateCaseStudy("content/cases/sokha.md", tt.fm, opt)
		var got []string
		for _, f := range l {
			got = append(got, f.Code)
			if f.Source.File != "content/cases/sokha.md" {
				t.Errorf("%s: finding %v does not name the file", tt.name, f)
			}
		}
		if len(got) != len(tt.want) {
			t.Errorf("%s: ValidateCaseStudy = %v, want codes %v", tt.name, l, tt.want)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("%s: ValidateCaseStudy = %v, want codes %v", tt.name, l, tt.want)
				break
			}
		}
	}
}

func TestValidateCaseStudyReadsTOMLFrontMatter(t *testing.T) {
	const fm = `
pseudonym = "Sokha"
province = "Phnom Penh"
offence = "theft"
outcome = "released"
outcome_date = 2014-06-30
[custody]
from = 2012-03-01
to = 2014-06-30
[[status_history]]
date = 2012-03-01
status = "pretrial"
[consent]
given = true
date = 2015-02-01
scope = ["web"]
`
	var m map[string]any
	if _, err := toml.Decode(fm, &m); err != nil {
		t.Fatal(err)
	}
	if l := ValidateCaseStudy("c.md", m, CaseOptions{Places: caseGazetteer(t)}); len(l) != 0 {
		t.Errorf("ValidateCaseStudy(TOML) = %v, want nothing", l)
	}
	m["consent"].(map[string]any)["scope"] = []any{"radio"}
	if l := ValidateCaseStudy("c.md", m, CaseOptions{}); len(l) != 1 || l[0].Code != finding.ConstraintError {
		t.Errorf("ValidateCaseStudy(TOML, scope radio) = %v, want one constraint-error", l)
	}
}
