package pack

import (
	"bytes"
	"fmt"
	"maps"
	"regexp"
	"slices"
)

// nodeIDRe is an element identifier in Chromium's tagged PDF: a structure
// element's /ID, a table cell's /Headers, the keys (and /Limits) of the
// structure tree's /IDTree. Chromium takes them from the renderer's DOM
// node numbers, which differ from one print of a page to the next.
var nodeIDRe = regexp.MustCompile(`\(node([0-9A-Fa-f]+)\)`)

// renumberNodeIDs returns pdf with Chromium's element identifiers
// renumbered 1, 2, 3… in their byte order, zero-padded to their width, so
// that printing the same page twice gives the same bytes. The numbering
// keeps the identifiers' order, so the /IDTree stays sorted, and their
// length, so the file's offsets hold. A file whose identifiers are not all
// of one width is returned as it is.
func renumberNodeIDs(pdf []byte) []byte {
	locs := nodeIDRe.FindAllSubmatchIndex(pdf, -1)
	if len(locs) == 0 {
		return pdf
	}
	width := locs[0][3] - locs[0][2]
	seen := map[string]bool{}
	for _, l := range locs {
		if l[3]-l[2] != width {
			return pdf
		}
		seen[string(pdf[l[2]:l[3]])] = true
	}
	ids := slices.Sorted(maps.Keys(seen))
	if len(fmt.Sprint(len(ids))) > width {
		return pdf
	}
	rank := make(map[string][]byte, len(ids))
	for i, id := range ids {
		rank[id] = fmt.Appendf(nil, "%0*d", width, i+1)
	}
	out := bytes.Clone(pdf)
	for _, l := range locs {
		copy(out[l[2]:l[3]], rank[string(pdf[l[2]:l[3]])])
	}
	return out
}
