package ingest

import (
	"testing"

	"github.com/prisonstats/prisonstats/internal/obs"
)

func TestParseCell(t *testing.T) {
	comma := NumberFormat{Decimal: ","}
	tests := []struct {
		in   string
		nf   NumberFormat
		want obs.Value
		bad  bool
	}{
		{"3904", NumberFormat{}, obs.Num(3904), false},
		{"0", NumberFormat{}, obs.Num(0), false},
		{"", NumberFormat{}, obs.Absent(obs.Blank), false},
		{"  ", NumberFormat{}, obs.Absent(obs.Blank), false},
		{"-", NumberFormat{}, obs.Absent(obs.NotAvailable), false},
		{"..", NumberFormat{}, obs.Absent(obs.NotAvailable), false},
		{":", NumberFormat{}, obs.Absent(obs.NotAvailable), false},
		{"n/a", NumberFormat{}, obs.Absent(obs.NotAvailable), false},
		{"N/A", NumberFormat{}, obs.Absent(obs.NotAvailable), false},
		{"1,465,158", NumberFormat{}, obs.Num(1465158), false},
		{"1 234", NumberFormat{}, obs.Num(1234), false},
		{"1\u00a0234", NumberFormat{}, obs.Num(1234), false},
		{"5114.4799999999996", NumberFormat{}, obs.Num(5114.4799999999996), false},
		{"-8.9", NumberFormat{}, obs.Num(-8.9), false},
		{"1.234", comma, obs.Num(1234), false},
		{"1.234,5", comma, obs.Num(1234.5), false},
		{"6,52", comma, obs.Num(6.52), false},
		{"5114.48", comma, obs.Num(5114.48), false}, // a raw spreadsheet number stays
		{"12.5%", NumberFormat{}, obs.Num(0.125), false},
		{"12.5", NumberFormat{Percent: "points"}, obs.Num(0.125), false},
		{"0.5", NumberFormat{Percent: "points"}, obs.Num(0.005), false},
		{"0.17", NumberFormat{Percent: "fraction"}, obs.Num(0.17), false},
		{"17%", NumberFormat{Percent: "fraction"}, obs.Num(0.17), false},
		{"twelve", NumberFormat{}, obs.Value{}, true},
		{"1,23", NumberFormat{}, obs.Value{}, true},
		{"12,34,567", NumberFormat{}, obs.Value{}, true},
		{"NaN", NumberFormat{}, obs.Value{}, true},
		{"Inf", NumberFormat{}, obs.Value{}, true},
		{"0x10", NumberFormat{}, obs.Value{}, true},
		{"1e400", NumberFormat{}, obs.Value{}, true},
	}
	for _, tt := range tests {
		got, err := ParseCell(tt.in, nil, tt.nf)
		if (err != nil) != tt.bad {
			t.Errorf("ParseCell(%q, %+v) error = %v, want error %v", tt.in, tt.nf, err, tt.bad)
			continue
		}
		if !tt.bad && got != tt.want {
			t.Errorf("ParseCell(%q, %+v) = %v, want %v", tt.in, tt.nf, got, tt.want)
		}
	}
}

func TestParseCellMarkersFromTheMapping(t *testing.T) {
	s := source(t, simpleMapping+"\n[source.missing]\n\"*\" = \"suppressed_at_source\"\n\"x\" = \"not_applicable\"\n")
	for in, want := range map[string]obs.Value{
		"*":  obs.Absent(obs.SuppressedAtSource),
		"x":  obs.Absent(obs.NotApplicable),
		"..": obs.Absent(obs.NotAvailable),
		"":   obs.Absent(obs.Blank),
	} {
		if got, err := ParseCell(in, s.missing, NumberFormat{}); err != nil || got != want {
			t.Errorf("ParseCell(%q) = %v, %v, want %v", in, got, err, want)
		}
	}
}

func TestParseDate(t *testing.T) {
	tests := []struct {
		in       string
		layouts  []string
		day      string
		date1904 bool
		want     string
		bad      bool
	}{
		{"2012", nil, "", false, "2012-12-31", false},
		{"1013", nil, "", false, "1013-12-31", false},
		{"2022", nil, "06-30", false, "2022-06-30", false},
		{"2005-03-01", nil, "", false, "2005-03-01", false},
		{"42185", nil, "", false, "2015-06-30", false},
		{"44742", nil, "", false, "2022-06-30", false},
		{"37437", nil, "", false, "2002-06-30", false},
		{"61", nil, "", false, "1900-03-01", false},
		{"60", nil, "", false, "", true},
		{"1", nil, "", false, "", true},
		{"0", nil, "", true, "1904-01-01", false},
		{"30-Jun-09", nil, "", false, "2009-06-30", false},
		{"31/12/2015", []string{"02/01/2006"}, "", false, "2015-12-31", false},
		{"31/12/2015", nil, "", false, "", true},
		{"soon", nil, "", false, "", true},
	}
	for _, tt := range tests {
		got, err := parseDate(tt.in, tt.layouts, tt.day, tt.date1904)
		if (err != nil) != tt.bad || got != tt.want {
			t.Errorf("parseDate(%q, %v, %q, %v) = %q, %v, want %q (error %v)", tt.in, tt.layouts, tt.day, tt.date1904, got, err, tt.want, tt.bad)
		}
	}
}

func TestStripFootnote(t *testing.T) {
	s := source(t, simpleMapping)
	for in, want := range map[string]string{
		"Alaska/c":                     "Alaska",
		"Utah/d,i":                     "Utah",
		"Year/a":                       "Year",
		"Federal*":                     "Federal",
		"30-Jun-09(1)":                 "30-Jun-09",
		"Secure Children's Homes(3,4)": "Secure Children's Homes",
		"State/federal":                "State/federal",
		"Females as a proportion (%)":  "Females as a proportion (%)",
		"(1) Due to":                   "(1) Due to",
		"*":                            "*",
	} {
		if got := s.stripFootnote(in); got != want {
			t.Errorf("stripFootnote(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCleanLabel(t *testing.T) {
	for in, want := range map[string]struct {
		out     string
		changed bool
	}{
		"Kampot":                   {"Kampot", false},
		"  Kampot \t Prison ":      {"Kampot Prison", false},
		"\u202eKampot\u202c":       {"Kampot", true},
		"Kam\x00pot":               {"Kampot", true},
		"\u2067Kampot\u2069\u200f": {"Kampot", true},
	} {
		out, changed := cleanLabel(in)
		if out != want.out || changed != want.changed {
			t.Errorf("cleanLabel(%q) = %q, %v, want %q, %v", in, out, changed, want.out, want.changed)
		}
	}
}

func TestGlob(t *testing.T) {
	for _, c := range []struct {
		p, s string
		want bool
	}{
		{"20??", "2012", true}, {"20??", "Releases", false}, {"Notes*", "Notes: x", true},
		{"notes*", "NOTES", true}, {"4.1 * | *Feminino", "4.1 População | Presos | Justiça Estadual Feminino", true},
		{"*a*b", "xaxb", true}, {"a*b", "ab", true}, {"a*b", "a", false}, {"", "", true}, {"", "x", false},
	} {
		if got := glob(c.p, c.s); got != c.want {
			t.Errorf("glob(%q, %q) = %v, want %v", c.p, c.s, got, c.want)
		}
	}
}
