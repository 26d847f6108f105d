package protect

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/prisonstats/prisonstats/internal/compute"
)

// recovery is a hidden cell the published numbers determine.
type recovery struct {
	k     key
	value float64
	// eq is the equation that pinned it, or -1 when it takes a combination
	// of several sums (or its own published bounds).
	eq  int
	how string
}

// system is a set of equations over numbered cells, built once; analysing
// it reads the cells' points afresh each time, so it follows hiding.
type system struct {
	eqs   []equation
	cells []key
	pts   []*compute.Point
	rows  [][]int // cell numbers of each equation; the total first
	of    [][]int // equations of each cell
}

func newSystem(gr *grid, eqs []equation) *system {
	s := &system{eqs: eqs}
	id := map[key]int{}
	for _, e := range eqs {
		var row []int
		for _, c := range e.cells() {
			i, ok := id[c]
			if !ok {
				i = len(s.cells)
				id[c] = i
				s.cells = append(s.cells, c)
				s.pts = append(s.pts, gr.pts[c])
				s.of = append(s.of, nil)
			}
			row = append(row, i)
		}
		s.rows = append(s.rows, row)
	}
	for e, row := range s.rows {
		for _, c := range row {
			s.of[c] = append(s.of[c], e)
		}
	}
	return s
}

// analysis is what an attacker can work out from the published cells.
type analysis struct {
	s        *system
	b        []bound
	pinnedBy []int    // equation that pinned each cell, or -1
	how      []string // how each hidden cell was pinned, said when it was
	explain  bool
	found    []recovery
}

const eps = 1e-9

// analyse works out every hidden cell the published numbers determine, in
// two ways: narrowing each cell's range through each sum in turn (which
// uses the published bounds, e.g. "fewer than 5" = 1 to 4, and chains
// through cells missing at source), then, for what is left, exact linear
// algebra over all the sums together (which finds cells determined only by
// combining sums, e.g. rows and columns of a facility × age band table).
// With explain false it only counts (for looking ahead) and says nothing.
func (s *system) analyse(explain bool) *analysis {
	n := len(s.cells)
	a := &analysis{s: s, b: make([]bound, n), pinnedBy: make([]int, n), explain: explain}
	if explain {
		a.how = make([]string, n)
	}
	for i, p := range s.pts {
		a.b[i] = knowledge(p)
		a.pinnedBy[i] = -1
	}
	a.narrow()
	for c := range s.cells {
		if a.b[c].hidden && a.b[c].known() {
			r := recovery{k: s.cells[c], value: a.b[c].lo, eq: a.pinnedBy[c]}
			if explain {
				r.how = a.how[c]
				if r.how == "" {
					r.how = fmt.Sprintf("%s = %s: its published bounds leave only this value", s.cells[c], num(a.b[c].lo))
				}
			}
			a.found = append(a.found, r)
		}
	}
	a.solve()
	if explain {
		slices.SortFunc(a.found, func(x, y recovery) int { return strings.Compare(x.k.String(), y.k.String()) })
	}
	return a
}

// narrow propagates ranges through the sums until nothing changes.
func (a *analysis) narrow() {
	rows := a.s.rows
	queue := make([]int, len(rows))
	queued := make([]bool, len(rows))
	for i := range rows {
		queue[i], queued[i] = i, true
	}
	steps := 0
	for len(queue) > 0 && steps < 200*len(rows)+1000 {
		steps++
		e := queue[0]
		queue = queue[1:]
		queued[e] = false
		row := rows[e]
		for j, y := range row {
			var lo, hi float64
			if j == 0 {
				lo, hi = sumExcept(a.b, row[1:], -1, false), sumExcept(a.b, row[1:], -1, true)
			} else {
				t := a.b[row[0]]
				lo = t.lo - sumExcept(a.b, row[1:], j-1, true)
				hi = t.hi - sumExcept(a.b, row[1:], j-1, false)
			}
			by := &a.b[y]
			nlo, nhi := math.Max(by.lo, math.Ceil(lo-eps)), math.Min(by.hi, math.Floor(hi+eps))
			if nlo > nhi {
				continue // the figures disagree (a source's own total); no inference
			}
			if nlo == by.lo && nhi == by.hi {
				continue
			}
			by.lo, by.hi = nlo, nhi
			if by.known() && a.pinnedBy[y] < 0 {
				a.pinnedBy[y] = e
				if a.explain && by.hidden {
					a.how[y] = a.say(e, y)
				}
			}
			for _, f := range a.s.of[y] {
				if f != e && !queued[f] {
					queued[f] = true
					queue = append(queue, f)
				}
			}
		}
	}
}

// sumExcept sums the hi (or lo) bounds of cells, leaving out index skip.
func sumExcept(b []bound, cells []int, skip int, hi bool) float64 {
	s := 0.0
	for i, c := range cells {
		if i == skip {
			continue
		}
		if hi {
			s += b[c].hi
		} else {
			s += b[c].lo
		}
	}
	return s
}

