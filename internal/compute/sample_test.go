package compute

import (
	"fmt"
	"slices"
	"testing"

	"github.com/prisonstats/prisonstats/internal/i18n"
	"github.com/prisonstats/prisonstats/internal/obs"
	"github.com/prisonstats/prisonstats/internal/places"
	"github.com/prisonstats/prisonstats/internal/rules"
	"github.com/prisonstats/prisonstats/internal/sample"
)

// sampleObservations turns the illustrative sample into observations the
// way its mapping does (docs/sample-layout.md): one per cell, per prison.
func sampleObservations(t *testing.T, g *places.Gazetteer) []obs.Observation {
	t.Helper()
	d, err := sample.Generate(g)
	if err != nil {
		t.Fatal(err)
	}
	var os []obs.Observation
	add := func(year int, place, col string, row int, sex, status, measure, cat string, v obs.Value) {
		os = append(os, obs.Observation{Date: fmt.Sprintf("%d-12-31", year), Place: place, Sex: sex, Status: status, Age: obs.Total,
			Measure: measure, Category: cat, Value: v,
			Source: obs.Source{File: "data/raw/gdp-prisons-2008-2015.xlsx", Sheet: fmt.Sprint(year), Cell: fmt.Sprintf("%s%d", col, row)}})
	}
	n := func(x int) obs.Value { return obs.Num(float64(x)) }
	for _, sh := range d.Sheets {
		for i, r := range sh.Rows {
			y, p, row := sh.Year, r.Facility.Code, i+5
			add(y, p, "D", row, obs.Female, obs.Total, obs.Prisoners, "", n(r.Female))
			add(y, p, "E", row, obs.Male, obs.Total, obs.Prisoners, "", n(r.Male))
			add(y, p, "F", row, obs.Total, obs.Total, obs.Prisoners, "", n(r.Total))
			add(y, p, "G", row, obs.Female, obs.Pretrial, obs.Prisoners, "", n(r.PretrialFemale))
			add(y, p, "H", row, obs.Total, obs.Pretrial, obs.Prisoners, "", n(r.PretrialTotal))
			add(y, p, "I", row, obs.Female, obs.Sentenced, obs.Prisoners, "", n(r.SentencedFemale))
			add(y, p, "J", row, obs.Total, obs.Sentenced, obs.Prisoners, "", n(r.SentencedTotal))
			capacity := n(r.Capacity)
			if r.CapacityNA {
				capacity = obs.Absent(obs.NotAvailable)
			}
			add(y, p, "K", row, obs.Total, obs.Total, obs.Capacity, "", capacity)
			add(y, p, "L", row, obs.Female, obs.Total, obs.Pregnant, "", n(r.Pregnant))
			bf := n(r.Breastfeeding)
			if r.BreastfeedingBlank {
				bf = obs.Absent(obs.Blank)
			}
			add(y, p, "M", row, obs.Female, obs.Total, obs.Breastfeeding, "", bf)
			for b, col := range []string{"N", "O", "P", "Q"} {
				add(y, p, col, row, obs.Total, obs.Total, obs.ChildrenInPrison, sample.Bands[b], n(r.Children[b]))
			}
			add(y, p, "R", row, obs.Female, obs.Total, obs.WomenWithChildren, "", n(r.WomenWithChildren))
		}
	}
	for i, r := range d.Releases {
		add(r.Year, "KH", "C", i+2, obs.Female, obs.Total, obs.Releases, r.Mechanism.Code, n(r.Women))
		add(r.Year, "KH", "D", i+2, obs.Total, obs.Total, obs.ChildrenReleased, r.Mechanism.Code, n(r.Children))
	}
	return os
}

func TestSampleNationalPicture(t *testing.T) {
	g, err := places.Load("../../data/places.toml")
	if err != nil {
		t.Fatal(err)
	}
	rl, err := rules.Load("../../data/rules.toml")
	if err != nil {
		t.Fatal(err)
	}
	os := sampleObservations(t, g)
	r := run(t, os, Options{Places: g, Rules: rl, I18n: catalog(t), Langs: []string{"en", "km"}, Digits: i18n.Native, HeadlineTo: []int{2012, 2015}})
	for _, y := range sample.National {
		d := fmt.Sprintf("%d-12-31", y.Year)
		f := at(t, r, IndPrisoners, "KH", obs.Female, d)
		m := at(t, r, IndPrisoners, "KH", obs.Male, d)
		if f.Value.Num != float64(y.Women) || m.Value.Num != float64(y.Men) {
			t.Errorf("KH %d: women %v, men %v; want %d, %d", y.Year, f.Value, m.Value, y.Women, y.Men)
		}
		if n := len(f.Sources); n < 27 {
			t.Errorf("KH %d women: %d source cells, want one per prison", y.Year, n)
		}
	}
	got := texts(r, "en", "KH")
	for _, want := range []string{
		"Between 2008 and 2012 the number of women in prison rose by 98%, against 38% for men.",
		"Between 2008 and 2015 the number of women in prison rose by 156%, against 65% for men.",
		"In 2015 women were 9.3% of all prisoners (2,100 of 22,600).",
		"Women's share of prisoners first exceeded 8% in 2011, at 8.3%.", // 1,430 ÷ 17,330
	} {
		if !slices.Contains(got, want) {
			t.Errorf("KH findings = %q\nwant among them %q", got, want)
		}
	}
	if got := at(t, r, IndReleases, "KH", obs.Total, "2015-12-31").Value.Num; got != sample.ReleasesIn2015 {
		t.Errorf("releases 2015 = %v, want %d", got, sample.ReleasesIn2015)
	}
	// Children over the limit: the 6-year limit (2008–2010) cannot be drawn
	// from these bands; from 2012 the over_3 band is the count.
	if p := at(t, r, IndChildrenOverLimit, "KH", "", "2010-12-31"); p.Value.OK() {
		t.Errorf("children over the limit in 2010 = %v, want absent (6-year limit, bands stop at 'over 3')", p.Value)
	}
	p := at(t, r, IndChildrenOverLimit, "KH", "", "2015-12-31")
	band := at(t, r, IndChildrenInPrison, "KH", "over_3", "2015-12-31")
	if !p.Value.OK() || p.Value != band.Value {
		t.Errorf("children over the limit in 2015 = %v, want the over_3 band %v", p.Value, band.Value)
	}
	if top := Ranking(r, IndPregnant, places.Province, ""); len(top) < 5 || top[0].Date != "2015-12-31" {
		t.Errorf("province ranking by pregnant women = %+v", top)
	}
	if testing.Verbose() {
		for _, f := range r.Findings {
			if f.Place == "KH" || f.Place == "KH-12" {
				t.Logf("%s %s\n  %s\n  %s", f.Place, f.ID, f.Text["en"], f.Text["km"])
			}
		}
	}
}
