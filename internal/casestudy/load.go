package casestudy

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/prisonstats/prisonstats/internal/check"
	"github.com/prisonstats/prisonstats/internal/finding"
	"github.com/prisonstats/prisonstats/internal/obs"
	"github.com/prisonstats/prisonstats/internal/places"
)

// OffencesFile is the offence list Load reads, in the parent of the case
// folder (data/offences.toml for data/case-studies).
const OffencesFile = "offences.toml"

// facetNames are URL segments under /case-studies/ that a case's slug must
// not take.
var facetNames = []string{"province", "outcome", "mechanism", "year"}

// Load reads every case study in dir (name.md, with translations
// name.<lang>.md), validates its front matter with check.ValidateCaseStudy
// and its text with the personal-data checks, and returns the cases in
// slug order with every finding. A file that cannot be parsed is an error
// finding and is left out of the cases. The error is non-nil only when dir
// or the offence list cannot be read. A missing dir means no case studies.
func Load(dir string, g *places.Gazetteer, today time.Time) ([]Case, finding.List, error) {
	entries, err := os.ReadDir(dir)
	if os.IsNotExist(err) {
		return nil, nil, nil
	}
	if err != nil {
		return nil, nil, err
	}
	offences, err := LoadOffences(filepath.Join(filepath.Dir(filepath.Clean(dir)), OffencesFile))
	if err != nil {
		return nil, nil, err
	}
	var ids []string
	for _, o := range offences {
		ids = append(ids, o.ID)
	}
	opt := check.CaseOptions{Places: g, Offences: ids, Today: today.Format(time.DateOnly)}

	main := map[string]string{}             // slug -> file
	trans := map[string]map[string]string{} // slug -> lang -> file
	var fs finding.List
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasSuffix(name, ".md") || strings.HasPrefix(name, "_") || strings.HasPrefix(name, ".") {
			continue
		}
		stem := strings.TrimSuffix(name, ".md")
		if slug, lang, ok := strings.Cut(stem, "."); ok {
			if trans[slug] == nil {
				trans[slug] = map[string]string{}
			}
			trans[slug][lang] = filepath.Join(dir, name)
			continue
		}
		main[stem] = filepath.Join(dir, name)
	}
	slugs := make([]string, 0, len(main))
	for s := range main {
		slugs = append(slugs, s)
	}
	sort.Strings(slugs)
	for slug, langs := range trans {
		if _, ok := main[slug]; !ok {
			for _, f := range langs {
				fs = append(fs, finding.Errorf(obs.Source{File: f}, finding.ForeignKey,
					"translation of %s.md, which does not exist", slug))
			}
		}
	}

	var cases []Case
	for _, slug := range slugs {
		path := main[slug]
		src := obs.Source{File: path}
		if !validSlug(slug) {
			fs = append(fs, finding.Errorf(src, finding.ConstraintError,
				"file name %q: use lower-case letters, digits and hyphens, and not %s", slug, strings.Join(facetNames, ", ")))
			continue
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return nil, nil, err
		}
		fm, body, bodyLine, err := splitFrontMatter(b)
		if err != nil {
			fs = append(fs, finding.Errorf(src, finding.SourceError, "%v", err))
			continue
		}
		fs = append(fs, check.ValidateCaseStudy(path, fm, opt)...)
		c := fromFrontMatter(fm, g)
		c.File, c.Slug, c.asOf = path, slug, today
		c.Title = map[string]string{"en": c.Pseudonym}
		if t, ok := fm["title"].(string); ok && strings.TrimSpace(t) != "" {
			c.Title["en"] = strings.TrimSpace(t)
		}
		c.Body = map[string]string{"en": body}
		fs = append(fs, checkText(path, c.Title["en"], body, bodyLine)...)

		langs := make([]string, 0, len(trans[slug]))
		for l := range trans[slug] {
			langs = append(langs, l)
		}
		sort.Strings(langs)
		for _, lang := range langs {
			tpath := trans[slug][lang]
			tb, err := os.ReadFile(tpath)
			if err != nil {
				return nil, nil, err
			}
			tfm, tbody, tline, err := splitFrontMatter(tb)
			if err != nil {
				fs = append(fs, finding.Errorf(obs.Source{File: tpath}, finding.SourceError, "%v", err))
				continue
			}
			keys := make([]string, 0, len(tfm))
			for k := range tfm {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			for _, k := range keys {
				if k != "title" {
					fs = append(fs, finding.Errorf(obs.Source{File: tpath}, finding.ExtraCell,
						"%s: a translation holds only title and the story; the facts live in %s", k, path))
				}
			}
			c.Title[lang] = c.Title["en"]
			if t, ok := tfm["title"].(string); ok && strings.TrimSpace(t) != "" {
				c.Title[lang] = strings.TrimSpace(t)
			}
			c.Body[lang] = tbody
			fs = append(fs, checkText(tpath, c.Title[lang], tbody, tline)...)
		}
		cases = append(cases, c)
	}
	fs.Sort()
	return cases, fs, nil
}

