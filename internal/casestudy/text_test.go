package casestudy

import (
	"testing"

	"github.com/prisonstats/prisonstats/internal/finding"
)

func TestCheckTextWarns(t *testing.T) {
	tests := []struct {
		body string
		want int // warnings
	}{
		{"She was detained in March 2012 with her daughter.", 0},
		{"Her daughter Dara was two.", 1},
		{"Her son, called Vuthy, stayed with an aunt.", 1},
		{"A baby named Srey was born in custody.", 1},
		{"Her ID card 010203045 was taken.", 1},
		{"Case file 123 456 789 was lost.", 1},
		{"Her child was born on 3 May 2013.", 1},
		{"The child was born 2013-05-03 in hospital.", 1},
		{"She was arrested on 3 May 2013.", 0}, // a date, not a birth date
		{"The Law on Prisons came into force in 2011; she was born in 1985.", 0},
		{"កូនស្រីឈ្មោះ ដារ៉ា", 1},
		{"ឈ្មោះក្លែងក្លាយ", 0},
		{"Between 2008 and 2012 the number rose by 98%.", 0},
	}
	for _, tt := range tests {
		fs := checkText("c.md", "Title", tt.body, 7)
		if len(fs) != tt.want {
			t.Errorf("checkText(%q) = %v, want %d warnings", tt.body, fs, tt.want)
			continue
		}
		for _, f := range fs {
			if f.Severity != finding.Warning || f.Code != finding.PersonalData || f.Source.File != "c.md" || f.Source.Line != 7 {
				t.Errorf("checkText(%q) finding = %+v, want a personal-data warning at c.md:7", tt.body, f)
			}
		}
	}
}
