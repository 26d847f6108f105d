package compute

import (
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/prisonstats/prisonstats/internal/i18n"
	"github.com/prisonstats/prisonstats/internal/obs"
)

// national: the sample's national picture, given for the country itself.
func national(years ...int) *tab {
	women := map[int]float64{2008: 820, 2009: 1010, 2010: 1220, 2011: 1430, 2012: 1624}
	men := map[int]float64{2008: 12400, 2009: 13500, 2010: 14700, 2011: 15900, 2012: 17112}
	tb := &tab{}
	for _, y := range years {
		d := strconv.Itoa(y) + "-12-31"
		tb.pris(d, "C", obs.Female, women[y]).pris(d, "C", obs.Male, men[y]).pris(d, "C", obs.Total, women[y]+men[y])
	}
	return tb
}

func texts(r *Result, lang, place string) []string {
	var out []string
	for _, f := range r.Findings {
		if f.Place == place {
			out = append(out, f.Text[lang])
		}
	}
	return out
}

func TestGrowthFindingEnglish(t *testing.T) {
	r := run(t, national(2008, 2009, 2010, 2011, 2012).os, Options{I18n: catalog(t), Langs: []string{"en"}, HeadlineTo: []int{2012, 2010}})
	got := texts(r, "en", "C")
	for _, want := range []string{
		"Between 2008 and 2012 the number of women in prison rose by 98%, against 38% for men.",
		"Between 2008 and 2010 the number of women in prison rose by 49%, against 19% for men.",
		"In 2012 women were 8.7% of all prisoners (1,624 of 18,736).",
		"Women's share of prisoners first exceeded 8% in 2011, at 8.3%.",
	} {
		if !slices.Contains(got, want) {
			t.Errorf("findings for C = %q\nwant among them %q", got, want)
		}
	}
}

func TestGrowthFindingVariantsWhenNumbersFall(t *testing.T) {
	tb := &tab{}
	tb.pris("2008-12-31", "C", obs.Female, 200).pris("2008-12-31", "C", obs.Male, 1000)
	tb.pris("2009-12-31", "C", obs.Female, 150).pris("2009-12-31", "C", obs.Male, 1100)
	r := run(t, tb.os, Options{I18n: catalog(t), Langs: []string{"en"}})
	want := "Between 2008 and 2009 the number of women in prison fell by 25%, while the number of men rose by 10%."
	if got := texts(r, "en", "C"); len(got) == 0 || got[0] != want {
		t.Errorf("findings = %q, want first %q", got, want)
	}
}

func TestNoTrendAcrossAGap(t *testing.T) {
	r := run(t, national(2008, 2009, 2011, 2012).os, Options{I18n: catalog(t), Langs: []string{"en"}, HeadlineTo: []int{2012}})
	got := texts(r, "en", "C")
	if want := "Between 2008 and 2009 the number of women in prison rose by 23%, against 9% for men."; !slices.Contains(got, want) {
		t.Errorf("findings = %q, want the span before the gap: %q", got, want)
	}
	for _, s := range got {
		if strings.Contains(s, "and 2012") || strings.Contains(s, "and 2011") || strings.Contains(s, "first exceeded") {
			t.Errorf("finding %q claims a trend across the missing 2010", s)
		}
	}
	// An absent 2010 (not available) is a gap too.
	tb := national(2008, 2009, 2011, 2012)
	tb.add("2010-12-31", "C", obs.Female, obs.Total, obs.Prisoners, "", obs.Absent(obs.NotAvailable))
	tb.pris("2010-12-31", "C", obs.Male, 14700)
	r = run(t, tb.os, Options{I18n: catalog(t), Langs: []string{"en"}})
	for _, s := range texts(r, "en", "C") {
		if strings.Contains(s, "and 2012") {
			t.Errorf("finding %q spans the absent 2010", s)
		}
	}
}

