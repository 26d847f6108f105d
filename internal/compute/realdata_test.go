package compute

import (
	"slices"
	"testing"

	"github.com/prisonstats/prisonstats/internal/i18n"
	"github.com/prisonstats/prisonstats/internal/obs"
)

// Pure arithmetic on the answer keys of ../shared/realdata/README.md: the
// observations are built here from the published figures; reading the
// files is the ingester's job.

func realObs(file, date, place, sex, status, measure string, v float64) obs.Observation {
	return obs.Observation{Date: date, Place: place, Sex: sex, Status: status, Age: obs.Total,
		Measure: measure, Value: obs.Num(v), Source: obs.Source{File: file}}
}

func TestRealAnswerKeys(t *testing.T) {
	const unodc, abs, brazil, moj = "unodc_data_cts_prisons_and_prisoners.xlsx",
		"abs_prison_population_by_state_sex_legal_indigenous_2005_2016.csv",
		"brazil_depen_infopen_sisdepen_dec2019_by_facility_REDACTED.xlsx",
		"uk_moj_oms_prison_population_30june2022_annual.xlsx"
	os := []obs.Observation{
		// UNODC, England and Wales 2021.
		realObs(unodc, "2021-12-31", "GBR_E_W", obs.Female, obs.Total, obs.Prisoners, 3196),
		realObs(unodc, "2021-12-31", "GBR_E_W", obs.Male, obs.Total, obs.Prisoners, 75128),
		realObs(unodc, "2021-12-31", "GBR_E_W", obs.Total, obs.Total, obs.Prisoners, 78324),
		// UNODC, Brazil 2019: F + M is 70 short of the total; male is given, not derived.
		realObs(unodc, "2019-12-31", "BRA", obs.Female, obs.Total, obs.Prisoners, 37197),
		realObs(unodc, "2019-12-31", "BRA", obs.Male, obs.Total, obs.Prisoners, 718007),
		realObs(unodc, "2019-12-31", "BRA", obs.Total, obs.Total, obs.Prisoners, 755274),
		// ABS, Australia, December 2016 quarter.
		realObs(abs, "2016-12-01", "AUS", obs.Total, obs.Total, obs.Prisoners, 39526),
		realObs(abs, "2016-12-01", "AUS", obs.Female, obs.Total, obs.Prisoners, 3206),
		realObs(abs, "2016-12-01", "AUS", obs.Female, obs.Pretrial, obs.Prisoners, 1207),
		realObs(abs, "2016-12-01", "AUS", obs.Total, obs.Pretrial, obs.Prisoners, 12470),
		// SISDEPEN, Brazil December 2019, sums over facility rows.
		realObs(brazil, "2019-12-31", "BR-DEPEN", obs.Total, obs.Total, obs.Prisoners, 748009),
		realObs(brazil, "2019-12-31", "BR-DEPEN", obs.Female, obs.Total, obs.Prisoners, 36929),
		realObs(brazil, "2019-12-31", "BR-DEPEN", obs.Female, obs.Pretrial, obs.Prisoners, 13137),
		realObs(brazil, "2019-12-31", "BR-DEPEN", obs.Total, obs.Pretrial, obs.Prisoners, 222558),
		realObs(brazil, "2019-12-31", "BR-DEPEN", obs.Total, obs.Total, obs.ChildrenInPrison, 1446),
		realObs(brazil, "2019-12-31", "BR-DEPEN", obs.Female, obs.Total, obs.Pregnant, 276),
		// MoJ, England and Wales, 30 June 2022: women on remand.
		realObs(moj, "2022-06-30", "E&W", obs.Female, obs.Total, obs.Prisoners, 3253),
		realObs(moj, "2022-06-30", "E&W", obs.Female, obs.Pretrial, obs.Prisoners, 611),
		realObs(moj, "2022-06-30", "E&W", obs.Total, obs.Total, obs.Prisoners, 80659),
	}
	r := run(t, os, Options{I18n: catalog(t), Langs: []string{"en"}, Digits: i18n.Western})
	tests := []struct {
		ind, place, bd, date string
		want                 float64
	}{
		{IndFemaleShare, "GBR_E_W", "", "2021-12-31", 3196.0 / 78324 * 100},             // 4.1%
		{IndPretrialShare, "AUS", obs.Female, "2016-12-01", 1207.0 / 3206 * 100},        // 37.6%
		{IndPretrialShare, "AUS", obs.Total, "2016-12-01", 12470.0 / 39526 * 100},       // 31.5%
		{IndPretrialShare, "AUS", obs.Male, "2016-12-01", 11263.0 / 36320 * 100},        // (12,470 − 1,207) ÷ (39,526 − 3,206)
		{IndFemaleShare, "BR-DEPEN", "", "2019-12-31", 36929.0 / 748009 * 100},          // 4.9%
		{IndPretrialShare, "BR-DEPEN", obs.Female, "2019-12-31", 13137.0 / 36929 * 100}, // 35.6%
		{IndPrisoners, "BR-DEPEN", obs.Male, "2019-12-31", 711080},                      // the README's male
		{IndPrisoners, "BRA", obs.Male, "2019-12-31", 718007},                           // given: not forced to 718,077
		{IndChildrenInPrison, "BR-DEPEN", obs.Total, "2019-12-31", 1446},
		{IndPregnant, "BR-DEPEN", "", "2019-12-31", 276},
		{IndPretrialShare, "E&W", obs.Female, "2022-06-30", 611.0 / 3253 * 100}, // 18.8%
	}
	for _, tt := range tests {
		p := at(t, r, tt.ind, tt.place, tt.bd, tt.date)
		if !p.Value.OK() || !near(p.Value.Num, tt.want) {
			t.Errorf("%s/%s/%s on %s = %v (%s), want %v", tt.ind, tt.place, tt.bd, tt.date, p.Value, p.Reason, tt.want)
		}
	}
	for place, want := range map[string]string{
		"GBR_E_W":  "In 2021 women were 4.1% of all prisoners (3,196 of 78,324).",
		"AUS":      "In 2016, 37.6% of women in prison had not been sentenced, against 31.0% of men.", // 11,263 ÷ 36,320,
		"BR-DEPEN": "In 2019, 35.6% of women in prison had not been sentenced, against 29.5% of men.", // 209,421 ÷ 711,080,
	} {
		if got := texts(r, "en", place); !slices.Contains(got, want) {
			t.Errorf("findings for %s = %q\nwant among them %q", place, got, want)
		}
	}
}

func TestRealBJSGrowth(t *testing.T) {
	// BJS p18t01: women in state and federal prison, 2008 and 2018.
	s := Series{Points: []Point{{Date: "2008-12-31", Value: obs.Num(114612)}, {Date: "2018-12-31", Value: obs.Num(110845)}}}
	g, ok := Growth(s, "2008", "2018")
	if want := (110845.0 - 114612) / 114612 * 100; !ok || !near(g, want) {
		t.Errorf("Growth = %v, %v, want %v (−3.3%%)", g, ok, want)
	}
	c, ok := CAGR(s, "2008", "2018")
	if !ok || !closeTo(c, -0.33366, 1e-4) {
		t.Errorf("CAGR = %v, %v, want −0.334%% a year", c, ok)
	}
}
