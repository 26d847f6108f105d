package check

import (
	"errors"
	"testing"

	"github.com/prisonstats/prisonstats/internal/finding"
	"github.com/prisonstats/prisonstats/internal/obs"
)

// The CLI turns Run's list into an error with List.Err; callers reach the
// findings through errors.As.
func TestRunErrCarriesEveryErrorFinding(t *testing.T) {
	in := []obs.Observation{
		ob("D7", 1700, sex(obs.Female)), ob("F7", 1624), // female above total
		ob("G7", -1, status(obs.Pretrial)),                        // negative
		ob("K7", 2000, measure(obs.Capacity), date("1013-12-31")), // a warning only
	}
	err := Run(in, DefaultOptions()).Err()
	var failed *finding.Failed
	if !errors.As(err, &failed) {
		t.Fatalf("Run(...).Err() = %v, want a *finding.Failed", err)
	}
	var codes []string
	for _, f := range failed.List {
		if f.Severity == finding.Error {
			codes = append(codes, f.Code)
		}
	}
	want := []string{finding.RowConstraint, finding.ConstraintError} // F7 then G7
	if len(codes) != len(want) || codes[0] != want[0] || codes[1] != want[1] {
		t.Errorf("error codes = %v, want %v (all: %v)", codes, want, failed.List)
	}
	if got := len(failed.List) - failed.List.Errors(); got != 1 {
		t.Errorf("warnings = %d, want 1 (year 1013)", got)
	}

	warnOnly := []obs.Observation{ob("K7", 2000, measure(obs.Capacity), date("1013-12-31"))}
	if err := Run(warnOnly, DefaultOptions()).Err(); err != nil {
		t.Errorf("Run with only a warning: Err() = %v, want nil", err)
	}
}
