package compute

import (
	"github.com/prisonstats/prisonstats/internal/i18n"
	"github.com/prisonstats/prisonstats/internal/obs"
	"github.com/prisonstats/prisonstats/internal/places"
	"github.com/prisonstats/prisonstats/internal/rules"
)

// Options are what Run needs besides the observations.
type Options struct {
	// Places aggregates facilities to provinces and provinces to the
	// country, and names places in sentences. Nil: no aggregation.
	Places *places.Gazetteer
	// Rules give the child age limit in force on a date. Nil: children over
	// the limit cannot be computed.
	Rules *rules.Rules
	// I18n renders key findings. Nil: findings carry Params but no Text.
	I18n *i18n.Catalog
	// Langs are the languages findings are written in, e.g. ["en", "km"].
	Langs []string
	// Digits chooses the numerals for km.
	Digits i18n.Digits
	// Reference is an optional table of other countries' observations (e.g.
	// UNODC) used to rank a place among countries by women's share; nil
	// when not supplied.
	Reference []obs.Observation
	// HeadlineTo are the end years of the growth headline ("between the
	// first year and Y"), one finding per year. Empty: the latest year.
	// An end year past a gap in the data is cut back to the year before
	// the gap.
	HeadlineTo []int
	// ShareThreshold is the women's share (percent) whose first crossing is
	// reported. Zero: 8.
	ShareThreshold float64
	// WorldTop is the rank at or above which the country is said to be
	// "among the top N worldwide". Zero: 30.
	WorldTop int
}

func (o Options) shareThreshold() float64 {
	if o.ShareThreshold == 0 {
		return 8
	}
	return o.ShareThreshold
}

func (o Options) worldTop() int {
	if o.WorldTop == 0 {
		return 30
	}
	return o.WorldTop
}
