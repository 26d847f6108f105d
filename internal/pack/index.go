package pack

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
)

// IndexPath is where the site's list of print pages is, under the tree
// (layouts/briefs/section.json writes it).
const IndexPath = "briefs/index.json"

// Marking values of an audience (content/briefs/audiences.toml).
const (
	Public     = "public"
	Restricted = "restricted"
)

// Brief is one print page to print.
type Brief struct {
	Path     string `json:"path"` // URL path of the print page, "/briefs/judges-kh/"
	Audience string `json:"audience"`
	Scope    string `json:"scope"` // "kh", "kh-12"
	Lang     string `json:"lang"`
	Marking  string `json:"marking"` // Public or Restricted
	Title    string `json:"title"`
	// PageLabel and OfLabel are the words around the page numbers in the
	// footer ("Page 2 of 7").
	PageLabel string `json:"page_label"`
	OfLabel   string `json:"of_label"`
}

// File is the PDF's file name, "<audience>-<scope>-<lang>.pdf".
func (b Brief) File() string { return b.Audience + "-" + b.Scope + "-" + b.Lang + ".pdf" }

// Index is the site's list of print pages.
type Index struct {
	Release      string  `json:"release"`
	Illustrative bool    `json:"illustrative"`
	Briefs       []Brief `json:"briefs"`
}

var namePart = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)

// noIndex reports whether dir has no index of print pages at all.
func noIndex(dir string) bool {
	_, err := os.Stat(filepath.Join(dir, filepath.FromSlash(IndexPath)))
	return os.IsNotExist(err)
}

// readIndex reads and checks dir's index of print pages.
func readIndex(dir string) (*Index, error) {
	path := filepath.Join(dir, filepath.FromSlash(IndexPath))
	b, err := os.ReadFile(path)
	if err != nil {
		if os.IsNotExist(err) {
			return nil, fmt.Errorf("%s: no index of print pages: the site has no content/briefs section", path)
		}
		return nil, err
	}
	var ix Index
	if err := json.Unmarshal(b, &ix); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	seen := map[string]bool{}
	for i, br := range ix.Briefs {
		pos := fmt.Sprintf("%s: briefs[%d]", path, i)
		for _, p := range []struct{ name, v string }{{"audience", br.Audience}, {"scope", br.Scope}, {"lang", br.Lang}} {
			if !namePart.MatchString(p.v) {
				return nil, fmt.Errorf("%s.%s: %q is not a lowercase name", pos, p.name, p.v)
			}
		}
		if br.Marking != Public && br.Marking != Restricted {
			return nil, fmt.Errorf("%s.marking: %q is not %q or %q", pos, br.Marking, Public, Restricted)
		}
		if !strings.HasPrefix(br.Path, "/") || strings.Contains(br.Path, "..") || !filepath.IsLocal(strings.Trim(br.Path, "/")) {
			return nil, fmt.Errorf("%s.path: %q is not a page of the site", pos, br.Path)
		}
		if seen[br.File()] {
			return nil, fmt.Errorf("%s: %s is listed twice", pos, br.File())
		}
		seen[br.File()] = true
	}
	return &ix, nil
}
