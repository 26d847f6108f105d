package dataset

import (
	"crypto/sha256"
	"encoding/hex"
	"path"
	"slices"
	"strings"

	"github.com/prisonstats/prisonstats/internal/compute"
)

// PageFile is one download as the Data page lists it.
type PageFile struct {
	Name      string `json:"name"`       // path inside the release folder
	URL       string `json:"url"`        // /downloads/<release>/<name>
	LatestURL string `json:"latest_url"` // /downloads/latest/<name>
	Bytes     int    `json:"bytes"`
	SHA256    string `json:"sha256"`
	Kind      string `json:"kind"` // table, series, dictionary, sources
}

// Page is what the Data page is rendered from
// (site.Input.Data["dataset"], read as hugo.Data.dataset).
type Page struct {
	Release    string     `json:"release"`
	Files      []PageFile `json:"files"`  // the whole-dataset files
	Series     []PageFile `json:"series"` // one per indicator
	Dictionary []Entry    `json:"dictionary"`
}

// PageData describes the files Build returned, for the Data page.
func PageData(res *compute.Result, release string, files map[string][]byte) Page {
	p := Page{Release: release, Dictionary: dictionary(res)}
	prefix := Dir(release) + "/"
	names := make([]string, 0, len(files))
	for name := range files {
		if rest, ok := strings.CutPrefix(name, prefix); ok {
			names = append(names, rest)
		}
	}
	order := []string{"observations.csv", "observations.xlsx", "data-dictionary.csv", "sources.csv"}
	slices.SortFunc(names, func(a, b string) int {
		ia, ib := slices.Index(order, a), slices.Index(order, b)
		if ia < 0 {
			ia = len(order)
		}
		if ib < 0 {
			ib = len(order)
		}
		if ia != ib {
			return ia - ib
		}
		return strings.Compare(a, b)
	})
	for _, name := range names {
		b := files[prefix+name]
		sum := sha256.Sum256(b)
		f := PageFile{Name: name, URL: "/" + path.Join(Dir(release), name), LatestURL: "/" + path.Join(Dir(Latest), name),
			Bytes: len(b), SHA256: hex.EncodeToString(sum[:])}
		switch {
		case strings.HasPrefix(name, "series/"):
			f.Kind = "series"
			p.Series = append(p.Series, f)
			continue
		case name == "data-dictionary.csv":
			f.Kind = "dictionary"
		case name == "sources.csv":
			f.Kind = "sources"
		default:
			f.Kind = "table"
		}
		p.Files = append(p.Files, f)
	}
	return p
}
