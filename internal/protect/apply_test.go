package protect

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/prisonstats/prisonstats/internal/compute"
	"github.com/prisonstats/prisonstats/internal/rules"
)

func TestApplyHidesCountsFromOneToFour(t *testing.T) {
	g := testPlaces(t)
	tests := []struct {
		name       string
		ind, place string
		bd         string
		v          float64
		wantHidden bool
	}{
		{"zero at a facility is published", "pregnant", "KH-1-A", "", 0, false},
		{"1 at a facility", "pregnant", "KH-1-A", "", 1, true},
		{"4 at a facility", "breastfeeding", "KH-1-A", "", 4, true},
		{"5 at a facility is published", "pregnant", "KH-1-A", "", 5, false},
		{"3 at a province", "women_with_children", "KH-1", "", 3, true},
		{"2 children under 1 at a facility", "children_in_prison", "KH-1-A", "under_1", 2, true},
		{"children over the limit", "children_over_limit", "KH-2-E", "", 1, true},
		{"3 at the country is published", "pregnant", "KH", "", 3, false},
		{"an unprotected measure is published", "prisoners", "KH-1-A", "female", 3, false},
		{"an unknown place is protected as a facility", "pregnant", "KH-99-Z", "", 2, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, rep, err := Apply(result(c(tt.ind, tt.place, tt.bd, tt.v)), g, defaultRules())
			if err != nil {
				t.Fatal(err)
			}
			p := pointOf(t, out, tt.ind, tt.place, tt.bd)
			if got := hidden(t, out, tt.ind, tt.place, tt.bd); got != tt.wantHidden {
				t.Fatalf("hidden = %v (value %v), want %v", got, p.Value, tt.wantHidden)
			}
			if tt.wantHidden {
				if p.Reason != "fewer than 5" {
					t.Errorf("reason = %q, want %q", p.Reason, "fewer than 5")
				}
				if got := whyOf(rep, tt.ind, tt.place, tt.bd); got != "fewer than 5" {
					t.Errorf("report why = %q, want %q", got, "fewer than 5")
				}
			} else if p.Value.Num != tt.v {
				t.Errorf("value = %v, want %v", p.Value, tt.v)
			}
		})
	}
}

