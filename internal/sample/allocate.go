package sample

import (
	"fmt"
	"math"
	"slices"
)

// allocate splits total into whole parts proportional to weights by the
// largest-remainder method: each part gets the floor of its quota, and the
// units left go to the largest remainders (ties to the earlier index). The
// parts always sum to total. Weights must be non-negative with a positive sum.
func allocate(total int, weights []float64) ([]int, error) {
	if total < 0 {
		return nil, fmt.Errorf("allocate: total %d is negative", total)
	}
	sum := 0.0
	for i, w := range weights {
		if w < 0 || math.IsNaN(w) || math.IsInf(w, 0) {
			return nil, fmt.Errorf("allocate: weight[%d] = %v is not a non-negative number", i, w)
		}
		sum += w
	}
	if sum <= 0 {
		return nil, fmt.Errorf("allocate: weights sum to %v, want > 0", sum)
	}
	parts := make([]int, len(weights))
	rem := make([]float64, len(weights))
	given := 0
	for i, w := range weights {
		q := float64(total) * w / sum
		parts[i] = int(math.Floor(q))
		rem[i] = q - float64(parts[i])
		given += parts[i]
	}
	if given > total {
		return nil, fmt.Errorf("allocate: floors sum to %d, above the total %d", given, total)
	}
	order := make([]int, len(weights))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		switch {
		case rem[a] > rem[b]:
			return -1
		case rem[a] < rem[b]:
			return 1
		}
		return 0
	})
	for k := 0; given < total; k++ {
		parts[order[k%len(order)]]++
		given++
	}
	return parts, nil
}
