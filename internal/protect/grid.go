package protect

import (
	"fmt"
	"strconv"

	"github.com/prisonstats/prisonstats/internal/compute"
)

// key identifies one point of one series.
type key struct{ ind, place, bd, date string }

func (k key) String() string {
	if k.bd == "" {
		return fmt.Sprintf("%s %s %s", k.ind, k.place, k.date)
	}
	return fmt.Sprintf("%s %s %s %s", k.ind, k.place, k.bd, k.date)
}

func (k key) cell(why string) Cell {
	return Cell{Indicator: k.ind, Place: k.place, Breakdown: k.bd, Date: k.date, Why: why}
}

func num(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// grid indexes the points of a result by key. Points are pointers into the
// result's series, so writing through them changes that result.
type grid struct {
	res  *compute.Result
	pts  map[key]*compute.Point
	keys []key // in series order
	// bds lists the breakdowns of an indicator at a place, in series order.
	bds map[[2]string][]string
}

func newGrid(res *compute.Result) *grid {
	gr := &grid{res: res, pts: map[key]*compute.Point{}, bds: map[[2]string][]string{}}
	for i := range res.Series {
		s := &res.Series[i]
		ip := [2]string{s.Indicator, s.Place}
		gr.bds[ip] = append(gr.bds[ip], s.Breakdown)
		for j := range s.Points {
			k := key{s.Indicator, s.Place, s.Breakdown, s.Points[j].Date}
			if _, dup := gr.pts[k]; dup {
				continue
			}
			gr.pts[k] = &s.Points[j]
			gr.keys = append(gr.keys, k)
		}
	}
	return gr
}

// series returns the series of an indicator at a place and breakdown.
func (gr *grid) series(ind, place, bd string) (*compute.Series, bool) {
	for i := range gr.res.Series {
		s := &gr.res.Series[i]
		if s.Indicator == ind && s.Place == place && s.Breakdown == bd {
			return s, true
		}
	}
	return nil, false
}

// clone returns a deep copy of res: series, points, sources, findings and
// levels are new, so changing the copy never changes res.
func clone(res *compute.Result) *compute.Result {
	out := &compute.Result{}
	out.Catalogue = append([]compute.Indicator(nil), res.Catalogue...)
	for _, s := range res.Series {
		c := s
		c.Points = make([]compute.Point, len(s.Points))
		for i, p := range s.Points {
			p.Sources = append(p.Sources[:0:0], p.Sources...)
			c.Points[i] = p
		}
		out.Series = append(out.Series, c)
	}
	for _, f := range res.Findings {
		c := f
		c.Params = make(map[string]any, len(f.Params))
		for k, v := range f.Params {
			c.Params[k] = v
		}
		c.Text = make(map[string]string, len(f.Text))
		for k, v := range f.Text {
			c.Text[k] = v
		}
		out.Findings = append(out.Findings, c)
	}
	if res.Levels != nil {
		out.Levels = make(map[string]string, len(res.Levels))
		for k, v := range res.Levels {
			out.Levels[k] = v
		}
	}
	if res.WorldRank != nil {
		wr := *res.WorldRank
		out.WorldRank = &wr
	}
	return out
}
