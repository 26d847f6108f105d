package protect

import (
	"fmt"
	"math"
	"regexp"
	"strconv"

	"github.com/prisonstats/prisonstats/internal/compute"
	"github.com/prisonstats/prisonstats/internal/obs"
)

// The texts a hidden or rounded point carries. The public reads them, so
// the audit reads them too: "fewer than 5" tells anyone the value is 1 to 4.
func reasonPrimary(below int) string { return fmt.Sprintf("fewer than %d", below) }

const (
	reasonComplement = "hidden to protect small numbers"
	reasonDerived    = "hidden: computed from a hidden count"
	reasonRounded    = "hidden: computed from rounded counts"
)

const smallBasePrefix = "hidden: 0% or 100% of fewer than"

func reasonSmallBase(below int) string { return fmt.Sprintf("%s %d people", smallBasePrefix, below) }

func noteRounded(to int) string { return fmt.Sprintf("rounded to a multiple of %d", to) }

var (
	primaryText = regexp.MustCompile(`^fewer than (\d+)$`)
	roundedText = regexp.MustCompile(`rounded to a multiple of (\d+)`)
)

// bound is what the published result says about one cell: it lies in
// [lo, hi]. A published exact count has lo == hi.
type bound struct {
	lo, hi float64
	hidden bool // suppressed by disclosure control
}

func (b bound) known() bool { return b.lo == b.hi }

// knowledge reads what a point discloses. A missing point is not asked for:
// equations leave such cells out.
func knowledge(p *compute.Point) bound {
	if p.Value.OK() {
		if m := roundedText.FindStringSubmatch(p.Note); m != nil {
			r, _ := strconv.ParseFloat(m[1], 64)
			if r > 0 {
				// Round half up: the true value v has round(v) = published.
				return bound{lo: math.Max(0, math.Ceil(p.Value.Num-r/2)), hi: math.Ceil(p.Value.Num+r/2) - 1}
			}
		}
		return bound{lo: p.Value.Num, hi: p.Value.Num}
	}
	b := bound{lo: 0, hi: math.Inf(1)}
	if p.Value.Missing == obs.Suppressed {
		b.hidden = true
		if m := primaryText.FindStringSubmatch(p.Reason); m != nil {
			n, _ := strconv.ParseFloat(m[1], 64)
			b.lo, b.hi = 1, n-1
		}
	}
	return b
}
