package check

import (
	"time"

	"github.com/prisonstats/prisonstats/internal/places"
	"github.com/prisonstats/prisonstats/internal/rules"
)

// Options configure Run. The zero value checks everything that needs no
// setting and turns off the rules that do (places, years, changes).
type Options struct {
	// Places, when set, makes a place code that is not in the gazetteer an
	// error (foreign-key).
	Places *places.Gazetteer
	// Rules are the rules in force. No rule of this package uses them yet:
	// children past the age limit are reported by the site, not here.
	Rules *rules.Rules

	// MaxChange bounds the change between a value and the value of the same
	// key on the same day one year earlier. With lo and hi the smaller and
	// larger of the two, the change is implausible when hi > lo*(1+MaxChange):
	// the default 1.0 flags a value that more than doubles or falls below
	// half. Zero or less turns the rule off.
	MaxChange float64
	// MinChangeBase is the size below which changes are not judged: the rule
	// applies only when the larger of the two values is at least this. Small
	// counts (3 pregnant women, then 7) double by chance. Default 100.
	MinChangeBase float64

	// MinYear and MaxYear bound plausible years of reference dates; zero
	// turns a bound off. Defaults: 1950 and the current year.
	MinYear, MaxYear int
}

// DefaultOptions returns the options `prisonstats check` uses, without
// gazetteer and rules (the caller sets those).
func DefaultOptions() Options {
	return Options{
		MaxChange:     1.0,
		MinChangeBase: 100,
		MinYear:       1950,
		MaxYear:       time.Now().Year(),
	}
}
