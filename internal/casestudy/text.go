package casestudy

import (
	"regexp"
	"strings"

	"github.com/prisonstats/prisonstats/internal/finding"
	"github.com/prisonstats/prisonstats/internal/obs"
)

// Patterns of text that can identify a woman or her children. They are
// warnings: a person reads the story and decides.
var (
	// idNumber: six digits or more in a row, or three groups of three
	// digits or more (ID cards, case files, phone numbers). Khmer digits
	// count too.
	idNumber = regexp.MustCompile(`[0-9០-៩]{6,}|[0-9០-៩]{3,}[ \-/.][0-9០-៩]{3,}[ \-/.][0-9០-៩]{3,}`)
	// exactDate: a full day, month and year.
	exactDate = regexp.MustCompile(`(?i)\b\d{4}-\d{1,2}-\d{1,2}\b|\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b|\b\d{1,2}(st|nd|rd|th)? (of )?(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]* \d{4}\b|\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]* \d{1,2}(st|nd|rd|th)?,? \d{4}\b`)
	// birth: words saying a date is a birth date.
	birth = regexp.MustCompile(`(?i)\bborn\b|\bbirth|\bdob\b|កើត`)
	// childName: a child word followed by a capitalised name ("her son
	// Dara", "a daughter named Srey", "baby, Vanna,").
	childName = regexp.MustCompile(`\b(?:[Ss]on|[Dd]aughter|[Bb]aby|[Cc]hild|[Bb]oy|[Gg]irl|[Gg]randchild|[Nn]ephew|[Nn]iece)(?:,| was| is)? (?:(?:named|called) )?([A-Z][a-z]+)`)
	// namedWord: "named X", "called X", and Khmer "កូន…ឈ្មោះ" (a child
	// named), "ទារកឈ្មោះ" (a baby named).
	namedWord = regexp.MustCompile(`\b(?:named|called|name is|nicknamed) [A-Z]|(?:កូន|ទារក|ក្មួយ|ចៅ)(?:ស្រី|ប្រុស|ពៅ|ច្បង)?\s*ឈ្មោះ`)
)

// notNames are capitalised words that follow a child word without being a
// name.
var notNames = map[string]bool{"The": true, "In": true, "At": true, "When": true, "After": true,
	"Before": true, "She": true, "He": true, "They": true, "Her": true, "His": true, "And": true,
	"But": true, "Both": true, "Rule": true, "Rules": true, "Law": true}

// checkText warns about text that looks like a real child's name, an ID
// number or an exact birth date in a title and a story whose first line
// is line firstLine of the file. Each finding names the file, and the line
// for the story.
func checkText(path, title, body string, firstLine int) finding.List {
	var fs finding.List
	lines := append([]string{title}, strings.Split(body, "\n")...)
	for i, line := range lines {
		src := obs.Source{File: path}
		if i > 0 {
			src.Line = firstLine + i - 1
		}
		for _, m := range idNumber.FindAllString(line, -1) {
			if exactDate.MatchString(m) {
				continue // a date, judged below
			}
			fs = append(fs, finding.Warnf(src, finding.PersonalData,
				"%q looks like an ID or case number; remove it", m))
		}
		if birth.MatchString(line) {
			for _, m := range exactDate.FindAllString(line, -1) {
				fs = append(fs, finding.Warnf(src, finding.PersonalData,
					"%q looks like an exact birth date; give the year or an age band instead", m))
			}
		}
		for _, m := range childName.FindAllStringSubmatch(line, -1) {
			if !notNames[m[1]] {
				fs = append(fs, finding.Warnf(src, finding.PersonalData,
					"%q looks like a child's name; children are never named", m[0]))
			}
		}
		if namedWord.MatchString(line) && len(childName.FindAllString(line, -1)) == 0 {
			fs = append(fs, finding.Warnf(src, finding.PersonalData,
				"%q names someone; children are never named and adults only by pseudonym", strings.TrimSpace(namedWord.FindString(line))))
		}
	}
	return fs
}
