package ingest

import (
	"regexp"
	"slices"
	"strings"

	"github.com/prisonstats/prisonstats/internal/finding"
)

// personalHeaderPatterns name columns that hold data about a person:
// names, identity numbers, birth dates (English, French, Spanish,
// Portuguese, Khmer).
var personalHeaderPatterns = []string{
	`^(full |first |last |family |given |sur|maiden )?names?$`,
	`^(prisoner|inmate|detainee|person|offender|mother|child)('s)? (name|id|number|no\.?)$`,
	`^nom( et pr[ée]nom)?$`, `^pr[ée]nom$`, `^nombre( completo)?$`, `^apellidos?$`,
	`^nome( completo| do preso| da presa| social)?$`,
	`\b(date|day) of birth\b`, `^d\.?o\.?b\.?$`, `\bbirth ?date\b`, `\bdate de naissance\b`, `\bfecha de nacimiento\b`, `\bdata de nascimento\b`,
	`\b(national |personal )?id(entity)? (card |document )?(number|no\.?)\b`, `^id$`, `\bpassport\b`,
	`\bsocial security\b`, `^ssn$`, `^cpf\b`, `\bcpf\b`, `^rg$`, `^dni$`, `\bcurp\b`, `\bnin\b`,
	`\be-?mail\b`, `\bphone number\b|\bmobile\b`, `\bhome address\b`,
	`ឈ្មោះ`, `ថ្ងៃខែឆ្នាំកំណើត`,
}

var personalHeaderRe = regexp.MustCompile(`(?i)(` + strings.Join(personalHeaderPatterns, `|`) + `)`)

// personalValueRe matches values that are personal whatever the header:
// e-mail addresses, Brazilian CPF, US SSN, birth-date-like day/month/year.
var personalValueRe = regexp.MustCompile(`(?i)^(` +
	`[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}` +
	`|\d{3}\.\d{3}\.\d{3}-\d{2}` +
	`|\d{3}-\d{2}-\d{4}` +
	`|\d{1,2}[/.]\d{1,2}[/.](19|20)\d{2}` +
	`)$`)

func looksPersonal(v string) bool {
	v = strings.TrimSpace(v)
	return len(v) >= 6 && len(v) <= 80 && personalValueRe.MatchString(v)
}

// personalHeaders reports columns whose header names personal data. A
// mapped one refuses the sheet (error); an unmapped one is a warning: it
// is not read. It returns false when the sheet is refused.
func (t *table) personalHeaders(h *header, used map[int]string, row int) bool {
	s := t.src
	var extra *regexp.Regexp
	if len(s.Personal.Headers) > 0 {
		extra = regexp.MustCompile(`(?i)(` + strings.Join(s.Personal.Headers, `|`) + `)`)
	}
	ok := true
	for i, n := range h.names {
		if n == "" || slices.ContainsFunc(s.Personal.Allow, func(a string) bool { return strings.EqualFold(a, n) }) {
			continue
		}
		// the last part of a flattened header is the column's own name
		last := n
		if k := strings.LastIndex(n, s.HeaderJoin); k >= 0 {
			last = n[k+len(s.HeaderJoin):]
		}
		if !personalHeaderRe.MatchString(strings.TrimSpace(last)) && (extra == nil || !extra.MatchString(n)) {
			continue
		}
		p := t.pos(i, row)
		if by, isUsed := used[i]; isUsed {
			t.add(finding.Errorf(p, finding.PersonalData, "column %q looks like personal data and %s maps it; personal data is never read (remove it from the mapping, or list the header in personal.allow if it is not personal)", n, by))
			ok = false
			continue
		}
		t.add(finding.Warnf(p, finding.PersonalData, "column %q looks like personal data; it is not read (the published statistics never carry it)", n))
	}
	return ok
}

// looksPersonal answers looksPersonal for a field value, remembering the
// answer: field values (places, sexes, statuses) repeat on every row, and
// the pattern is the costliest test of a row. The memory is bounded; past
// it values are tested each time.
func (t *table) looksPersonal(v string) bool {
	if p, ok := t.personal[v]; ok {
		return p
	}
	p := looksPersonal(v)
	if t.personal == nil {
		t.personal = map[string]bool{}
	}
	if len(t.personal) < 1<<14 {
		t.personal[v] = p
	}
	return p
}
