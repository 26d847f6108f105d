package dataset

import (
	"slices"
	"strconv"

	"github.com/prisonstats/prisonstats/internal/obs"
)

type sourceRow struct {
	SourceInfo
	observations int
}

// sourceRows lists every file the observations came from, with its
// description from sources when given, and the described files that gave
// no observation.
func sourceRows(observations []obs.Observation, sources []SourceInfo) []sourceRow {
	counts := map[string]int{}
	for _, o := range observations {
		counts[o.Source.File]++
	}
	info := map[string]SourceInfo{}
	for _, s := range sources {
		info[s.File] = s
		if _, ok := counts[s.File]; !ok {
			counts[s.File] = 0
		}
	}
	files := make([]string, 0, len(counts))
	for f := range counts {
		files = append(files, f)
	}
	slices.Sort(files)
	var out []sourceRow
	for _, f := range files {
		s := info[f]
		s.File = f
		out = append(out, sourceRow{SourceInfo: s, observations: counts[f]})
	}
	return out
}

func sourcesCSV(rows []sourceRow) ([]byte, error) {
	var recs [][]string
	for _, r := range rows {
		recs = append(recs, []string{r.File, r.Publisher, r.Received, r.Licence, r.SHA256, strconv.Itoa(r.observations)})
	}
	return writeCSV([]string{"file", "publisher", "date_received", "licence", "sha256", "observations"}, recs, map[int]bool{5: true})
}