func TestApplyHidesComplements(t *testing.T) {
	g := testPlaces(t)
	tests := []struct {
		name  string
		rules func(*rules.Rules)
		in    []pt
		// want lists the cells hidden (indicator/place/breakdown) and why:
		// "fewer than 5" or "complementary".
		want map[[3]string]string
	}{
		{
			name: "a second facility of the province, the smallest",
			in: []pt{
				c("pregnant", "KH", "", 48),
				c("pregnant", "KH-1", "", 18), c("pregnant", "KH-1-A", "", 2), c("pregnant", "KH-1-B", "", 9), c("pregnant", "KH-1-C", "", 7),
				c("pregnant", "KH-2", "", 30), c("pregnant", "KH-2-E", "", 10), c("pregnant", "KH-2-F", "", 20),
			},
			want: map[[3]string]string{
				{"pregnant", "KH-1-A", ""}: "fewer than 5",
				{"pregnant", "KH-1-C", ""}: "complementary",
			},
		},
		{
			name: "across age bands",
			in: []pt{
				c("children_in_prison", "KH-1-A", "under_1", 2), c("children_in_prison", "KH-1-A", "1_2", 9),
				c("children_in_prison", "KH-1-A", "2_3", 6), c("children_in_prison", "KH-1-A", "total", 17),
			},
			want: map[[3]string]string{
				{"children_in_prison", "KH-1-A", "under_1"}: "fewer than 5",
				{"children_in_prison", "KH-1-A", "2_3"}:     "complementary",
			},
		},
		{
			name: "children over the limit and the over_3 band: both or neither",
			// An office protects the bands but not children_over_limit: the
			// over-limit figure repeats the hidden over_3 band, so it goes too.
			rules: func(r *rules.Rules) { r.Disclosure[0].Measures = []string{"children_in_prison"} },
			in: []pt{
				c("children_in_prison", "KH-1-A", "under_1", 0), c("children_in_prison", "KH-1-A", "1_2", 9),
				c("children_in_prison", "KH-1-A", "2_3", 8), c("children_in_prison", "KH-1-A", "over_3", 3),
				c("children_in_prison", "KH-1-A", "total", 20), c("children_over_limit", "KH-1-A", "", 3),
			},
			want: map[[3]string]string{
				{"children_in_prison", "KH-1-A", "over_3"}: "fewer than 5",
				{"children_in_prison", "KH-1-A", "2_3"}:    "complementary",
				{"children_over_limit", "KH-1-A", ""}:      "complementary",
			},
		},
		{
			name: "the smallest complement that is not itself given away",
			in: []pt{
				c("children_in_prison", "KH-1-A", "under_1", 2), c("children_in_prison", "KH-1-A", "1_2", 9),
				c("children_in_prison", "KH-1-A", "2_3", 8), c("children_in_prison", "KH-1-A", "over_3", 6),
				c("children_in_prison", "KH-1-A", "total", 25), c("children_over_limit", "KH-1-A", "", 6),
			},
			// over_3 (6) is smaller but children_over_limit repeats it.
			want: map[[3]string]string{
				{"children_in_prison", "KH-1-A", "under_1"}: "fewer than 5",
				{"children_in_prison", "KH-1-A", "2_3"}:     "complementary",
			},
		},
		{
			name: "female and male prisoners when an office protects prisoners",
			in: []pt{
				c("prisoners", "KH-1-A", "female", 3), c("prisoners", "KH-1-A", "male", 40), c("prisoners", "KH-1-A", "total", 43),
			},
			want: map[[3]string]string{
				{"prisoners", "KH-1-A", "female"}: "fewer than 5",
				{"prisoners", "KH-1-A", "male"}:   "complementary",
			},
		},
		{
			name: "fixed point across levels: province, then a facility of the other province",
			in: []pt{
				c("pregnant", "KH", "", 43),
				c("pregnant", "KH-1", "", 3), c("pregnant", "KH-1-A", "", 3), c("pregnant", "KH-1-B", "", 0),
				c("pregnant", "KH-2", "", 40), c("pregnant", "KH-2-E", "", 15), c("pregnant", "KH-2-F", "", 25),
			},
			want: map[[3]string]string{
				{"pregnant", "KH-1", ""}:   "fewer than 5",
				{"pregnant", "KH-1-A", ""}: "fewer than 5",
				{"pregnant", "KH-2", ""}:   "complementary",
				{"pregnant", "KH-2-E", ""}: "complementary",
			},
		},
		{
			name: "a zero does not protect a 1: the total goes",
			in: []pt{
				c("pregnant", "KH-1", "", 9), c("pregnant", "KH-1-A", "", 1), c("pregnant", "KH-1-B", "", 0), c("pregnant", "KH-1-C", "", 8),
			},
			want: map[[3]string]string{
				{"pregnant", "KH-1-A", ""}: "fewer than 5",
				{"pregnant", "KH-1-C", ""}: "complementary",
			},
		},
		{
			name: "two small counts summing to 2 give each other away",
			in: []pt{
				c("pregnant", "KH-1", "", 22), c("pregnant", "KH-1-A", "", 1), c("pregnant", "KH-1-B", "", 1), c("pregnant", "KH-1-C", "", 20),
			},
			want: map[[3]string]string{
				{"pregnant", "KH-1-A", ""}: "fewer than 5",
				{"pregnant", "KH-1-B", ""}: "fewer than 5",
				{"pregnant", "KH-1-C", ""}: "complementary",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := defaultRules()
			r.Disclosure = append(r.Disclosure, rules.Disclosure{Measures: []string{"prisoners"}, Levels: []string{"facility"}, Below: 5})
			if tt.rules != nil {
				tt.rules(r)
			}
			out, rep, err := Apply(result(tt.in...), g, r)
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range tt.in {
				k := [3]string{p.ind, p.place, p.bd}
				want, wantHidden := tt.want[k]
				if got := hidden(t, out, p.ind, p.place, p.bd); got != wantHidden {
					t.Errorf("%v hidden = %v, want %v (report: %v)", k, got, wantHidden, rep.Suppressed)
					continue
				}
				if why := whyOf(rep, p.ind, p.place, p.bd); wantHidden && !strings.HasPrefix(why, want) {
					t.Errorf("%v why = %q, want it to start with %q", k, why, want)
				}
			}
			if len(rep.Suppressed) != len(tt.want) {
				t.Errorf("report lists %d cells, want %d: %v", len(rep.Suppressed), len(tt.want), rep.Suppressed)
			}
		})
	}
}

