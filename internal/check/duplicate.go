package check

import (
	"github.com/prisonstats/prisonstats/internal/finding"
)

// checkDuplicates reports every key that occurs more than once: an error
// (primary-key) when the values differ, a warning (duplicate-row) when they
// are the same. The finding is on the later cell and names the earlier one.
func checkDuplicates(ix *index, out *finding.List) {
	for _, d := range ix.dups {
		a, b := &ix.obs[d[0]], &ix.obs[d[1]]
		if a.Value != b.Value {
			*out = append(*out, finding.Errorf(b.Source, finding.PrimaryKey,
				"%s is %s here and %s at %s: two values for one key",
				b.Key(), val(b.Value),
				val(a.Value), a.Source))
			continue
		}
		*out = append(*out, finding.Warnf(b.Source, finding.DuplicateRow,
			"%s is %s here and again at %s", b.Key(),
			val(b.Value), a.Source))
	}
}
