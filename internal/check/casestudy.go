package check

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/prisonstats/prisonstats/internal/finding"
	"github.com/prisonstats/prisonstats/internal/obs"
	"github.com/prisonstats/prisonstats/internal/places"
)

// CaseOptions configure ValidateCaseStudy.
type CaseOptions struct {
	// Places resolves province and prison; nil skips those checks.
	Places *places.Gazetteer
	// Offences lists the allowed offence values; empty allows any.
	Offences []string
	// Today (YYYY-MM-DD), when set, makes a consent that has expired, or a
	// date in the future, a finding.
	Today string
}

// Vocabularies of the case-study front matter.
var (
	// Outcomes a case can have.
	Outcomes = []string{"released", "pardoned", "sentence_reduced", "still_detained"}
	// CaseStatuses a status_history entry can have.
	CaseStatuses = []string{obs.Pretrial, obs.Sentenced, "appeal"}
	// ConsentScopes are where a case study may be published.
	ConsentScopes = []string{"web", "print"}
)

// caseFields are the fields ValidateCaseStudy knows; Hugo's own front
// matter fields are allowed beside them.
var caseFields = []string{"pseudonym", "province", "prison", "custody", "status_history", "offence",
	"children", "pregnant", "outcome", "outcome_date", "mechanism", "consent", "supported_by", "publish"}

var hugoFields = []string{"title", "linktitle", "date", "lastmod", "publishdate", "expirydate", "draft",
	"weight", "slug", "url", "aliases", "summary", "description", "tags", "categories", "keywords",
	"type", "layout", "translationkey", "params", "build", "cascade", "sitemap", "outputs", "resources", "markup", "headless", "menus"}

// ValidateCaseStudy checks the front matter of one case study (a content
// page about one woman, published only with her consent). fm is the front
// matter as decoded from YAML or TOML (nested maps, strings, numbers,
// booleans, dates as strings or time.Time).
//
// Fields: pseudonym (required), province (required; must resolve in the
// gazetteer to a province), prison (optional; when it resolves, to a
// facility in that province), custody.from (required date) and custody.to
// (date, not before from), status_history (list of {date, status}, dates in
// order within custody), offence (required; one of CaseOptions.Offences
// when given), children (whole number, 0 or more), pregnant (bool), outcome
// (one of Outcomes), outcome_date (required unless still_detained, then
// forbidden; not before custody.from), mechanism (optional string),
// supported_by (optional string), publish (optional list from
// ConsentScopes), children may also be a table {number, age_bands,
// with_her} (see children),
// consent.given (required bool); when consent is given, consent.date
// (required date), consent.scope (required, a list from ConsentScopes) and
// consent.expires (optional date, after consent.date).
//
// Every finding's Source is the file alone; the message starts with the
// field's dotted name ("consent.date: ..."), as configuration errors do.
// Unknown fields are warnings (extra-cell), to catch misspellings.
func ValidateCaseStudy(path string, fm map[string]any, opt CaseOptions) finding.List {
	c := &caseCheck{path: path, fm: fm, opt: opt}
	c.unknownFields()

	c.requiredString("pseudonym")
	province := c.province()
	c.prison(province)

	from := c.date("custody.from", true)
	to := c.date("custody.to", false)
	if from != "" && to != "" && to < from {
		c.errorf(finding.RowConstraint, "custody.to", "%s is before custody.from %s", to, from)
	}
	c.statusHistory(from, to)

	if off := c.requiredString("offence"); off != "" && len(opt.Offences) > 0 && !slices.Contains(opt.Offences, off) {
		c.errorf(finding.ConstraintError, "offence", "%q is not one of %s", off, strings.Join(opt.Offences, ", "))
	}
	c.children()
	if v, ok := c.get("pregnant"); ok {
		if _, isBool := v.(bool); !isBool {
			c.errorf(finding.TypeError, "pregnant", "%v is not true or false", v)
		}
	}
	c.outcome(from)
	if v, ok := c.get("mechanism"); ok {
		if s, isStr := v.(string); !isStr || strings.TrimSpace(s) == "" {
			c.errorf(finding.TypeError, "mechanism", "%v is not a text", v)
		}
	}
	c.consent()
	c.publish()
	if v, ok := c.get("supported_by"); ok {
		if s, isStr := v.(string); !isStr || strings.TrimSpace(s) == "" {
			c.errorf(finding.TypeError, "supported_by", "%v is not a text", v)
		}
	}
	return c.out
}

