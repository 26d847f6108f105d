package compute

import (
	"testing"

	"github.com/prisonstats/prisonstats/internal/obs"
	"github.com/prisonstats/prisonstats/internal/places"
)

func TestRanking(t *testing.T) {
	tb := womenAndChildren()
	tb.m(d12, "F1a", obs.Total, obs.Capacity, "", 50).m(d12, "F1b", obs.Total, obs.Capacity, "", 50).m(d12, "F2a", obs.Total, obs.Capacity, "", 20)
	tb.pris("2011-12-31", "F1a", obs.Total, 90).m("2011-12-31", "F1a", obs.Female, obs.Pregnant, "", 40)
	r := run(t, tb.os, Options{Places: testPlaces(t)})
	type e struct {
		rank  int
		place string
		value float64
	}
	tests := []struct {
		ind, level, date string
		want             []e
	}{
		{IndPregnant, places.Province, "", []e{{1, "P1", 7}, {2, "P2", 3}}},
		{IndPregnant, places.Facility, "2012", []e{{1, "F1a", 5}, {2, "F2a", 3}, {3, "F1b", 2}}},
		{IndPregnant, places.Facility, "2011-12-31", []e{{1, "F1a", 40}}},
		{IndChildrenInPrison, places.Facility, d12, []e{{1, "F1a", 10}, {2, "F2a", 2}, {3, "F1b", 1}}},
		{IndOccupancy, places.Facility, d12, []e{{1, "F1a", 200}, {2, "F2a", 150}, {3, "F1b", 100}}},
		{IndOccupancy, places.Province, d12, []e{{1, "P1", 150}, {1, "P2", 150}}}, // a tie shares the rank
	}
	for _, tt := range tests {
		got := Ranking(r, tt.ind, tt.level, tt.date)
		if len(got) != len(tt.want) {
			t.Errorf("Ranking(%s, %s, %q) = %+v, want %v", tt.ind, tt.level, tt.date, got, tt.want)
			continue
		}
		for i, w := range tt.want {
			if got[i].Rank != w.rank || got[i].Place != w.place || !near(got[i].Value, w.value) {
				t.Errorf("Ranking(%s, %s, %q)[%d] = %d %s %v, want %v", tt.ind, tt.level, tt.date, i, got[i].Rank, got[i].Place, got[i].Value, w)
			}
		}
	}
}
