package check

import (
	"github.com/prisonstats/prisonstats/internal/finding"
	"github.com/prisonstats/prisonstats/internal/obs"
)

// Run applies every rule to the observations and returns all findings,
// sorted (errors first, then by position). It does not modify observations.
func Run(observations []obs.Observation, opt Options) finding.List {
	ix := newIndex(observations)
	var out finding.List
	checkValues(ix, opt, &out)
	checkDuplicates(ix, &out)
	checkParts(ix, &out)
	checkMeasures(ix, &out)
	checkHierarchy(ix, opt.Places, &out)
	checkChanges(ix, opt, &out)
	out.Sort()
	return out
}