// children accepts a whole number of children, or a table {number,
// age_bands, with_her}: age_bands a list of texts (at most number of them),
// with_her a whole number from 0 to number (the children living in prison
// with her). Children are never named: any other key is an error.
func (c *caseCheck) children() {
	v, ok := c.get("children")
	if !ok {
		return
	}
	whole := func(v any) (int, bool) {
		n, isNum := number(v)
		if !isNum || n < 0 || n != math.Trunc(n) {
			return 0, false
		}
		return int(n), true
	}
	m, isMap := asMap(v)
	if !isMap {
		if _, ok := whole(v); !ok {
			c.errorf(finding.TypeError, "children", "%v is not a whole number of children", v)
		}
		return
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if !slices.Contains([]string{"number", "age_bands", "with_her"}, k) {
			c.errorf(finding.PersonalData, "children."+k, "is not a field of children (number, age_bands, with_her); children are never named or described one by one")
		}
	}
	n, ok := whole(m["number"])
	if !ok {
		c.errorf(finding.TypeError, "children.number", "%v is not a whole number of children", m["number"])
		return
	}
	if b, has := m["age_bands"]; has {
		list, isList := asList(b)
		switch {
		case !isList:
			c.errorf(finding.TypeError, "children.age_bands", "%v is not a list of age bands", b)
		case len(list) > n:
			c.errorf(finding.RowConstraint, "children.age_bands", "%d age bands for %d children", len(list), n)
		default:
			for _, e := range list {
				if s, isStr := e.(string); !isStr || strings.TrimSpace(s) == "" {
					c.errorf(finding.TypeError, "children.age_bands", "%v is not an age band", e)
				}
			}
		}
	}
	if w, has := m["with_her"]; has {
		if k, ok := whole(w); !ok {
			c.errorf(finding.TypeError, "children.with_her", "%v is not a whole number of children", w)
		} else if k > n {
			c.errorf(finding.RowConstraint, "children.with_her", "%d is more than children.number %d", k, n)
		}
	}
}

// publish, when given, lists where the case study is to appear (web,
// print); each must be a consent scope. Whether consent covers them is the
// consent gate's decision (internal/casestudy.Gate).
func (c *caseCheck) publish() {
	v, ok := c.get("publish")
	if !ok {
		return
	}
	list, isList := asList(v)
	if !isList {
		c.errorf(finding.TypeError, "publish", "%v is not a list of %s", v, strings.Join(ConsentScopes, ", "))
		return
	}
	for _, e := range list {
		if s, _ := e.(string); !slices.Contains(ConsentScopes, s) {
			c.errorf(finding.ConstraintError, "publish", "%v is not one of %s", e, strings.Join(ConsentScopes, ", "))
		}
	}
}

type caseCheck struct {
	path string
	fm   map[string]any
	opt  CaseOptions
	out  finding.List
}

func (c *caseCheck) errorf(code, field, format string, args ...any) {
	c.out = append(c.out, finding.Errorf(obs.Source{File: c.path}, code, "%s: %s", field, fmt.Sprintf(format, args...)))
}

func (c *caseCheck) warnf(code, field, format string, args ...any) {
	c.out = append(c.out, finding.Warnf(obs.Source{File: c.path}, code, "%s: %s", field, fmt.Sprintf(format, args...)))
}

// get returns the value at a dotted path, through nested maps.
func (c *caseCheck) get(field string) (any, bool) {
	var cur any = c.fm
	for _, part := range strings.Split(field, ".") {
		m, ok := asMap(cur)
		if !ok {
			return nil, false
		}
		if cur, ok = m[part]; !ok || cur == nil {
			return nil, false
		}
	}
	return cur, true
}

// asMap accepts the map types YAML and TOML decoders produce.
func asMap(v any) (map[string]any, bool) {
	switch m := v.(type) {
	case map[string]any:
		return m, true
	case map[any]any:
		out := make(map[string]any, len(m))
		for k, v := range m {
			out[fmt.Sprint(k)] = v
		}
		return out, true
	}
	return nil, false
}