func TestApplyHidesDerivedFigures(t *testing.T) {
	g := testPlaces(t)
	prisonersRule := rules.Disclosure{Measures: []string{"prisoners"}, Levels: []string{"facility"}, Below: 5}
	tests := []struct {
		name     string
		extra    []rules.Disclosure
		in       []pt
		ind, bd  string // the derived point, at KH-1-A
		wantWhy  string // "" = published
		wantNote string
	}{
		{"a share of a hidden count", []rules.Disclosure{prisonersRule},
			[]pt{c("prisoners", "KH-1-A", "female", 3), c("prisoners", "KH-1-A", "male", 40), c("prisoners", "KH-1-A", "total", 43), c("female_share", "KH-1-A", "", 3.0/43*100)},
			"female_share", "", "computed from the hidden prisoners KH-1-A female", ""},
		{"occupancy of a hidden total", []rules.Disclosure{prisonersRule},
			[]pt{c("prisoners", "KH-1-A", "total", 3), c("capacity", "KH-1-A", "", 50), c("occupancy", "KH-1-A", "", 6)},
			"occupancy", "", "computed from the hidden prisoners KH-1-A total", ""},
		{"100% of 3 women", nil,
			[]pt{c("prisoners", "KH-1-A", "female", 3), c("prisoners", "KH-1-A", "total", 3), c("female_share", "KH-1-A", "", 100)},
			"female_share", "", "hidden: 0% or 100% of fewer than 5 people", ""},
		{"0% of 4 prisoners", nil,
			[]pt{c("prisoners", "KH-1-A", "female", 0), c("prisoners", "KH-1-A", "total", 4), c("female_share", "KH-1-A", "", 0)},
			"female_share", "", "hidden: 0% or 100% of fewer than 5 people", ""},
		{"all 3 women pretrial", nil,
			[]pt{c("prisoners", "KH-1-A", "female", 3), c("pretrial_share", "KH-1-A", "female", 100)},
			"pretrial_share", "female", "hidden: 0% or 100% of fewer than 5 people", ""},
		{"0% of 50 is published", nil,
			[]pt{c("prisoners", "KH-1-A", "female", 0), c("prisoners", "KH-1-A", "total", 50), c("female_share", "KH-1-A", "", 0)},
			"female_share", "", "", ""},
		{"30% of 10 is published", nil,
			[]pt{c("prisoners", "KH-1-A", "female", 3), c("prisoners", "KH-1-A", "total", 10), c("female_share", "KH-1-A", "", 30)},
			"female_share", "", "", ""},
		{"a share of rounded counts is redone from them", []rules.Disclosure{{Measures: []string{"prisoners"}, Levels: []string{"facility"}, RoundTo: 5}},
			[]pt{c("prisoners", "KH-1-A", "female", 23), c("prisoners", "KH-1-A", "total", 402), c("female_share", "KH-1-A", "", 23.0/402*100)},
			"female_share", "", "", "computed from rounded counts"},
		{"a pretrial share of rounded counts is hidden", []rules.Disclosure{{Measures: []string{"prisoners"}, Levels: []string{"facility"}, RoundTo: 5}},
			[]pt{c("prisoners", "KH-1-A", "female", 23), c("pretrial_share", "KH-1-A", "female", 40)},
			"pretrial_share", "female", reasonRounded, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := defaultRules()
			r.Disclosure = append(r.Disclosure, tt.extra...)
			in := result(tt.in...)
			out, rep, err := Apply(in, g, r)
			if err != nil {
				t.Fatal(err)
			}
			got := whyOf(rep, tt.ind, "KH-1-A", tt.bd)
			if !strings.HasPrefix(got, tt.wantWhy) || (got == "") != (tt.wantWhy == "") {
				t.Errorf("why = %q, want %q", got, tt.wantWhy)
			}
			if h := hidden(t, out, tt.ind, "KH-1-A", tt.bd); h != (tt.wantWhy != "") {
				t.Errorf("hidden = %v, want %v", h, tt.wantWhy != "")
			}
			if tt.wantNote != "" {
				p := pointOf(t, out, tt.ind, "KH-1-A", tt.bd)
				if !strings.Contains(p.Note, tt.wantNote) {
					t.Errorf("note = %q, want it to contain %q", p.Note, tt.wantNote)
				}
				if want := 25.0 / 400 * 100; p.Value.Num != want {
					t.Errorf("value = %v, want %v (25 of 400)", p.Value, want)
				}
			}
		})
	}
}