func TestKhmerFindingsAreKhmer(t *testing.T) {
	r := run(t, national(2008, 2009, 2010, 2011, 2012).os, Options{I18n: catalog(t), Langs: []string{"en", "km"}, Digits: i18n.Native, HeadlineTo: []int{2012}})
	if len(r.Findings) == 0 {
		t.Fatal("no findings")
	}
	for _, f := range r.Findings {
		km := f.Text["km"]
		if !strings.ContainsFunc(km, func(r rune) bool { return unicode.Is(unicode.Khmer, r) && !unicode.IsDigit(r) }) {
			t.Errorf("%s km = %q, want Khmer script", f.ID, km)
		}
		if strings.ContainsAny(km, "0123456789") {
			t.Errorf("%s km = %q, want Khmer digits only", f.ID, km)
		}
		if f.Text["en"] == km {
			t.Errorf("%s: km text is the English fallback", f.ID)
		}
	}
	if got := r.Findings[0].Text["km"]; !strings.Contains(got, "២០០៨") || !strings.Contains(got, "៩៨%") {
		t.Errorf("growth km = %q, want ២០០៨ and ៩៨%%", got)
	}
	if c := catalog(t); len(c.Missing()["km"]) > 0 {
		for _, id := range c.Missing()["km"] {
			if strings.HasPrefix(id, "finding_") || strings.HasPrefix(id, "indicator_") || strings.HasPrefix(id, "unit_") || strings.HasPrefix(id, "breakdown_") {
				t.Errorf("km lacks %s", id)
			}
		}
	}
}

// womenAndChildren: 2012 facilities with pregnant women, children and
// releases at the country level.
func womenAndChildren() *tab {
	tb := facilities()
	for f, n := range map[string]float64{"F1a": 5, "F1b": 2, "F2a": 3} {
		tb.m(d12, f, obs.Female, obs.Pregnant, "", n)
	}
	bands := []string{"under_1", "1_2", "2_3", "over_3"}
	for f, ns := range map[string][]float64{"F1a": {2, 3, 1, 4}, "F1b": {0, 1, 0, 0}, "F2a": {1, 0, 0, 1}} {
		for i, b := range bands {
			tb.m(d12, f, obs.Total, obs.ChildrenInPrison, b, ns[i])
		}
	}
	tb.m(d12, "C", obs.Female, obs.Releases, "royal_pardon", 9).m(d12, "C", obs.Female, obs.Releases, "court_decision", 7)
	tb.m(d12, "C", obs.Total, obs.ChildrenReleased, "royal_pardon", 11).m(d12, "C", obs.Total, obs.ChildrenReleased, "court_decision", 8)
	tb.add(d12, "F1a", obs.Female, obs.Pretrial, obs.Prisoners, "", obs.Num(4))
	tb.add(d12, "F1a", obs.Total, obs.Pretrial, obs.Prisoners, "", obs.Num(30))
	tb.add(d12, "F1b", obs.Female, obs.Pretrial, obs.Prisoners, "", obs.Num(1))
	tb.add(d12, "F1b", obs.Total, obs.Pretrial, obs.Prisoners, "", obs.Num(10))
	tb.add(d12, "F2a", obs.Female, obs.Pretrial, obs.Prisoners, "", obs.Num(1))
	tb.add(d12, "F2a", obs.Total, obs.Pretrial, obs.Prisoners, "", obs.Num(5))
	return tb
}

func TestWomenAndChildrenFindings(t *testing.T) {
	r := run(t, womenAndChildren().os, Options{Places: testPlaces(t), Rules: testRules(), I18n: catalog(t), Langs: []string{"en", "km"}})
	tests := []struct {
		place string
		want  []string
	}{
		{"C", []string{
			"In 2012, 33.3% of women in prison had not been sentenced, against 24.1% of men.", // 6 ÷ 18; 39 ÷ 162
			"In 2012 the number of children living in prison with their mothers was 13.",
			"In 2012 the number of children living in prison who were older than the legal age limit of 3 years was 5.",
			"In 2012 the number of pregnant women in prison was 10; North held the most (7).",
			"In 2012 the number of women released from prison with their children was 16, and 19 children left prison with them.",
		}},
		{"P1", []string{
			"In 2012 the number of pregnant women in prison was 7; North Prison A held the most (5).",
			"In 2012 women were 10.0% of all prisoners (15 of 150).",
		}},
		{"P2", []string{
			"In 2012 the number of pregnant women in prison was 3.",
			"In 2012 the number of children living in prison who were older than the legal age limit of 3 years was 1.",
		}},
	}
	for _, tt := range tests {
		got := texts(r, "en", tt.place)
		for _, w := range tt.want {
			if !slices.Contains(got, w) {
				t.Errorf("findings for %s = %q\nwant among them %q", tt.place, got, w)
			}
		}
	}
	if got := texts(r, "km", "C"); !slices.ContainsFunc(got, func(s string) bool { return strings.Contains(s, "ខេត្តខាងជើង") }) {
		t.Errorf("km findings for C = %q, want the province's Khmer name", got)
	}
	for _, f := range r.Findings {
		if f.Place == "F1a" || f.Place == "F1b" || f.Place == "F2a" {
			t.Errorf("finding %s for facility %s; findings are for the country and provinces", f.ID, f.Place)
		}
	}
}

