package obs

import (
	"encoding/json"
	"testing"
)

func TestSourceString(t *testing.T) {
	tests := []struct {
		s    Source
		want string
	}{
		{Source{File: "a.xlsx", Sheet: "2012", Cell: "D7"}, "a.xlsx:2012!D7"},
		{Source{File: "a.csv", Line: 12, Column: 3}, "a.csv:12:3"},
		{Source{File: "a.csv", Line: 12}, "a.csv:12"},
		{Source{File: "a.xlsx", Sheet: "Notes"}, "a.xlsx:Notes"},
		{Source{File: "a.xlsx"}, "a.xlsx"},
	}
	for _, tt := range tests {
		if got := tt.s.String(); got != tt.want {
			t.Errorf("%#v.String() = %q, want %q", tt.s, got, tt.want)
		}
	}
}

func TestValueJSONRoundTrip(t *testing.T) {
	for _, v := range []Value{Num(0), Num(3904), Num(6.52), Absent(Blank), Absent(NotAvailable), Absent(SuppressedAtSource), Absent(Suppressed)} {
		b, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		var got Value
		if err := json.Unmarshal(b, &got); err != nil {
			t.Fatalf("Unmarshal(%s): %v", b, err)
		}
		if got != v {
			t.Errorf("round trip of %v via %s = %v", v, b, got)
		}
	}
	if Num(0) == Absent(Blank) {
		t.Error("zero and blank compare equal")
	}
}
