package places

import (
	"slices"
	"testing"
)

func sample(t *testing.T) *Gazetteer {
	t.Helper()
	g, err := New([]Place{
		{Code: "KH", Level: Country, Name: "Cambodia", NameKm: "កម្ពុជា"},
		{Code: "KH-3", Level: Province, Parent: "KH", Name: "Kampong Cham", NameKm: "កំពង់ចាម", Aliases: []string{"Kompong Cham"}},
		{Code: "KH-3-CC3", Level: Facility, Parent: "KH-3", Name: "Correctional Centre 3", Aliases: []string{"CC3"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func TestResolveFoldsCaseSpacesAndAliases(t *testing.T) {
	g := sample(t)
	for _, name := range []string{"Kampong Cham", "KAMPONG  CHAM", "kampong-cham", "Kompong Cham", "កំពង់ចាម", "kh-3"} {
		if got, ok := g.Resolve(name); !ok || got != "KH-3" {
			t.Errorf("Resolve(%q) = %q, %v, want KH-3", name, got, ok)
		}
	}
	if got, ok := g.Resolve("Kampot"); ok {
		t.Errorf("Resolve(Kampot) = %q, want not found", got)
	}
}

func TestAncestor(t *testing.T) {
	g := sample(t)
	if got, ok := g.Ancestor("KH-3-CC3", Province); !ok || got != "KH-3" {
		t.Errorf("Ancestor(CC3, province) = %q, %v", got, ok)
	}
	if got, ok := g.Ancestor("KH-3-CC3", Country); !ok || got != "KH" {
		t.Errorf("Ancestor(CC3, country) = %q, %v", got, ok)
	}
}

func TestSuggestNearestNames(t *testing.T) {
	g := sample(t)
	if got := g.Suggest("Kampong Chaam", 2); !slices.Contains(got, "Kampong Cham") {
		t.Errorf("Suggest(Kampong Chaam) = %v, want Kampong Cham among them", got)
	}
}

func TestNewRejectsBadHierarchy(t *testing.T) {
	for name, ps := range map[string][]Place{
		"dup code":       {{Code: "A", Level: Country, Name: "A"}, {Code: "A", Level: Country, Name: "B"}},
		"missing parent": {{Code: "P", Level: Province, Parent: "X", Name: "P"}},
		"wrong parent":   {{Code: "C", Level: Country, Name: "C"}, {Code: "F", Level: Facility, Parent: "C", Name: "F"}},
		"bad level":      {{Code: "C", Level: "city", Name: "C"}},
		"shared name":    {{Code: "A", Level: Country, Name: "Same"}, {Code: "B", Level: Country, Name: "same"}},
	} {
		if _, err := New(ps); err == nil {
			t.Errorf("%s: New succeeded, want error", name)
		}
	}
}
