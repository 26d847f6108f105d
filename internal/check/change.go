package check

import (
	"fmt"
	"strconv"

	"github.com/prisonstats/prisonstats/internal/finding"
)

// checkChanges compares each value with the value of the same key on the
// same day one year earlier (consecutive years only; a date with no such
// earlier date is not compared) and warns when it more than doubles or
// falls below half (for MaxChange 1; see Options.MaxChange).
func checkChanges(ix *index, opt Options, out *finding.List) {
	if opt.MaxChange <= 0 {
		return
	}
	dates := ix.fields[fDate].strs
	prev := make([]uint32, len(dates))
	for id, d := range dates {
		prev[id] = noID
		if len(d) < 5 || d[4] != '-' {
			continue
		}
		y, err := strconv.Atoi(d[:4])
		if err != nil || y <= 1 {
			continue
		}
		prev[id] = ix.fields[fDate].lookup(fmt.Sprintf("%04d", y-1) + d[4:])
	}
	for i := range ix.obs {
		k := ix.keys[i]
		p := prev[k[fDate]]
		if p == noID || !ix.knownMeasure[k[fMeasure]] || !ix.usable(i) {
			continue
		}
		was, wi, ok := ix.value(with(k, fDate, p))
		if !ok {
			continue
		}
		v := ix.obs[i].Value.Num
		lo, hi := min(v, was), max(v, was)
		if hi < opt.MinChangeBase || hi <= lo*(1+opt.MaxChange) {
			continue
		}
		change := "up from 0"
		if was != 0 {
			change = fmt.Sprintf("%+.0f%%", (v-was)/was*100)
		}
		o := &ix.obs[i]
		*out = append(*out, finding.Warnf(o.Source, finding.Implausible,
			"%s is %s, was %s on %s (at %s): %s in a year",
			o.Key(), num(v), num(was), dates[p], ix.obs[wi].Source, change))
	}
}
