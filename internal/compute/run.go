package compute

import (
	"fmt"
	"time"

	"github.com/prisonstats/prisonstats/internal/obs"
	"github.com/prisonstats/prisonstats/internal/places"
)

// Run computes every indicator's series for every place with data, the
// country's rank among countries by women's share (when opt.Reference is
// given) and the key findings in every language of opt.Langs.
func Run(observations []obs.Observation, opt Options) (*Result, error) {
	if len(opt.Langs) > 0 && opt.I18n == nil {
		return nil, fmt.Errorf("languages %v given without an i18n catalog", opt.Langs)
	}
	for _, o := range observations {
		if _, err := time.Parse(time.DateOnly, o.Date); err != nil {
			return nil, fmt.Errorf("%s: date %q is not YYYY-MM-DD", o.Source, o.Date)
		}
		if o.Place == "" {
			return nil, fmt.Errorf("%s: no place", o.Source)
		}
	}
	order := placeOrder(opt.Places)
	b := &builder{t: newTable(observations, opt.Places), rules: opt.Rules, obs: observations, order: order}
	b.build()
	r := &Result{Catalogue: Catalogue(), Series: b.series, Levels: map[string]string{}}
	for _, s := range r.Series {
		lvl := ""
		if opt.Places != nil {
			if p, ok := opt.Places.Get(s.Place); ok {
				lvl = p.Level
			}
		}
		r.Levels[s.Place] = lvl
	}
	f := &findings{r: r, opt: opt}
	if len(opt.Reference) > 0 {
		ref := shareByYear(opt.Reference)
		for _, p := range findingPlaces(r, order) {
			if r.Levels[p] != places.Country {
				continue
			}
			if s, ok := r.Get(IndFemaleShare, p, ""); ok {
				if cr, ok := rankAmongCountries(ref, countryCodes(opt.Places, p), s); ok {
					r.WorldRank = &cr
				}
			}
			break
		}
	}
	for _, p := range findingPlaces(r, order) {
		if err := f.place(p); err != nil {
			return nil, fmt.Errorf("findings for %s: %w", p, err)
		}
	}
	r.Findings = f.out
	return r, nil
}