func TestApplyRoundsWhenAsked(t *testing.T) {
	g := testPlaces(t)
	r := defaultRules()
	r.Disclosure = append(r.Disclosure, rules.Disclosure{Measures: []string{"capacity"}, Levels: []string{"facility"}, RoundTo: 5})
	out, _, err := Apply(result(c("capacity", "KH-1-A", "", 123), c("capacity", "KH-1-B", "", 127), c("capacity", "KH-1", "", 250)), g, r)
	if err != nil {
		t.Fatal(err)
	}
	for place, want := range map[string]float64{"KH-1-A": 125, "KH-1-B": 125, "KH-1": 250} {
		if got := pointOf(t, out, "capacity", place, "").Value.Num; got != want {
			t.Errorf("capacity %s = %v, want %v", place, got, want)
		}
	}
	if n := pointOf(t, out, "capacity", "KH-1-A", "").Note; n != "rounded to a multiple of 5" {
		t.Errorf("note = %q, want %q", n, "rounded to a multiple of 5")
	}
}

func TestApplyNeverMutatesItsInput(t *testing.T) {
	g := testPlaces(t)
	in := result(
		c("pregnant", "KH", "", 43),
		c("pregnant", "KH-1", "", 3), c("pregnant", "KH-1-A", "", 3), c("pregnant", "KH-1-B", "", 0),
		c("pregnant", "KH-2", "", 40), c("pregnant", "KH-2-E", "", 15), c("pregnant", "KH-2-F", "", 25),
		c("prisoners", "KH-1-A", "female", 3), c("prisoners", "KH-1-A", "total", 3), c("female_share", "KH-1-A", "", 100),
	)
	in.Findings = []compute.KeyFinding{{ID: "finding_pregnant", Place: "KH-1", Params: map[string]any{"count": 3}, Text: map[string]string{"en": "3 pregnant women"}}}
	before, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	out, rep, err := Apply(in, g, defaultRules())
	if err != nil {
		t.Fatal(err)
	}
	after, _ := json.Marshal(in)
	if string(before) != string(after) {
		t.Errorf("Apply changed its input:\nbefore %s\nafter  %s", before, after)
	}
	if len(rep.Suppressed) == 0 || !hidden(t, out, "pregnant", "KH-1-A", "") {
		t.Fatal("nothing hidden: the test proves nothing")
	}
	if len(out.Findings) != 0 || len(rep.Withheld) != 1 {
		t.Errorf("findings = %v, withheld = %v, want the finding on KH-1 withheld", out.Findings, rep.Withheld)
	}
}

func TestApplyWithholdsFindingsThatQuoteHiddenValues(t *testing.T) {
	g := testPlaces(t)
	in := result(
		c("pregnant", "KH", "", 43),
		c("pregnant", "KH-1", "", 3), c("pregnant", "KH-1-A", "", 3), c("pregnant", "KH-1-B", "", 0),
		c("pregnant", "KH-2", "", 40), c("pregnant", "KH-2-E", "", 15), c("pregnant", "KH-2-F", "", 25),
		c("prisoners", "KH-1", "female", 300), c("prisoners", "KH-1", "total", 3000),
	)
	in.Findings = []compute.KeyFinding{
		{ID: "finding_pregnant", Place: "KH"},      // the country: published
		{ID: "finding_pregnant_most", Place: "KH"}, // names a province: hidden ones
		{ID: "finding_pregnant", Place: "KH-1"},    // hidden
		{ID: "finding_female_share", Place: "KH-1"},
		{ID: "finding_something_new", Place: "KH-1"}, // unknown: withheld, something at KH-1 is hidden
	}
	out, rep, err := Apply(in, g, defaultRules())
	if err != nil {
		t.Fatal(err)
	}
	var kept []string
	for _, f := range out.Findings {
		kept = append(kept, f.ID+" "+f.Place)
	}
	if got, want := strings.Join(kept, ", "), "finding_pregnant KH, finding_female_share KH-1"; got != want {
		t.Errorf("kept %q, want %q", got, want)
	}
	if got, want := strings.Join(rep.Withheld, ", "), "finding_pregnant_most KH, finding_pregnant KH-1, finding_something_new KH-1"; got != want {
		t.Errorf("withheld %q, want %q", got, want)
	}
}