func validSlug(s string) bool {
	if s == "" || slices.Contains(facetNames, s) {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-') {
			return false
		}
	}
	return true
}

// fromFrontMatter reads the typed fields; values of the wrong type are
// left empty (ValidateCaseStudy reports them).
func fromFrontMatter(fm map[string]any, g *places.Gazetteer) Case {
	var c Case
	c.Pseudonym = str(fm["pseudonym"])
	if g != nil {
		if code, ok := g.Resolve(str(fm["province"])); ok {
			if p, _ := g.Get(code); p.Level == places.Province {
				c.Province = code
			}
		}
		c.PrisonName = str(fm["prison"])
		if code, ok := g.Resolve(c.PrisonName); ok {
			if p, _ := g.Get(code); p.Level == places.Facility {
				c.Prison = code
			}
		}
	}
	custody, _ := fm["custody"].(map[string]any)
	c.CustodyFrom, c.CustodyTo = date(custody["from"]), date(custody["to"])
	for _, e := range list(fm["status_history"]) {
		if m, ok := e.(map[string]any); ok {
			c.Status = append(c.Status, StatusChange{Date: date(m["date"]), Status: str(m["status"])})
		}
	}
	c.Offence = str(fm["offence"])
	switch ch := fm["children"].(type) {
	case map[string]any:
		c.Children.Number = whole(ch["number"])
		c.Children.WithHer = whole(ch["with_her"])
		for _, b := range list(ch["age_bands"]) {
			c.Children.AgeBands = append(c.Children.AgeBands, str(b))
		}
	default:
		c.Children.Number = whole(ch)
	}
	c.Pregnant, _ = fm["pregnant"].(bool)
	c.Outcome, c.Mechanism = str(fm["outcome"]), str(fm["mechanism"])
	c.OutcomeDate = date(fm["outcome_date"])
	c.SupportedBy = str(fm["supported_by"])
	if consent, ok := fm["consent"].(map[string]any); ok {
		c.Consent.Given, _ = consent["given"].(bool)
		c.Consent.Date, c.Consent.Expires = date(consent["date"]), date(consent["expires"])
		for _, s := range list(consent["scope"]) {
			c.Consent.Scope = append(c.Consent.Scope, str(s))
		}
	}
	if p, ok := fm["publish"]; ok {
		c.Publish = []string{}
		for _, s := range list(p) {
			c.Publish = append(c.Publish, str(s))
		}
	} else if c.Consent.Given {
		c.Publish = slices.Clone(c.Consent.Scope)
	} else {
		// Without consent there is no scope to default to: the case is
		// taken as meant for every channel, so that Gate reports it
		// instead of leaving it out in silence.
		c.Publish = []string{Web, Print}
	}
	return c
}

func str(v any) string {
	s, _ := v.(string)
	return strings.TrimSpace(s)
}

func list(v any) []any {
	l, _ := v.([]any)
	return l
}

func whole(v any) int {
	switch n := v.(type) {
	case int64:
		return int(n)
	case int:
		return n
	case float64:
		return int(n)
	}
	return 0
}

// date returns a TOML date or a "YYYY-MM-DD" text as YYYY-MM-DD, else "".
func date(v any) string {
	switch d := v.(type) {
	case time.Time:
		return d.Format(time.DateOnly)
	case string:
		if _, err := time.Parse(time.DateOnly, d); err == nil {
			return d
		}
	case fmt.Stringer:
		if _, err := time.Parse(time.DateOnly, d.String()); err == nil {
			return d.String()
		}
	}
	return ""
}
