package diff

import "slices"

// MaxPageRevisions caps the revised values listed per release on the site.
const MaxPageRevisions = 50

// ReleasesPage is the data of the "data releases" page
// (hugo.Data.releases).
type ReleasesPage struct {
	// Releases, newest first; empty when the history is unknown (the page
	// then says there is one release).
	Releases []Release `json:"releases"`
}

// Release is one data release as the page lists it.
type Release struct {
	Date         string `json:"date"`
	Revision     string `json:"revision,omitempty"`
	First        bool   `json:"first"`
	Observations int    `json:"observations"`
	Added        int    `json:"added"`
	Removed      int    `json:"removed"`
	Revised      int    `json:"revised"`

	NewPeriods       []string `json:"new_periods"`
	VanishedPeriods  []string `json:"vanished_periods"`
	NewPlaces        []string `json:"new_places"`
	VanishedPlaces   []string `json:"vanished_places"`
	NewMeasures      []string `json:"new_measures"`
	VanishedMeasures []string `json:"vanished_measures"`

	// Revisions are the first MaxPageRevisions revised values; More counts
	// the rest.
	Revisions []RevisionRow `json:"revisions"`
	More      int           `json:"more"`
}

// RevisionRow is a revised value as text.
type RevisionRow struct {
	Measure   string `json:"measure"`
	Place     string `json:"place"`
	Date      string `json:"date"`
	Breakdown string `json:"breakdown"`
	Old       string `json:"old"`
	New       string `json:"new"`
	OldSource string `json:"old_source"`
	NewSource string `json:"new_source"`
}

// Releases turns a history (oldest first, as History returns it) into the
// data of the releases page. Summaries in which nothing changed (a commit
// that only edited a manifest note) are left out, except the first release.
// The result is what the pipeline passes as site.Input.Data["releases"].
func Releases(history []Summary) any {
	page := ReleasesPage{Releases: []Release{}}
	for i, s := range history {
		if i > 0 && s.Empty() {
			continue
		}
		r := Release{
			Date: s.Date, Revision: s.New, First: i == 0, Observations: s.NewCount,
			Added: s.Added, Removed: s.Removed, Revised: len(s.Revised),
			NewPeriods: nonNil(s.NewPeriods), VanishedPeriods: nonNil(s.VanishedPeriods),
			NewPlaces: nonNil(s.NewPlaces), VanishedPlaces: nonNil(s.VanishedPlaces),
			NewMeasures: nonNil(s.NewMeasures), VanishedMeasures: nonNil(s.VanishedMeasures),
			Revisions: []RevisionRow{},
		}
		for j, v := range s.Revised {
			if j == MaxPageRevisions {
				r.More = len(s.Revised) - j
				break
			}
			k := v.Key
			r.Revisions = append(r.Revisions, RevisionRow{
				Measure: k.Measure, Place: k.Place, Date: k.Date,
				Breakdown: breakdown(k.Sex, k.Status, k.Age, k.Category),
				Old:       v.Old.String(), New: v.New.String(),
				OldSource: v.OldSource.String(), NewSource: v.NewSource.String(),
			})
		}
		page.Releases = append(page.Releases, r)
	}
	slices.Reverse(page.Releases)
	return page
}

// nonNil makes an absent list an empty one, so the JSON has [] not null.
func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
