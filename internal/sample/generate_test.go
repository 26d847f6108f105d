package sample

import (
	"testing"

	"github.com/prisonstats/prisonstats/internal/places"
)

func TestGenerateWorksForAGazetteerWithoutProfiles(t *testing.T) {
	g, err := places.New([]places.Place{
		{Code: "XX", Level: places.Country, Name: "Country"},
		{Code: "XX-1", Level: places.Province, Parent: "XX", Name: "North"},
		{Code: "XX-1-A", Level: places.Facility, Parent: "XX-1", Name: "Prison A"},
		{Code: "XX-1-B", Level: places.Facility, Parent: "XX-1", Name: "Prison B"},
	})
	if err != nil {
		t.Fatal(err)
	}
	d, err := Generate(g)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Sheets) != len(National) {
		t.Fatalf("%d sheets, want %d", len(d.Sheets), len(National))
	}
	for i, s := range d.Sheets {
		women, men := 0, 0
		for _, r := range s.Rows {
			women += r.Female
			men += r.Male
		}
		if women != National[i].Women || men != National[i].Men {
			t.Errorf("%d: %d women and %d men, want %d and %d", s.Year, women, men, National[i].Women, National[i].Men)
		}
		if len(s.Rows) != 2 {
			t.Errorf("%d: %d rows, want 2", s.Year, len(s.Rows))
		}
	}
}

func TestGenerateRejectsAGazetteerWithoutFacilities(t *testing.T) {
	g, err := places.New([]places.Place{{Code: "XX", Level: places.Country, Name: "Country"}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Generate(g); err == nil {
		t.Error("Generate(no facilities) succeeded, want an error")
	}
}