// say explains how equation e pins cell c.
func (a *analysis) say(e, c int) string {
	eq := a.s.eqs[e]
	row := a.s.rows[e]
	k := a.s.cells[c]
	v := num(a.b[c].lo)
	allKnown := true
	sum := 0.0
	also := ""
	var others []int
	for j, o := range row {
		if o == c {
			continue
		}
		others = append(others, o)
		switch {
		case !a.b[o].known():
			allKnown = false
		case a.b[o].hidden:
			also += fmt.Sprintf("; %s = %s is hidden but worked out too", a.s.cells[o], num(a.b[o].lo))
		}
		if j > 0 {
			sum += a.b[o].lo
		}
	}
	switch {
	case !allKnown:
		return fmt.Sprintf("%s = %s: %s %s and the published ranges of the other hidden cells (\"fewer than\") leave only this value", k, v, eq.totalWords, eq.total)
	case len(others) == 1:
		return fmt.Sprintf("%s = %s: it equals %s, published as %s%s", k, v, a.s.cells[others[0]], num(a.b[others[0]].lo), also)
	case row[0] == c:
		return fmt.Sprintf("%s = %s: the sum of its %s %s%s", k, v, strings.TrimPrefix(eq.memberWords, "other "), num(sum), also)
	}
	return fmt.Sprintf("%s = %s: %s %s − %s %s%s", k, v, eq.totalWords, num(a.b[row[0]].lo), eq.memberWords, num(sum), also)
}

// solve finds the hidden cells that combinations of sums determine: a cell
// is determined when its unit vector lies in the row space of the sums over
// the cells not known.
func (a *analysis) solve() {
	n := len(a.s.cells)
	parent := make([]int, n)
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		if parent[i] != i {
			parent[i] = find(parent[i])
		}
		return parent[i]
	}
	for _, row := range a.s.rows {
		first := -1
		for _, c := range row {
			if a.b[c].known() {
				continue
			}
			if first < 0 {
				first = c
				continue
			}
			parent[find(c)] = find(first)
		}
	}
	comps := map[int][]int{}
	var roots []int
	for e, row := range a.s.rows {
		for _, c := range row {
			if !a.b[c].known() {
				r := find(c)
				if comps[r] == nil {
					roots = append(roots, r)
				}
				comps[r] = append(comps[r], e)
				break
			}
		}
	}
	for _, r := range roots {
		a.solveComponent(comps[r])
	}
}

func (a *analysis) solveComponent(rows []int) {
	col := map[int]int{}
	var cols []int
	hasHidden := false
	for _, e := range rows {
		for _, c := range a.s.rows[e] {
			if _, ok := col[c]; !ok && !a.b[c].known() {
				col[c] = len(cols)
				cols = append(cols, c)
				hasHidden = hasHidden || a.b[c].hidden
			}
		}
	}
	if !hasHidden || len(rows) < 2 {
		return // one sum with two or more unknowns determines none of them
	}
	n := len(cols)
	m := make([][]float64, len(rows))
	for r, e := range rows {
		row := make([]float64, n+1)
		for j, c := range a.s.rows[e] {
			coef := -1.0
			if j == 0 {
				coef = 1
			}
			if k, ok := col[c]; ok {
				row[k] += coef
			} else {
				row[n] -= coef * a.b[c].lo
			}
		}
		m[r] = row
	}
	// Reduced row echelon form with partial pivoting.
	pr := 0
	for c := 0; c < n && pr < len(m); c++ {
		best := pr
		for r := pr + 1; r < len(m); r++ {
			if math.Abs(m[r][c]) > math.Abs(m[best][c]) {
				best = r
			}
		}
		if math.Abs(m[best][c]) < eps {
			continue
		}
		m[pr], m[best] = m[best], m[pr]
		p := m[pr][c]
		for k := c; k <= n; k++ {
			m[pr][k] /= p
		}
		for r := range m {
			if r == pr || math.Abs(m[r][c]) < eps {
				continue
			}
			f := m[r][c]
			for k := c; k <= n; k++ {
				m[r][k] -= f * m[pr][k]
			}
		}
		pr++
	}
	for r := 0; r < pr; r++ {
		nz := -1
		single := true
		for c := 0; c < n; c++ {
			if math.Abs(m[r][c]) > eps {
				if nz >= 0 {
					single = false
					break
				}
				nz = c
			}
		}
		if !single || nz < 0 || !a.b[cols[nz]].hidden {
			continue
		}
		k := a.s.cells[cols[nz]]
		v := math.Round(m[r][n] / m[r][nz])
		rec := recovery{k: k, value: v, eq: -1}
		if a.explain {
			var sums []string
			for _, e := range rows {
				sums = append(sums, a.s.eqs[e].total.String())
			}
			if len(sums) > 4 {
				sums = append(sums[:4], fmt.Sprintf("and %d more", len(sums)-4))
			}
			rec.how = fmt.Sprintf("%s = %s: combining the published sums of %s", k, num(v), strings.Join(sums, ", "))
		}
		a.found = append(a.found, rec)
	}
}
