package protect

import (
	"slices"
	"strings"

	"github.com/prisonstats/prisonstats/internal/compute"
	"github.com/prisonstats/prisonstats/internal/places"
)

// findingInputs maps key-finding ids (by prefix, longest first) to the
// indicators their sentences quote.
var findingInputs = []struct {
	prefix string
	inds   []string
}{
	{"finding_children_over_limit", []string{compute.IndChildrenOverLimit, compute.IndChildrenInPrison}},
	{"finding_children", []string{compute.IndChildrenInPrison}},
	{"finding_pregnant", []string{compute.IndPregnant}},
	{"finding_releases", []string{compute.IndReleases, compute.IndChildrenReleased}},
	{"finding_growth", []string{compute.IndPrisoners, compute.IndPrisonersIndex}},
	{"finding_female_share", []string{compute.IndPrisoners, compute.IndFemaleShare}},
	{"finding_share_world_rank", []string{compute.IndFemaleShare}},
	{"finding_pretrial", []string{compute.IndPretrialShare, compute.IndPrisoners}},
}

// withhold drops the key findings that quote a hidden value: one whose
// indicators have a hidden point at its place (or at a sub-place, for
// "_most" sentences that name the place with the most). A finding this
// package does not know is dropped when anything at its place or a
// sub-place is hidden.
func withhold(res *compute.Result, g *places.Gazetteer, hidden map[key]string) (kept []compute.KeyFinding, dropped []string) {
	hiddenAt := func(inds []string, place string, sub bool) bool {
		for k := range hidden {
			if inds != nil && !slices.Contains(inds, k.ind) {
				continue
			}
			if k.place == place {
				return true
			}
			if p, ok := g.Get(k.place); sub && ok && p.Parent == place {
				return true
			}
		}
		return false
	}
	for _, f := range res.Findings {
		var inds []string
		known := false
		for _, fi := range findingInputs {
			if strings.HasPrefix(f.ID, fi.prefix) {
				inds, known = fi.inds, true
				break
			}
		}
		sub := !known || strings.Contains(f.ID, "_most")
		if hiddenAt(inds, f.Place, sub) {
			dropped = append(dropped, f.ID+" "+f.Place)
			continue
		}
		kept = append(kept, f)
	}
	return kept, dropped
}
