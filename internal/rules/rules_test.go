package rules

import "testing"

func TestAgeLimitOnFollowsThePrisonLaw(t *testing.T) {
	r := &Rules{ChildAgeLimit: []AgeLimit{{From: "1998-01-01", Years: 6}, {From: "2011-11-14", Years: 3}}}
	if err := r.Validate(); err != nil {
		t.Fatal(err)
	}
	for date, want := range map[string]int{"2008-12-31": 6, "2011-11-13": 6, "2011-11-14": 3, "2015-12-31": 3} {
		got, ok := r.AgeLimitOn(date)
		if !ok || got.Years != want {
			t.Errorf("AgeLimitOn(%s) = %d, %v, want %d", date, got.Years, ok, want)
		}
	}
	if _, ok := r.AgeLimitOn("1990-01-01"); ok {
		t.Error("AgeLimitOn before any limit found one")
	}
}

func TestValidateRejectsUnorderedLimits(t *testing.T) {
	r := &Rules{ChildAgeLimit: []AgeLimit{{From: "2011-11-14", Years: 3}, {From: "1998-01-01", Years: 6}}}
	if err := r.Validate(); err == nil {
		t.Error("Validate accepted limits out of order")
	}
}
