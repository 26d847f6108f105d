package protect

import (
	"slices"
	"strings"
)

// Cell is one hidden value and why it was hidden.
type Cell struct{ Indicator, Place, Breakdown, Date, Why string }

// Report lists what Apply hid.
type Report struct {
	// Suppressed is every hidden value, in indicator, place, breakdown and
	// date order.
	Suppressed []Cell
	// Withheld are the key findings left out because they rest on a hidden
	// value ("finding_pregnant KH-9").
	Withheld []string
}

func (ap *applier) report() *Report {
	rep := &Report{}
	for k, why := range ap.why {
		rep.Suppressed = append(rep.Suppressed, k.cell(why))
	}
	slices.SortFunc(rep.Suppressed, func(a, b Cell) int {
		return strings.Compare(a.Indicator+"\x00"+a.Place+"\x00"+a.Breakdown+"\x00"+a.Date,
			b.Indicator+"\x00"+b.Place+"\x00"+b.Breakdown+"\x00"+b.Date)
	})
	return rep
}
