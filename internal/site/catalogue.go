package site

import (
	"github.com/prisonstats/prisonstats/internal/compute"
)

type catalogueEntry struct {
	compute.Indicator
	Name string `json:"name"`
}

// catalogue lists the indicator catalogue per language, for the
// methodology page. Names are translated where i18n has
// "indicator_<id>"; definitions stay in English until translated.
func catalogue(in Input) (map[string][]catalogueEntry, error) {
	out := map[string][]catalogueEntry{}
	for _, lang := range in.Langs {
		for _, ind := range in.Result.Catalogue {
			e := catalogueEntry{Indicator: ind, Name: ind.Name}
			if id := "indicator_" + ind.ID; in.I18n.Has(lang, id) {
				n, err := in.I18n.T(lang, id, nil)
				if err != nil {
					return nil, err
				}
				e.Name = n
			}
			out[lang] = append(out[lang], e)
		}
	}
	return out, nil
}
