package ingest

import (
	"slices"
	"strconv"
	"strings"

	"github.com/prisonstats/prisonstats/internal/finding"
)

func (t *table) first(cells []string, cols []int) string {
	for _, c := range cols {
		if v := at(cells, c); strings.TrimSpace(v) != "" {
			return v
		}
	}
	return ""
}

// holdsAll reports whether a row holds every name (after cleaning and
// footnote stripping, ignoring case).
func (t *table) holdsAll(cells []string, names []string) bool {
	for _, n := range names {
		found := false
		for _, c := range cells {
			v, _ := cleanLabel(c)
			if strings.EqualFold(t.src.stripFootnote(v), n) || strings.EqualFold(v, n) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// names flattens the header rows into one name per column: merged cells
// span their columns, vertical repeats collapse, parts join with
// header_join.
func (t *table) names(hdr [][]string, nums []int) *header {
	width := 0
	for _, r := range hdr {
		width = max(width, len(r))
	}
	if t.scan != nil {
		for _, m := range t.scan.Merges {
			if slices.Contains(nums, m.Row0) {
				width = max(width, m.Col1+1)
			}
		}
	}
	names := make([]string, width)
	for c := 0; c < width; c++ {
		var parts []string
		for i, cells := range hdr {
			v := at(cells, c)
			if strings.TrimSpace(v) == "" && t.scan != nil {
				for _, m := range t.scan.Merges {
					if m.contains(c, nums[i]) {
						if j := slices.Index(nums, m.Row0); j >= 0 {
							v = at(hdr[j], m.Col0)
						}
						break
					}
				}
			}
			if strings.TrimSpace(v) == "" && t.src.HeaderFill && i < len(hdr)-1 {
				for k := c - 1; k >= 0; k-- {
					if w := at(cells, k); strings.TrimSpace(w) != "" {
						v = w
						break
					}
				}
			}
			v, changed := cleanLabel(v)
			if changed {
				t.warnOnce("hdr"+strconv.Itoa(c), finding.Warnf(t.pos(c, nums[i]), finding.ConstraintError, "control or bidirectional-override characters removed from the header"))
			}
			v = t.src.stripFootnote(v)
			if v != "" && (len(parts) == 0 || parts[len(parts)-1] != v) {
				parts = append(parts, v)
			}
		}
		names[c] = strings.Join(parts, t.src.HeaderJoin)
	}
	return &header{names: names}
}
