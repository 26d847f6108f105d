package dataset

import (
	"fmt"
	"path"
	"regexp"

	"github.com/prisonstats/prisonstats/internal/compute"
	"github.com/prisonstats/prisonstats/internal/obs"
)

// SourceInfo describes one raw export the data came from.
type SourceInfo struct {
	File      string // path as in obs.Source.File
	Publisher string
	Received  string // date received, YYYY-MM-DD
	Licence   string
	SHA256    string
}

// Latest is the release folder that always holds the newest release.
const Latest = "latest"

var releaseName = regexp.MustCompile(`^[0-9A-Za-z][0-9A-Za-z._-]{0,63}$`)

// Dir is the folder of a release's downloads: "downloads/<release>".
func Dir(release string) string { return path.Join("downloads", release) }

// Build returns the published files of a data release by path, under
// downloads/<release>/ and again under downloads/latest/. res must be the
// protected result (internal/protect.Apply's output).
func Build(observations []obs.Observation, res *compute.Result, sources []SourceInfo, release string) (map[string][]byte, error) {
	if !releaseName.MatchString(release) || release == Latest || release == "." || release == ".." {
		return nil, fmt.Errorf("release %q: use letters, digits, '.', '_' and '-' (not %q), e.g. 2015-12-31", release, Latest)
	}
	if res == nil {
		return nil, fmt.Errorf("no compute result")
	}
	rows := tableRows(res, true)
	files := map[string][]byte{}
	var err error
	if files["observations.csv"], err = rowsCSV(rows, true); err != nil {
		return nil, fmt.Errorf("observations.csv: %w", err)
	}
	byInd := map[string][]row{}
	for _, r := range tableRows(res, false) {
		byInd[r.indicator] = append(byInd[r.indicator], r)
	}
	for ind, rs := range byInd {
		if !releaseName.MatchString(ind) {
			return nil, fmt.Errorf("indicator %q: not a safe file name", ind)
		}
		if files["series/"+ind+".csv"], err = rowsCSV(rs, false); err != nil {
			return nil, fmt.Errorf("series/%s.csv: %w", ind, err)
		}
	}
	dict := dictionary(res)
	if files["data-dictionary.csv"], err = dictionaryCSV(dict); err != nil {
		return nil, fmt.Errorf("data-dictionary.csv: %w", err)
	}
	srcRows := sourceRows(observations, sources)
	if files["sources.csv"], err = sourcesCSV(srcRows); err != nil {
		return nil, fmt.Errorf("sources.csv: %w", err)
	}
	if files["observations.xlsx"], err = workbook(rows, dict, srcRows, release); err != nil {
		return nil, fmt.Errorf("observations.xlsx: %w", err)
	}
	out := make(map[string][]byte, 2*len(files))
	for name, b := range files {
		out[path.Join(Dir(release), name)] = b
		out[path.Join(Dir(Latest), name)] = b
	}
	return out, nil
}
