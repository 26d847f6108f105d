package testenv

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/prisonstats/prisonstats/internal/casestudy"
	"github.com/prisonstats/prisonstats/internal/places"
)

// SampleCases loads the project's case studies (data/case-studies) with the
// project's gazetteer, failing the test on any finding.
func SampleCases(t testing.TB) []casestudy.Case {
	t.Helper()
	g, err := places.Load(filepath.Join(Root(), "data", "places.toml"))
	if err != nil {
		t.Fatal(err)
	}
	cases, fs, err := casestudy.Load(filepath.Join(Root(), "data", "case-studies"), g, time.Now().UTC())
	if err != nil {
		t.Fatal(err)
	}
	if err := fs.Err(); err != nil {
		t.Fatalf("sample case studies: %v", err)
	}
	return cases
}
