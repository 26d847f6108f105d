package casestudy

import (
	"cmp"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/prisonstats/prisonstats/internal/i18n"
)

// SummaryMax is the longest summary PrintData writes, in characters.
const SummaryMax = 320

type printCase struct {
	Slug         string `json:"slug"`
	Pseudonym    string `json:"pseudonym"`
	Title        string `json:"title"`
	Province     string `json:"province"` // gazetteer code, to match a pack's scope
	ProvinceName string `json:"province_name"`
	Summary      string `json:"summary"`
	Outcome      string `json:"outcome"`   // in words
	Mechanism    string `json:"mechanism"` // in words; "" when none
	Year         string `json:"year"`      // in the language's digits
	// Web is true only when the case is also allowed on the web (Gate's
	// Web channel): only those may appear in a public pack, which is
	// published as HTML and PDF.
	Web bool `json:"web"`
}

// PrintData is what the briefing packs' print pages render case-study
// summaries from (site.Input.Data["casestudies_print"], read as
// hugo.Data.casestudies_print): per language, a list of cases with their
// pseudonym, province code and name, a short summary, outcome, mechanism,
// year and whether the case is also allowed on the web; and the words of
// the case-study pages per language ("labels").
//
// Pass the cases Gate allowed on Print. PrintData gates again, so a case
// not allowed in print is left out whatever it is given, and Web is set
// only for a case that Gate also allows on the web: a print-only case
// has Web false and must only appear in restricted packs (the template
// layouts/briefs/page.html keeps it out of public ones).
//
// Cases are listed newest first (FacetYear), then by slug.
func PrintData(cases []Case, opt SiteOptions) (map[string]any, error) {
	labels, err := loadLabels(opt.Langs)
	if err != nil {
		return nil, err
	}
	printed, _ := Gate(cases, Print)
	web, _ := Gate(printed, Web)
	onWeb := map[string]bool{}
	for _, c := range web {
		onWeb[c.File] = true
	}
	printed = slices.Clone(printed)
	slices.SortStableFunc(printed, func(a, b Case) int {
		return cmp.Or(cmp.Compare(b.FacetYear(), a.FacetYear()), cmp.Compare(a.Slug, b.Slug))
	})
	out := map[string][]printCase{}
	for _, l := range opt.Langs {
		out[l] = []printCase{}
	}
	for _, c := range printed {
		if c.Province == "" {
			return nil, fmt.Errorf("%s: province: not resolved in the gazetteer", c.File)
		}
		p, ok := opt.Places.Get(c.Province)
		if !ok {
			return nil, fmt.Errorf("%s: province: %s is not in the gazetteer", c.File, c.Province)
		}
		names := placeName(p, opt.Langs)
		for _, l := range opt.Langs {
			word := func(id, code string) string {
				if t := labels[l][id]; t != "" {
					return t
				}
				return code
			}
			pc := printCase{
				Slug:         c.Slug,
				Pseudonym:    c.Pseudonym,
				Title:        cmp.Or(c.Title[l], c.Title["en"], c.Pseudonym),
				Province:     c.Province,
				ProvinceName: names[l],
				Summary:      Summary(cmp.Or(c.Body[l], c.Body["en"]), SummaryMax),
				Outcome:      word("outcome_"+c.Outcome, c.Outcome),
				Year:         i18n.Digitize(l, strconv.Itoa(c.FacetYear()), opt.Digits),
				Web:          onWeb[c.File],
			}
			if c.Mechanism != "" {
				pc.Mechanism = word("mechanism_"+c.Mechanism, c.Mechanism)
			}
			out[l] = append(out[l], pc)
		}
	}
	return map[string]any{"cases": out, "labels": labels}, nil
}

var (
	paragraphBreak = regexp.MustCompile(`\n\s*\n`)
	// emphasisOnly is a paragraph wholly in italics or bold: the "this case
	// is invented" line, not the story.
	emphasisOnly = regexp.MustCompile(`^(\*{1,2}|_{1,2})[^*_]+(\*{1,2}|_{1,2})$`)
	mdLink       = regexp.MustCompile(`\[([^\]]*)\]\([^)]*\)`)
	mdMarks      = strings.NewReplacer("**", "", "__", "", "*", "", "`", "")
	space        = regexp.MustCompile(`\s+`)
	// sentenceEnd: a full stop, question or exclamation mark before a space,
	// or the Khmer khan (។).
	sentenceEnd = regexp.MustCompile(`[.!?]\s|។\s*`)
)

// Summary is the first paragraph of a Markdown story that is not wholly
// emphasised (the "invented for illustration" note), as plain text, cut
// at the last sentence end that fits in max characters, else at the last
// space (with "…"), else at max characters (with "…").
func Summary(body string, max int) string {
	var para string
	for _, p := range paragraphBreak.Split(strings.TrimSpace(body), -1) {
		p = strings.TrimSpace(p)
		if p == "" || emphasisOnly.MatchString(p) || strings.HasPrefix(p, "#") {
			continue
		}
		para = p
		break
	}
	para = mdLink.ReplaceAllString(para, "$1")
	para = mdMarks.Replace(para)
	para = strings.TrimSpace(space.ReplaceAllString(para, " "))
	if utf8.RuneCountInString(para) <= max {
		return para
	}
	cut := string([]rune(para)[:max])
	if locs := sentenceEnd.FindAllStringIndex(cut+" ", -1); len(locs) > 0 {
		if s := strings.TrimSpace(cut[:locs[len(locs)-1][1]]); s != "" {
			return s
		}
	}
	if i := strings.LastIndex(cut, " "); i > 0 {
		return strings.TrimSpace(cut[:i]) + "…"
	}
	return cut + "…"
}
