package pack

import "fmt"

// Strip removes the restricted print pages and the index of print pages
// from a site tree without printing anything: what a build that makes no
// packs must call before it publishes the tree. A tree without an index
// is left as it is.
func Strip(dir string) (*Report, error) {
	ix, err := readIndex(dir)
	if err != nil {
		if noIndex(dir) {
			return &Report{}, nil
		}
		return nil, fmt.Errorf("pack: %w", err)
	}
	removed, err := clean(dir, ix)
	if err != nil {
		return &Report{Removed: removed}, fmt.Errorf("pack: %w", err)
	}
	return &Report{Removed: removed}, nil
}
