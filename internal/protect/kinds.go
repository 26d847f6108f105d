package protect

import (
	"slices"

	"github.com/prisonstats/prisonstats/internal/compute"
	"github.com/prisonstats/prisonstats/internal/obs"
)

// counts are the additive indicators: a place's count is the sum of its
// sub-places' counts, a total is the sum of its breakdowns.
var counts = []string{compute.IndPrisoners, compute.IndCapacity, compute.IndPregnant, compute.IndBreastfeeding,
	compute.IndWomenWithChildren, compute.IndChildrenInPrison, compute.IndChildrenOverLimit,
	compute.IndReleases, compute.IndChildrenReleased}

// shares are the derived indicators that are a part of a whole in percent;
// a rule naming one hides 0% and 100% over a base below the threshold.
var shares = []string{compute.IndFemaleShare, compute.IndPretrialShare}

// derived are the indicators computed from counts (see deps).
var derived = []string{compute.IndFemaleShare, compute.IndPretrialShare, compute.IndOccupancy,
	compute.IndPrisonersIndex, compute.IndRatePer100k}

// isCount reports whether an indicator is additive. An indicator the
// package does not know is a count when the catalogue says so; otherwise it
// is treated as derived from every count at its place and date (hidden
// whenever one of them is).
func isCount(res *compute.Result, ind string) bool {
	if slices.Contains(counts, ind) {
		return true
	}
	if slices.Contains(derived, ind) {
		return false
	}
	for _, c := range res.Catalogue {
		if c.ID == ind {
			return c.Unit == "count"
		}
	}
	return false
}

// isSexes reports whether breakdowns are sexes (female, male, total).
func isSexes(bds []string) bool {
	for _, b := range bds {
		if b != obs.Female && b != obs.Male && b != obs.Total {
			return false
		}
	}
	return true
}