func (c *caseCheck) unknownFields() {
	keys := make([]string, 0, len(c.fm))
	for k := range c.fm {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if !slices.Contains(caseFields, k) && !slices.Contains(hugoFields, strings.ToLower(k)) {
			c.warnf(finding.ExtraCell, k, "is not a case-study field (%s)", strings.Join(caseFields, ", "))
		}
	}
	for _, group := range []struct {
		name   string
		fields []string
	}{{"custody", []string{"from", "to"}}, {"consent", []string{"given", "date", "scope", "expires"}}} {
		v, ok := c.get(group.name)
		if !ok {
			continue
		}
		m, ok := asMap(v)
		if !ok {
			c.errorf(finding.TypeError, group.name, "is not a table of %s", strings.Join(group.fields, ", "))
			continue
		}
		var sub []string
		for k := range m {
			sub = append(sub, k)
		}
		sort.Strings(sub)
		for _, k := range sub {
			if !slices.Contains(group.fields, k) {
				c.warnf(finding.ExtraCell, group.name+"."+k, "is not a field of %s (%s)", group.name, strings.Join(group.fields, ", "))
			}
		}
	}
}

// requiredString returns the field's text, or "" after a finding.
func (c *caseCheck) requiredString(field string) string {
	v, ok := c.get(field)
	if !ok {
		c.errorf(finding.ConstraintError, field, "is required")
		return ""
	}
	s, isStr := v.(string)
	if !isStr || strings.TrimSpace(s) == "" {
		c.errorf(finding.TypeError, field, "%v is not a text", v)
		return ""
	}
	return strings.TrimSpace(s)
}

// province returns the province's code, or "" when unknown.
func (c *caseCheck) province() string {
	name := c.requiredString("province")
	if name == "" || c.opt.Places == nil {
		return ""
	}
	code, ok := c.opt.Places.Resolve(name)
	if !ok {
		msg := fmt.Sprintf("%q is not in the gazetteer", name)
		if s := c.opt.Places.Suggest(name, 3); len(s) > 0 {
			msg += "; did you mean " + strings.Join(s, ", ") + "?"
		}
		c.errorf(finding.ForeignKey, "province", "%s", msg)
		return ""
	}
	if p, _ := c.opt.Places.Get(code); p.Level != places.Province {
		c.errorf(finding.ForeignKey, "province", "%q is a %s, not a province", name, p.Level)
		return ""
	}
	return code
}

func (c *caseCheck) prison(province string) {
	v, ok := c.get("prison")
	if !ok {
		return
	}
	name, isStr := v.(string)
	if !isStr || strings.TrimSpace(name) == "" {
		c.errorf(finding.TypeError, "prison", "%v is not a text", v)
		return
	}
	if c.opt.Places == nil {
		return
	}
	code, ok := c.opt.Places.Resolve(name)
	if !ok {
		c.warnf(finding.ForeignKey, "prison", "%q is not in the gazetteer; the page cannot link to the prison", name)
		return
	}
	if p, _ := c.opt.Places.Get(code); p.Level != places.Facility {
		c.errorf(finding.ForeignKey, "prison", "%q is a %s, not a prison", name, p.Level)
		return
	}
	if got, _ := c.opt.Places.Ancestor(code, places.Province); province != "" && got != province {
		c.errorf(finding.ForeignKey, "prison", "%q is in province %s, not in %s", name, got, province)
	}
}

// date returns the field as YYYY-MM-DD, or "" when absent or not a date
// (after a finding when required or malformed).
func (c *caseCheck) date(field string, required bool) string {
	v, ok := c.get(field)
	if !ok {
		if required {
			c.errorf(finding.ConstraintError, field, "is required")
		}
		return ""
	}
	d, ok := asDate(v)
	if !ok {
		c.errorf(finding.TypeError, field, "%v is not a date (YYYY-MM-DD)", v)
		return ""
	}
	if c.opt.Today != "" && d > c.opt.Today && !strings.HasSuffix(field, "expires") {
		c.errorf(finding.ConstraintError, field, "%s is in the future", d)
	}
	return d
}

// asDate accepts "YYYY-MM-DD", a time.Time, or a value whose String() is
// YYYY-MM-DD (TOML local dates).
func asDate(v any) (string, bool) {
	var s string
	switch d := v.(type) {
	case string:
		s = d
	case time.Time:
		return d.Format(time.DateOnly), true
	case fmt.Stringer:
		s = d.String()
	default:
		return "", false
	}
	if _, err := time.Parse(time.DateOnly, s); err != nil {
		return "", false
	}
	return s, true
}

