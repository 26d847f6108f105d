package diff

import (
	"cmp"
	"slices"

	"github.com/prisonstats/prisonstats/internal/obs"
)

// Summary is what changed from one set of observations to the next.
type Summary struct {
	// Old and New name the two sides (a folder or a revision); Date is the
	// release's date when known (History sets it). Compare leaves them empty.
	Old, New, Date string

	OldCount, NewCount int // distinct keys on each side

	NewPeriods, VanishedPeriods   []string // reference dates, YYYY-MM-DD
	NewPlaces, VanishedPlaces     []string // gazetteer codes
	NewMeasures, VanishedMeasures []string

	Revised []Revision // sorted by key
	// Added and Removed count the keys only in the new or only in the old
	// set (those of new or vanished periods and places included).
	Added, Removed int
}

// Revision is one value that changed between releases.
type Revision struct {
	Key       obs.Key
	Old, New  obs.Value
	OldSource obs.Source
	NewSource obs.Source
}

// Empty reports whether nothing changed.
func (s Summary) Empty() bool {
	return len(s.Revised) == 0 && s.Added == 0 && s.Removed == 0
}

// Compare returns what changed from old to new.
func Compare(old, new []obs.Observation) Summary {
	o, n := index(old), index(new)
	s := Summary{OldCount: len(o), NewCount: len(n)}
	for k, ob := range o {
		nb, ok := n[k]
		if !ok {
			s.Removed++
			continue
		}
		if ob.Value != nb.Value {
			s.Revised = append(s.Revised, Revision{Key: k, Old: ob.Value, New: nb.Value, OldSource: ob.Source, NewSource: nb.Source})
		}
	}
	for k := range n {
		if _, ok := o[k]; !ok {
			s.Added++
		}
	}
	slices.SortFunc(s.Revised, func(a, b Revision) int { return compareKeys(a.Key, b.Key) })
	field := func(f func(obs.Observation) string) (added, vanished []string) {
		return setDiff(values(old, f), values(new, f))
	}
	s.NewPeriods, s.VanishedPeriods = field(func(o obs.Observation) string { return o.Date })
	s.NewPlaces, s.VanishedPlaces = field(func(o obs.Observation) string { return o.Place })
	s.NewMeasures, s.VanishedMeasures = field(func(o obs.Observation) string { return o.Measure })
	return s
}

// index maps each key to its first observation.
func index(os []obs.Observation) map[obs.Key]obs.Observation {
	m := make(map[obs.Key]obs.Observation, len(os))
	for _, o := range os {
		if _, ok := m[o.Key()]; !ok {
			m[o.Key()] = o
		}
	}
	return m
}

func values(os []obs.Observation, f func(obs.Observation) string) map[string]bool {
	m := map[string]bool{}
	for _, o := range os {
		m[f(o)] = true
	}
	return m
}

// setDiff returns the sorted members only in b (added) and only in a
// (vanished).
func setDiff(a, b map[string]bool) (added, vanished []string) {
	for v := range b {
		if !a[v] {
			added = append(added, v)
		}
	}
	for v := range a {
		if !b[v] {
			vanished = append(vanished, v)
		}
	}
	slices.Sort(added)
	slices.Sort(vanished)
	return added, vanished
}

// compareKeys orders by measure, place, date, then the breakdowns, the way
// a reader scans a table of revisions.
func compareKeys(a, b obs.Key) int {
	return cmp.Or(
		cmp.Compare(a.Measure, b.Measure),
		cmp.Compare(a.Place, b.Place),
		cmp.Compare(a.Date, b.Date),
		cmp.Compare(a.Sex, b.Sex),
		cmp.Compare(a.Status, b.Status),
		cmp.Compare(a.Age, b.Age),
		cmp.Compare(a.Category, b.Category),
	)
}
