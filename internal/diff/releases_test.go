package diff

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/prisonstats/prisonstats/internal/obs"
)

func TestReleasesNewestFirstWithRevisionsCapped(t *testing.T) {
	var old, new []obs.Observation
	for i := range MaxPageRevisions + 3 {
		x := o("2014-12-31", "KH-1", obs.Prisoners, obs.Num(float64(i)), "D7")
		x.Category = strings.Repeat("c", i+1)
		old = append(old, x)
		x.Value = obs.Num(float64(i + 100))
		new = append(new, x)
	}
	first := Compare(nil, old)
	first.Date, first.New = "2016-01-31", "aaaaaaaaaaaa"
	second := Compare(old, new)
	second.Date, second.New = "2017-01-31", "bbbbbbbbbbbb"
	page := Releases([]Summary{first, second}).(ReleasesPage)
	if len(page.Releases) != 2 {
		t.Fatalf("%d releases, want 2", len(page.Releases))
	}
	latest, oldest := page.Releases[0], page.Releases[1]
	if latest.Date != "2017-01-31" || latest.First || !oldest.First {
		t.Errorf("releases = %s (first %v), %s (first %v); want 2017-01-31 then the first, 2016-01-31",
			latest.Date, latest.First, oldest.Date, oldest.First)
	}
	if got := len(latest.Revisions); got != MaxPageRevisions || latest.More != 3 || latest.Revised != MaxPageRevisions+3 {
		t.Errorf("revisions listed %d, more %d, revised %d; want %d, 3, %d", got, latest.More, latest.Revised, MaxPageRevisions, MaxPageRevisions+3)
	}
	if r := latest.Revisions[0]; r.Old != "0" || r.New != "100" || r.OldSource != "data/raw/a.xlsx:2014!D7" {
		t.Errorf("first revision = %+v, want 0 → 100 from data/raw/a.xlsx:2014!D7", r)
	}
}

func TestReleasesWithoutHistoryIsAnEmptyList(t *testing.T) {
	b, err := json.Marshal(Releases(nil))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := string(b), `{"releases":[]}`; got != want {
		t.Errorf("Releases(nil) as JSON = %s, want %s", got, want)
	}
}
