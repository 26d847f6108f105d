package check

import (
	"cmp"
	"slices"

	"github.com/prisonstats/prisonstats/internal/obs"
)

// Fields of a key, in obs.Key order.
const (
	fDate = iota
	fPlace
	fSex
	fStatus
	fAge
	fMeasure
	fCategory
	nFields
)

// ikey is an obs.Key with every string replaced by a small number, so that
// the many lookups the rules make hash 28 bytes instead of seven strings.
type ikey [nFields]uint32

// noID stands for a string that does not occur.
const noID = ^uint32(0)

// interner numbers the distinct strings of one field.
type interner struct {
	ids  map[string]uint32
	strs []string
}

func (in *interner) id(s string) uint32 {
	if id, ok := in.ids[s]; ok {
		return id
	}
	id := uint32(len(in.strs))
	in.ids[s] = id
	in.strs = append(in.strs, s)
	return id
}

func (in *interner) lookup(s string) uint32 {
	if id, ok := in.ids[s]; ok {
		return id
	}
	return noID
}

// index holds the observations with their interned keys, grouped by place
// and date: within a group the observations are sorted by the rest of the
// key (then by input order), so a key is found by binary search in a group
// that is usually a few dozen long and close together in memory. (A map of
// every key was tried first: at a million observations its lookups missed
// the cache and cost four times as much.)
type index struct {
	obs    []obs.Observation
	fields [nFields]interner
	keys   []ikey
	// group[i] is the place-and-date group of observation i; groups maps
	// (date, place) ids to a group; members[start[g]:start[g+1]] are the
	// observations of group g in key order.
	group   []int32
	groups  map[[2]uint32]int32
	start   []int32
	members []int32
	// later marks the observations whose key occurred before; bad marks the
	// first observation of a key that holds two different values.
	later, bad []bool
	// dups pairs each repeated observation with the first of its key.
	dups [][2]int32

	// Ids of the vocabulary, interned before the data so they always exist.
	female, male, total           uint32 // sex
	pretrial, sentenced, stTotal  uint32 // status
	ageTotal                      uint32 // age
	noCategory                    uint32 // category ""
	prisoners, pregnant, feeding  uint32 // measures
	children, withChildren, rate  uint32
	knownMeasure                  []bool // by measure id
	knownSex, knownStat, knownAge []bool
}

func newIndex(in []obs.Observation) *index {
	ix := &index{
		obs:    in,
		keys:   make([]ikey, len(in)),
		group:  make([]int32, len(in)),
		groups: map[[2]uint32]int32{},
		later:  make([]bool, len(in)),
		bad:    make([]bool, len(in)),
	}
	for f := range ix.fields {
		ix.fields[f].ids = map[string]uint32{}
	}
	ix.female = ix.fields[fSex].id(obs.Female)
	ix.male = ix.fields[fSex].id(obs.Male)
	ix.total = ix.fields[fSex].id(obs.Total)
	ix.pretrial = ix.fields[fStatus].id(obs.Pretrial)
	ix.sentenced = ix.fields[fStatus].id(obs.Sentenced)
	ix.stTotal = ix.fields[fStatus].id(obs.Total)
	ix.fields[fAge].id(obs.Adult)
	ix.fields[fAge].id(obs.Juvenile)
	ix.ageTotal = ix.fields[fAge].id(obs.Total)
	ix.noCategory = ix.fields[fCategory].id("")
	for _, m := range obs.Measures {
		ix.fields[fMeasure].id(m)
	}
	ix.prisoners = ix.fields[fMeasure].id(obs.Prisoners)
	ix.pregnant = ix.fields[fMeasure].id(obs.Pregnant)
	ix.feeding = ix.fields[fMeasure].id(obs.Breastfeeding)
	ix.children = ix.fields[fMeasure].id(obs.ChildrenInPrison)
	ix.withChildren = ix.fields[fMeasure].id(obs.WomenWithChildren)
	ix.rate = ix.fields[fMeasure].id(obs.PrisonersRate)

	// Intern the keys and count the members of each group.
	var count []int32
	for i := range in {
		o := &in[i]
		k := ikey{
			ix.fields[fDate].id(o.Date),
			ix.fields[fPlace].id(o.Place),
			ix.fields[fSex].id(o.Sex),
			ix.fields[fStatus].id(o.Status),
			ix.fields[fAge].id(o.Age),
			ix.fields[fMeasure].id(o.Measure),
			ix.fields[fCategory].id(o.Category),
		}
		ix.keys[i] = k
		gk := [2]uint32{k[fDate], k[fPlace]}
		g, ok := ix.groups[gk]
		if !ok {
			g = int32(len(count))
			ix.groups[gk] = g
			count = append(count, 0)
		}
		ix.group[i] = g
		count[g]++
	}

	// Lay the groups out one after the other, each in key order.
	ix.start = make([]int32, len(count)+1)
	for g, c := range count {
		ix.start[g+1] = ix.start[g] + c
	}
	ix.members = make([]int32, len(in))
	next := slices.Clone(ix.start[:len(count)])
	for i, g := range ix.group {
		ix.members[next[g]] = int32(i)
		next[g]++
	}
	for g := range count {
		seg := ix.members[ix.start[g]:ix.start[g+1]]
		slices.SortFunc(seg, func(a, b int32) int {
			return cmp.Or(cmpRest(&ix.keys[a], &ix.keys[b]), cmp.Compare(a, b))
		})
		// Equal keys are now adjacent, the first in input order first.
		for j := 1; j < len(seg); j++ {
			a, b := seg[j-1], seg[j]
			if ix.keys[a] != ix.keys[b] {
				continue
			}
			first := a
			if ix.later[a] {
				first = ix.dups[len(ix.dups)-1][0]
			}
			ix.later[b] = true
			ix.dups = append(ix.dups, [2]int32{first, b})
			if in[first].Value != in[b].Value {
				ix.bad[first] = true
			}
		}
	}

	ix.knownMeasure = known(len(ix.fields[fMeasure].strs), len(obs.Measures))
	ix.knownSex = known(len(ix.fields[fSex].strs), 3)
	ix.knownStat = known(len(ix.fields[fStatus].strs), 3)
	ix.knownAge = known(len(ix.fields[fAge].strs), 3)
	return ix
}