func TestApplyRefusesRulesThatProtectLess(t *testing.T) {
	g := testPlaces(t)
	in := result(c("pregnant", "KH-1-A", "", 2))
	tests := map[string]*rules.Rules{
		"no rules":        nil,
		"no disclosure":   {},
		"unknown level":   {Disclosure: []rules.Disclosure{{Measures: []string{"pregnant"}, Levels: []string{"facilty"}, Below: 5}}},
		"unknown measure": {Disclosure: []rules.Disclosure{{Measures: []string{"pregnat"}, Levels: []string{"facility"}, Below: 5}}},
		"below 2":         {Disclosure: []rules.Disclosure{{Measures: []string{"pregnant"}, Levels: []string{"facility"}, Below: 2}}},
		"occupancy":       {Disclosure: []rules.Disclosure{{Measures: []string{"occupancy"}, Levels: []string{"facility"}, Below: 5}}},
		"no levels":       {Disclosure: []rules.Disclosure{{Measures: []string{"pregnant"}, Below: 5}}},
	}
	for name, r := range tests {
		t.Run(name, func(t *testing.T) {
			out, _, err := Apply(in, g, r)
			if err == nil {
				t.Fatalf("Apply accepted the rules and returned %v", out.Series)
			}
			if out != nil {
				t.Error("Apply returned a result with its error")
			}
		})
	}
	if _, _, err := Apply(in, nil, defaultRules()); err == nil {
		t.Error("Apply without a gazetteer succeeded")
	}
}

func TestApplyReturnsNoResultWhenTheAuditFails(t *testing.T) {
	// With complementary suppression off, the built-in audit must stop Apply.
	g := testPlaces(t)
	in := result(c("pregnant", "KH-1", "", 18), c("pregnant", "KH-1-A", "", 2), c("pregnant", "KH-1-B", "", 9), c("pregnant", "KH-1-C", "", 7))
	out, _, err := apply(in, g, defaultRules(), options{noComplement: true})
	var ae *AuditError
	if !errors.As(err, &ae) {
		t.Fatalf("err = %v, want an *AuditError", err)
	}
	if out != nil {
		t.Error("a result that failed the audit was returned")
	}
}

func TestApplyDropsARangeThatWouldGiveCellsAway(t *testing.T) {
	// Two provinces with 4 each under a published country total of 8:
	// "fewer than 5" on both says each is at most 4, so each is 4. Nothing
	// else can be hidden (the country is published), so one of them is
	// shown without its range.
	g := testPlaces(t)
	out, rep, err := Apply(result(c("pregnant", "KH", "", 8), c("pregnant", "KH-1", "", 4), c("pregnant", "KH-2", "", 4)), g, defaultRules())
	if err != nil {
		t.Fatal(err)
	}
	var reasons []string
	for _, p := range []string{"KH-1", "KH-2"} {
		if !hidden(t, out, "pregnant", p, "") {
			t.Fatalf("pregnant %s published", p)
		}
		reasons = append(reasons, pointOf(t, out, "pregnant", p, "").Reason)
	}
	if got, want := strings.Join(reasons, " | "), reasonComplement+" | fewer than 5"; got != want {
		t.Errorf("reasons = %q, want %q", got, want)
	}
	if why := whyOf(rep, "pregnant", "KH-1", ""); !strings.Contains(why, "shown without its range") {
		t.Errorf("why = %q, want it to say the range is not shown", why)
	}
	if hidden(t, out, "pregnant", "KH", "") {
		t.Error("the country total was hidden")
	}
	// The same result with both ranges shown fails the audit.
	bad := hideIn(clone(out), "fewer than 5", [3]string{"pregnant", "KH-1", ""})
	if err := Audit(bad, g); err == nil {
		t.Error("Audit passed two cells of at most 4 under a total of 8")
	}
}
