package pack

import (
	"maps"
	"path/filepath"
	"slices"
	"testing"

	"github.com/BurntSushi/toml"
)

// briefsDir holds the packs' texts, read by the Hugo templates.
var briefsDir = filepath.Join("..", "..", "content", "briefs")

var langs = []string{"en", "km"}

func decode(t *testing.T, name string, v any) {
	t.Helper()
	md, err := toml.DecodeFile(filepath.Join(briefsDir, name), v)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if und := md.Undecoded(); len(und) > 0 {
		t.Errorf("%s: unknown key %s", name, und[0])
	}
}

func TestAudiencesHaveEveryLanguageAndAMarking(t *testing.T) {
	var f struct {
		Audience []struct {
			ID      string
			Marking string
			Name    map[string]string
			Meaning map[string][]string
		}
	}
	decode(t, "audiences.toml", &f)
	var ids []string
	for i, a := range f.Audience {
		if !namePart.MatchString(a.ID) {
			t.Errorf("audience[%d].id = %q, want lowercase letters, digits, hyphens", i, a.ID)
		}
		if a.Marking != Public && a.Marking != Restricted {
			t.Errorf("audience %s: marking = %q, want public or restricted", a.ID, a.Marking)
		}
		for _, l := range langs {
			if a.Name[l] == "" {
				t.Errorf("audience %s: no name.%s", a.ID, l)
			}
			if len(a.Meaning[l]) == 0 {
				t.Errorf("audience %s: no meaning.%s", a.ID, l)
			}
		}
		if len(a.Meaning["en"]) != len(a.Meaning["km"]) {
			t.Errorf("audience %s: %d paragraphs in en, %d in km", a.ID, len(a.Meaning["en"]), len(a.Meaning["km"]))
		}
		ids = append(ids, a.ID)
	}
	if want := []string{"judges", "prosecutors", "lawyers"}; !slices.Equal(ids, want) {
		t.Errorf("audiences = %v, want %v", ids, want)
	}
}

func TestBangkokRulesCoverThePacksRules(t *testing.T) {
	var f struct {
		Rule []struct {
			Number  int
			Group   string
			Summary map[string]string
		}
	}
	decode(t, "bangkok-rules.toml", &f)
	var labels map[string]map[string]string
	decode(t, "labels.toml", &labels)
	got := map[int]bool{}
	for _, r := range f.Rule {
		if got[r.Number] {
			t.Errorf("rule %d is listed twice", r.Number)
		}
		got[r.Number] = true
		for _, l := range langs {
			if r.Summary[l] == "" {
				t.Errorf("rule %d: no summary.%s", r.Number, l)
			}
			if labels[l]["group_"+r.Group] == "" {
				t.Errorf("rule %d: group %q has no heading group_%s in labels.toml [%s]", r.Number, r.Group, r.Group, l)
			}
		}
	}
	for _, n := range []int{2, 3, 48, 49, 50, 51, 52, 57, 58, 59, 60, 61, 62, 63, 64} {
		if !got[n] {
			t.Errorf("rule %d is missing", n)
		}
	}
}

func TestLabelsAndLawHaveEveryLanguage(t *testing.T) {
	var labels map[string]map[string]string
	decode(t, "labels.toml", &labels)
	en := slices.Sorted(maps.Keys(labels["en"]))
	for _, l := range langs {
		if got := slices.Sorted(maps.Keys(labels[l])); !slices.Equal(got, en) {
			t.Errorf("labels.toml [%s] keys = %v, want those of [en] %v", l, got, en)
		}
	}
	var law struct {
		Law         []struct{ Summary map[string]string }
		Alternative []struct{ Name, Summary map[string]string }
	}
	decode(t, "law.toml", &law)
	if len(law.Law) == 0 || len(law.Alternative) == 0 {
		t.Fatalf("law.toml: %d laws, %d alternatives, want some of each", len(law.Law), len(law.Alternative))
	}
	for _, l := range langs {
		for i, x := range law.Law {
			if x.Summary[l] == "" {
				t.Errorf("law[%d]: no summary.%s", i, l)
			}
		}
		for i, x := range law.Alternative {
			if x.Name[l] == "" || x.Summary[l] == "" {
				t.Errorf("alternative[%d]: no name.%s or summary.%s", i, l, l)
			}
		}
	}
}
