package casestudy

import (
	"fmt"
	"math"
	"time"
)

// Channels a case study can be published on.
const (
	Web   = "web"
	Print = "print"
)

// Case is one case study, as read from its file.
type Case struct {
	File string // the file, as Load found it (dir joined with the name)
	Slug string // the file name without .md: the page's URL segment

	Pseudonym   string
	Province    string // gazetteer code; "" when it did not resolve
	Prison      string // gazetteer code of the facility; "" when none or unknown
	PrisonName  string // as written
	CustodyFrom string // YYYY-MM-DD
	CustodyTo   string // YYYY-MM-DD, or "" when still detained
	Status      []StatusChange
	Offence     string
	Children    Children
	Pregnant    bool
	Outcome     string // released, pardoned, sentence_reduced, still_detained
	Mechanism   string // royal_pardon, early_release, court_decision, ...
	OutcomeDate string // YYYY-MM-DD, or "" when still detained
	SupportedBy string
	Consent     Consent
	// Publish is where the case is set to appear: front matter publish,
	// else the consent's scope, else (no consent given) every channel.
	Publish []string
	// Title and Body are per language ("en" from name.md, others from
	// name.<lang>.md); the body is Markdown.
	Title map[string]string
	Body  map[string]string

	// asOf is the date consent expiry is judged against (Load's today).
	asOf time.Time
}

// StatusChange is one entry of status_history.
type StatusChange struct {
	Date   string `json:"date"`
	Status string `json:"status"` // pretrial, sentenced, appeal
}

// Children are the woman's children, never named.
type Children struct {
	Number   int      `json:"number"`
	AgeBands []string `json:"age_bands,omitempty"`
	// WithHer are the children living with her in prison when she left
	// custody (now, while she is still detained): those released with her.
	WithHer int `json:"with_her"`
}

// Consent is the woman's consent to publication.
type Consent struct {
	Given   bool
	Date    string   // YYYY-MM-DD
	Scope   []string // web, print
	Expires string   // YYYY-MM-DD, or "" when it does not expire
}

// ReleaseDate is the day she left custody: custody.to, else the outcome
// date when the outcome freed her (released, pardoned); "" otherwise.
func (c Case) ReleaseDate() string {
	if c.CustodyTo != "" {
		return c.CustodyTo
	}
	if c.Outcome == "released" || c.Outcome == "pardoned" {
		return c.OutcomeDate
	}
	return ""
}

// DaysToRelease is the number of days from custody.from to the release
// date, and whether both dates are known.
func (c Case) DaysToRelease() (int, bool) {
	from, err1 := time.Parse(time.DateOnly, c.CustodyFrom)
	to, err2 := time.Parse(time.DateOnly, c.ReleaseDate())
	if err1 != nil || err2 != nil || to.Before(from) {
		return 0, false
	}
	return int(math.Round(to.Sub(from).Hours() / 24)), true
}

// Years are the calendar years she spent in custody: from custody.from to
// the release date, or to asOf's year when she is still detained.
func (c Case) Years() []int {
	from := year(c.CustodyFrom)
	to := year(c.ReleaseDate())
	if to == 0 {
		to = year(c.OutcomeDate)
	}
	if to == 0 && !c.asOf.IsZero() {
		to = c.asOf.Year()
	}
	if from == 0 || to < from {
		return nil
	}
	var ys []int
	for y := from; y <= to; y++ {
		ys = append(ys, y)
	}
	return ys
}

// FacetYear is the year the case is filed under: the outcome's year, or
// the year custody began when she is still detained.
func (c Case) FacetYear() int {
	if y := year(c.OutcomeDate); y > 0 {
		return y
	}
	return year(c.CustodyFrom)
}

func year(date string) int {
	var y int
	if len(date) < 4 {
		return 0
	}
	if _, err := fmt.Sscanf(date[:4], "%d", &y); err != nil {
		return 0
	}
	return y
}