func (c *caseCheck) statusHistory(from, to string) {
	v, ok := c.get("status_history")
	if !ok {
		return
	}
	list, ok := asList(v)
	if !ok {
		c.errorf(finding.TypeError, "status_history", "is not a list of {date, status}")
		return
	}
	prev := ""
	for i, e := range list {
		field := fmt.Sprintf("status_history[%d]", i)
		m, ok := asMap(e)
		if !ok {
			c.errorf(finding.TypeError, field, "%v is not a {date, status}", e)
			continue
		}
		st, _ := m["status"].(string)
		if !slices.Contains(CaseStatuses, st) {
			c.errorf(finding.ConstraintError, field+".status", "%v is not one of %s", m["status"], strings.Join(CaseStatuses, ", "))
		}
		d, ok := asDate(m["date"])
		if !ok {
			c.errorf(finding.TypeError, field+".date", "%v is not a date (YYYY-MM-DD)", m["date"])
			continue
		}
		switch {
		case d < prev:
			c.errorf(finding.RowConstraint, field+".date", "%s is before the previous entry's %s", d, prev)
		case from != "" && d < from:
			c.errorf(finding.RowConstraint, field+".date", "%s is before custody.from %s", d, from)
		case to != "" && d > to:
			c.errorf(finding.RowConstraint, field+".date", "%s is after custody.to %s", d, to)
		}
		prev = d
	}
}

func (c *caseCheck) outcome(from string) {
	out := c.requiredString("outcome")
	if out != "" && !slices.Contains(Outcomes, out) {
		c.errorf(finding.ConstraintError, "outcome", "%q is not one of %s", out, strings.Join(Outcomes, ", "))
		return
	}
	if out == "still_detained" {
		if _, ok := c.get("outcome_date"); ok {
			c.errorf(finding.ConstraintError, "outcome_date", "is given, but the outcome is still_detained")
		}
		if to, ok := c.get("custody.to"); ok {
			c.errorf(finding.RowConstraint, "custody.to", "%v is given, but the outcome is still_detained", to)
		}
		return
	}
	if out == "" {
		return
	}
	d := c.date("outcome_date", true)
	if d != "" && from != "" && d < from {
		c.errorf(finding.RowConstraint, "outcome_date", "%s is before custody.from %s", d, from)
	}
}

func (c *caseCheck) consent() {
	v, ok := c.get("consent.given")
	if !ok {
		c.errorf(finding.ConstraintError, "consent.given", "is required (true or false)")
		return
	}
	given, isBool := v.(bool)
	if !isBool {
		c.errorf(finding.TypeError, "consent.given", "%v is not true or false", v)
		return
	}
	if !given {
		return
	}
	date := c.date("consent.date", true)
	if s, ok := c.get("consent.scope"); !ok {
		c.errorf(finding.ConstraintError, "consent.scope", "is required (a list of %s)", strings.Join(ConsentScopes, ", "))
	} else if list, ok := asList(s); !ok || len(list) == 0 {
		c.errorf(finding.TypeError, "consent.scope", "%v is not a list of %s", s, strings.Join(ConsentScopes, ", "))
	} else {
		for _, e := range list {
			if str, _ := e.(string); !slices.Contains(ConsentScopes, str) {
				c.errorf(finding.ConstraintError, "consent.scope", "%v is not one of %s", e, strings.Join(ConsentScopes, ", "))
			}
		}
	}
	exp := c.date("consent.expires", false)
	switch {
	case exp != "" && date != "" && exp <= date:
		c.errorf(finding.RowConstraint, "consent.expires", "%s is not after consent.date %s", exp, date)
	case exp != "" && c.opt.Today != "" && exp < c.opt.Today:
		c.warnf(finding.ConstraintError, "consent.expires", "consent expired on %s; the case study will not be published", exp)
	}
}

// asList accepts the list types YAML and TOML decoders produce.
func asList(v any) ([]any, bool) {
	switch l := v.(type) {
	case []any:
		return l, true
	case []string:
		out := make([]any, len(l))
		for i, s := range l {
			out[i] = s
		}
		return out, true
	case []map[string]any:
		out := make([]any, len(l))
		for i, m := range l {
			out[i] = m
		}
		return out, true
	}
	return nil, false
}

// number accepts the numeric types YAML and TOML decoders produce.
func number(v any) (float64, bool) {
	switch n := v.(type) {
	case int:
		return float64(n), true
	case int64:
		return float64(n), true
	case uint64:
		return float64(n), true
	case float64:
		return n, true
	}
	return 0, false
}
