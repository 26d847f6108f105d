package sample

import (
	"slices"
	"testing"
)

func TestAllocateSumsExactlyByLargestRemainder(t *testing.T) {
	for _, tc := range []struct {
		name    string
		total   int
		weights []float64
		want    []int
	}{
		{"even split", 9, []float64{1, 1, 1}, []int{3, 3, 3}},
		{"remainder to largest fraction", 10, []float64{1, 1, 1}, []int{4, 3, 3}},
		{"two remainders, ties to earlier", 11, []float64{1, 1, 1}, []int{4, 4, 3}},
		{"largest remainder wins over order", 10, []float64{0.12, 0.45, 0.43}, []int{1, 5, 4}},
		{"zero weight gets nothing", 7, []float64{0, 2, 5}, []int{0, 2, 5}},
		{"zero total", 0, []float64{3, 1}, []int{0, 0}},
		{"unnormalised weights", 820, []float64{26, 1, 6}, []int{646, 25, 149}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := allocate(tc.total, tc.weights)
			if err != nil {
				t.Fatalf("allocate(%d, %v): %v", tc.total, tc.weights, err)
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("allocate(%d, %v) = %v, want %v", tc.total, tc.weights, got, tc.want)
			}
		})
	}
}

func TestAllocateRejectsBadInput(t *testing.T) {
	for _, tc := range []struct {
		name    string
		total   int
		weights []float64
	}{
		{"negative total", -1, []float64{1}},
		{"negative weight", 5, []float64{1, -1}},
		{"all zero", 5, []float64{0, 0}},
		{"no weights", 5, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got, err := allocate(tc.total, tc.weights); err == nil {
				t.Errorf("allocate(%d, %v) = %v, want an error", tc.total, tc.weights, got)
			}
		})
	}
}

func TestAllocateAlwaysSumsToTotal(t *testing.T) {
	weights := []float64{26.3, 1.02, 3.7, 0.61, 6.6, 7.1, 0.001}
	for total := 0; total <= 2500; total += 7 {
		got, err := allocate(total, weights)
		if err != nil {
			t.Fatal(err)
		}
		sum := 0
		for _, n := range got {
			sum += n
		}
		if sum != total {
			t.Errorf("allocate(%d, ...) sums to %d, want %d (%v)", total, sum, total, got)
		}
	}
}