func TestChildrenOverSixYearLimitFindingSaysUnknown(t *testing.T) {
	tb := &tab{}
	const d = "2010-12-31"
	for i, b := range []string{"under_1", "1_2", "2_3", "over_3"} {
		tb.m(d, "C", obs.Total, obs.ChildrenInPrison, b, float64(i+1))
	}
	r := run(t, tb.os, Options{Rules: testRules(), I18n: catalog(t), Langs: []string{"en"}})
	want := "The age bands reported for 2010 cannot show how many children were older than the legal age limit of 6 years then in force."
	if got := texts(r, "en", "C"); !slices.Contains(got, want) {
		t.Errorf("findings = %q, want %q", got, want)
	}
}

func TestWorldRankIsComputed(t *testing.T) {
	ref := &tab{}
	for code, fv := range map[string][2]float64{"AAA": {10, 100}, "BBB": {5, 100}, "CCC": {9, 100}, "TST": {3, 100}} {
		ref.pris("2012-12-31", code, obs.Female, fv[0]).pris("2012-12-31", code, obs.Total, fv[1])
	}
	ref.pris("2011-12-31", "AAA", obs.Female, 1).pris("2011-12-31", "AAA", obs.Total, 100)
	os := national(2011, 2012).os
	r := run(t, os, Options{Places: testPlaces(t), I18n: catalog(t), Langs: []string{"en"}, Reference: ref.os})
	if r.WorldRank == nil || r.WorldRank.Rank != 3 || r.WorldRank.Of != 4 || r.WorldRank.Year != 2012 {
		t.Fatalf("WorldRank = %+v, want 3rd of 4 in 2012 (own 8.7%% replacing the reference's 3%%)", r.WorldRank)
	}
	want := "In 2012 women's share of prisoners (8.7%) was the 3rd highest of 4 countries with data for that year, among the top 30 worldwide."
	if got := texts(r, "en", "C"); !slices.Contains(got, want) {
		t.Errorf("findings = %q, want %q", got, want)
	}
	r = run(t, os, Options{Places: testPlaces(t), I18n: catalog(t), Langs: []string{"en"}, Reference: ref.os, WorldTop: 2})
	want = "In 2012 women's share of prisoners (8.7%) was the 3rd highest of 4 countries with data for that year."
	if got := texts(r, "en", "C"); !slices.Contains(got, want) {
		t.Errorf("findings with WorldTop 2 = %q, want %q", got, want)
	}
}

func TestRunWithoutCatalogKeepsParams(t *testing.T) {
	r := run(t, national(2008, 2009, 2010, 2011, 2012).os, Options{})
	if len(r.Findings) == 0 || r.Findings[0].Params["women_pct"] != 98.0 || r.Findings[0].Text != nil {
		t.Errorf("findings = %+v, want params without text", r.Findings)
	}
	if _, err := Run(nil, Options{Langs: []string{"en"}}); err == nil {
		t.Error("Run with languages and no catalog succeeded")
	}
}

func TestPregnantAllInOnePrison(t *testing.T) {
	tb := facilities()
	tb.m(d12, "F1a", obs.Female, obs.Pregnant, "", 4).m(d12, "F1b", obs.Female, obs.Pregnant, "", 0)
	r := run(t, tb.os, Options{Places: testPlaces(t), I18n: catalog(t), Langs: []string{"en"}})
	want := "In 2012 the number of pregnant women in prison was 4, all of them in North Prison A."
	if got := texts(r, "en", "P1"); !slices.Contains(got, want) {
		t.Errorf("findings for P1 = %q, want %q", got, want)
	}
}
