package rules

import (
	"fmt"
	"os"
	"time"

	"github.com/BurntSushi/toml"
)

// AgeLimit is the oldest age (in years) at which a child may live in prison
// with the mother, in force from From (inclusive) until the next limit.
type AgeLimit struct {
	From  string `toml:"from"` // YYYY-MM-DD
	Years int    `toml:"years"`
	Law   string `toml:"law"` // the law that set it, as cited on pages
}

// Disclosure is one disclosure-control rule: counts of Measures at Levels
// from 1 to Below-1 are suppressed ("fewer than Below"), and other counts
// can be rounded to RoundTo.
type Disclosure struct {
	Measures []string `toml:"measures"`
	Levels   []string `toml:"levels"`
	Below    int      `toml:"below"`
	RoundTo  int      `toml:"round_to"`
}

// Rules are the rules in force.
type Rules struct {
	ChildAgeLimit []AgeLimit   `toml:"child_age_limit"`
	Disclosure    []Disclosure `toml:"disclosure"`
}

// Load reads and validates a rules file.
func Load(path string) (*Rules, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var r Rules
	md, err := toml.Decode(string(b), &r)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if und := md.Undecoded(); len(und) > 0 {
		return nil, fmt.Errorf("%s: unknown key %s", path, und[0])
	}
	if err := r.Validate(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return &r, nil
}

// Validate checks dates and order.
func (r *Rules) Validate() error {
	prev := ""
	for i, l := range r.ChildAgeLimit {
		if _, err := time.Parse(time.DateOnly, l.From); err != nil {
			return fmt.Errorf("child_age_limit[%d].from: %q is not a date (YYYY-MM-DD)", i, l.From)
		}
		if l.Years <= 0 {
			return fmt.Errorf("child_age_limit[%d].years: %d is not a positive number of years", i, l.Years)
		}
		if l.From <= prev {
			return fmt.Errorf("child_age_limit[%d].from: %s is not after the previous limit's %s", i, l.From, prev)
		}
		prev = l.From
	}
	for i, d := range r.Disclosure {
		if d.Below < 0 || d.RoundTo < 0 {
			return fmt.Errorf("disclosure[%d]: below and round_to must not be negative", i)
		}
	}
	return nil
}

// AgeLimitOn returns the limit in force on date (YYYY-MM-DD).
func (r *Rules) AgeLimitOn(date string) (AgeLimit, bool) {
	var found AgeLimit
	ok := false
	for _, l := range r.ChildAgeLimit {
		if l.From <= date {
			found, ok = l, true
		}
	}
	return found, ok
}