// cmpRest compares two keys of one group: measure, sex, status, age, category.
func cmpRest(a, b *ikey) int {
	return cmp.Or(
		cmp.Compare(a[fMeasure], b[fMeasure]),
		cmp.Compare(a[fSex], b[fSex]),
		cmp.Compare(a[fStatus], b[fStatus]),
		cmp.Compare(a[fAge], b[fAge]),
		cmp.Compare(a[fCategory], b[fCategory]),
	)
}

// known marks the first n of size ids, the ones interned from the vocabulary.
func known(size, n int) []bool {
	b := make([]bool, size)
	for i := range n {
		b[i] = true
	}
	return b
}

// str returns the string an id stands for in field f.
func (ix *index) str(f int, id uint32) string { return ix.fields[f].strs[id] }

// value returns the value of key k and the observation holding it, when the
// key exists, holds a number and does not conflict.
func (ix *index) value(k ikey) (float64, int32, bool) {
	g, ok := ix.groups[[2]uint32{k[fDate], k[fPlace]}]
	if !ok {
		return 0, 0, false
	}
	return ix.valueIn(g, k)
}

// valueIn is value for a key known to belong to group g.
func (ix *index) valueIn(g int32, k ikey) (float64, int32, bool) {
	i, ok := ix.findIn(g, k)
	if !ok || !ix.obs[i].Value.OK() || ix.bad[i] {
		return 0, 0, false
	}
	return ix.obs[i].Value.Num, i, true
}

// find returns the first observation with key k, whatever its value.
func (ix *index) find(k ikey) (int32, bool) {
	g, ok := ix.groups[[2]uint32{k[fDate], k[fPlace]}]
	if !ok {
		return 0, false
	}
	return ix.findIn(g, k)
}

// findIn is find within group g: a binary search for the first member with
// k's measure, sex, status, age and category.
func (ix *index) findIn(g int32, k ikey) (int32, bool) {
	lo, hi := ix.start[g], ix.start[g+1]
	end := hi
	for lo < hi {
		mid := lo + (hi-lo)/2
		if cmpRest(&ix.keys[ix.members[mid]], &k) < 0 {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	if lo == end {
		return 0, false
	}
	i := ix.members[lo] // the first of its key: ties are in input order
	return i, cmpRest(&ix.keys[i], &k) == 0
}

// sibling is value for a key in the same place-and-date group as
// observation i.
func (ix *index) sibling(i int32, k ikey) (float64, int32, bool) {
	return ix.valueIn(ix.group[i], k)
}

// usable reports whether observation i is the one its key's value is read
// from: the first of its key, holding a number, not in conflict.
func (ix *index) usable(i int) bool {
	return !ix.later[i] && !ix.bad[i] && ix.obs[i].Value.OK()
}

// with returns k with field f set to id.
func with(k ikey, f int, id uint32) ikey {
	k[f] = id
	return k
}
