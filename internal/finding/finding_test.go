package finding

import (
	"errors"
	"testing"

	"github.com/prisonstats/prisonstats/internal/obs"
)

func TestSortPutsErrorsFirstAndCellsInRowOrder(t *testing.T) {
	l := List{
		Warnf(obs.Source{File: "a.xlsx", Sheet: "S", Cell: "B2"}, Implausible, "w"),
		Errorf(obs.Source{File: "a.xlsx", Sheet: "S", Cell: "A10"}, TypeError, "e10"),
		Errorf(obs.Source{File: "a.xlsx", Sheet: "S", Cell: "AA2"}, TypeError, "eAA2"),
		Errorf(obs.Source{File: "a.xlsx", Sheet: "S", Cell: "Z2"}, TypeError, "eZ2"),
	}
	l.Sort()
	var got []string
	for _, f := range l {
		got = append(got, f.Message)
	}
	want := []string{"eZ2", "eAA2", "e10", "w"}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("sorted = %v, want %v", got, want)
		}
	}
}

func TestErrOnlyWithErrors(t *testing.T) {
	l := List{Warnf(obs.Source{File: "a.csv", Line: 2}, Implausible, "w")}
	if err := l.Err(); err != nil {
		t.Fatalf("Err() with only warnings = %v, want nil", err)
	}
	l = append(l, Errorf(obs.Source{File: "a.csv", Line: 3, Column: 2}, TypeError, `"twelve" is not a count`))
	err := l.Err()
	var failed *Failed
	if !errors.As(err, &failed) {
		t.Fatalf("Err() = %v, want *Failed", err)
	}
	if got, want := err.Error(), `a.csv:3:2: type-error: "twelve" is not a count`; got != want {
		t.Errorf("Err().Error() = %q, want %q", got, want)
	}
}
