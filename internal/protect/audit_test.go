package protect

import (
	"errors"
	"strings"
	"testing"

	"github.com/prisonstats/prisonstats/internal/compute"
	"github.com/prisonstats/prisonstats/internal/obs"
)

// hide marks points of a hand-made result as suppressed with a reason.
func hideIn(res *compute.Result, reason string, cells ...[3]string) *compute.Result {
	for i := range res.Series {
		s := &res.Series[i]
		for _, c := range cells {
			if s.Indicator == c[0] && s.Place == c[1] && s.Breakdown == c[2] {
				for j := range s.Points {
					s.Points[j].Value = obs.Absent(obs.Suppressed)
					s.Points[j].Reason = reason
				}
			}
		}
	}
	return res
}

func TestAuditCatchesWhatComplementarySuppressionPrevents(t *testing.T) {
	// The audit must fail on a protection without complements: the same
	// input through Apply with complementary suppression switched off.
	g := testPlaces(t)
	in := result(
		c("pregnant", "KH", "", 48),
		c("pregnant", "KH-1", "", 18), c("pregnant", "KH-1-A", "", 2), c("pregnant", "KH-1-B", "", 9), c("pregnant", "KH-1-C", "", 7),
		c("pregnant", "KH-2", "", 30), c("pregnant", "KH-2-E", "", 10), c("pregnant", "KH-2-F", "", 20),
	)
	bad, _, err := apply(in, g, defaultRules(), options{noComplement: true, noAudit: true})
	if err != nil {
		t.Fatal(err)
	}
	err = Audit(bad, g)
	var ae *AuditError
	if !errors.As(err, &ae) {
		t.Fatalf("Audit = %v, want an *AuditError", err)
	}
	if len(ae.Recoverable) != 1 {
		t.Fatalf("recoverable = %v, want one cell", ae.Recoverable)
	}
	r := ae.Recoverable[0]
	if r.Cell.Indicator != "pregnant" || r.Cell.Place != "KH-1-A" || r.Value != 2 {
		t.Errorf("recovered %+v = %v, want pregnant KH-1-A = 2", r.Cell, r.Value)
	}
	if want := "pregnant KH-1-A 2012-12-31 = 2: province total 18 − other facilities 16"; r.Cell.Why != want {
		t.Errorf("why = %q, want %q", r.Cell.Why, want)
	}
	good, _, err := Apply(in, g, defaultRules())
	if err != nil {
		t.Fatal(err)
	}
	if err := Audit(good, g); err != nil {
		t.Errorf("Audit after Apply: %v", err)
	}
}

func TestAuditFindsRecoverableCells(t *testing.T) {
	g := testPlaces(t)
	fewer := "fewer than 5"
	tests := []struct {
		name string
		res  *compute.Result
		want string // the recoverable cell; "" = none
		how  string // part of the explanation
	}{
		{
			name: "one hidden facility among published ones",
			res: hideIn(result(c("pregnant", "KH-1", "", 18), c("pregnant", "KH-1-A", "", 2), c("pregnant", "KH-1-B", "", 16)),
				fewer, [3]string{"pregnant", "KH-1-A", ""}),
			want: "pregnant KH-1-A 2012-12-31", how: "province total 18 − other facilities 16",
		},
		{
			name: "a hidden province among published provinces",
			res: hideIn(result(c("pregnant", "KH", "", 20), c("pregnant", "KH-1", "", 3), c("pregnant", "KH-2", "", 17)),
				fewer, [3]string{"pregnant", "KH-1", ""}),
			want: "pregnant KH-1 2012-12-31", how: "country total 20 − other provinces 17",
		},
		{
			name: "a hidden total over published bands",
			res: hideIn(result(c("children_in_prison", "KH-1-A", "under_1", 2), c("children_in_prison", "KH-1-A", "1_2", 1), c("children_in_prison", "KH-1-A", "total", 3)),
				fewer, [3]string{"children_in_prison", "KH-1-A", "total"}),
			want: "children_in_prison KH-1-A total 2012-12-31", how: "the sum of its bands 3",
		},
		{
			name: "two hidden facilities: safe",
			res: hideIn(result(c("pregnant", "KH-1", "", 18), c("pregnant", "KH-1-A", "", 2), c("pregnant", "KH-1-B", "", 9), c("pregnant", "KH-1-C", "", 7)),
				fewer, [3]string{"pregnant", "KH-1-A", ""}, [3]string{"pregnant", "KH-1-B", ""}),
		},
		{
			name: "children over the limit published while the over_3 band is hidden",
			res: hideIn(result(c("children_in_prison", "KH-1-A", "over_3", 3),
				pt{ind: "children_over_limit", place: "KH-1-A", v: 3, note: "over the 3-year limit (Law on Prisons (2011), article 42): bands [over_3]"}),
				fewer, [3]string{"children_in_prison", "KH-1-A", "over_3"}),
			want: "children_in_prison KH-1-A over_3 2012-12-31", how: "it equals children_over_limit KH-1-A 2012-12-31, published as 3",
		},
		{
			name: "a missing province worked out from the country, then the facility",
			res: hideIn(result(c("pregnant", "KH", "", 20), c("pregnant", "KH-1", "", na), c("pregnant", "KH-2", "", 17),
				c("pregnant", "KH-1-A", "", 2), c("pregnant", "KH-1-B", "", 1)),
				fewer, [3]string{"pregnant", "KH-1-A", ""}),
			want: "pregnant KH-1-A 2012-12-31",
		},
		{
			name: "two small counts summing to 2: 'fewer than 5' means at least 1 each",
			res: hideIn(result(c("pregnant", "KH-1", "", 22), c("pregnant", "KH-1-A", "", 1), c("pregnant", "KH-1-B", "", 1), c("pregnant", "KH-1-C", "", 20)),
				fewer, [3]string{"pregnant", "KH-1-A", ""}, [3]string{"pregnant", "KH-1-B", ""}),
			want: "pregnant KH-1-A 2012-12-31", how: "published ranges",
		},
		{
			name: "a 1 next to a hidden 0: the 1 is still known",
			res: hideIn(hideIn(result(c("pregnant", "KH-1", "", 9), c("pregnant", "KH-1-A", "", 1), c("pregnant", "KH-1-B", "", 0), c("pregnant", "KH-1-C", "", 8)),
				fewer, [3]string{"pregnant", "KH-1-A", ""}), reasonComplement, [3]string{"pregnant", "KH-1-B", ""}),
			want: "pregnant KH-1-A 2012-12-31",
		},
		{
			name: "a share published from a hidden count",
			res: hideIn(result(c("prisoners", "KH-1-A", "female", 3), c("prisoners", "KH-1-A", "total", 43), c("female_share", "KH-1-A", "", 6.97)),
				fewer, [3]string{"prisoners", "KH-1-A", "female"}),
			want: "female_share KH-1-A 2012-12-31", how: "computed from the hidden prisoners KH-1-A female",
		},
		{
			name: "a share hidden while the counts it is computed from are published",
			res: hideIn(result(c("prisoners", "KH-1-A", "female", 30), c("prisoners", "KH-1-A", "total", 400), c("female_share", "KH-1-A", "", 7.5)),
				reasonDerived, [3]string{"female_share", "KH-1-A", ""}),
			want: "female_share KH-1-A 2012-12-31", how: "= 7.5: computed from the published prisoners KH-1-A female 2012-12-31 = 30 and prisoners KH-1-A total 2012-12-31 = 400",
		},
		{
			name: "a cell determined only by combining rows and columns",
			res:  bridgeTable(),
			want: "children_in_prison KH-1-B 2_3 2012-12-31", how: "combining the published sums",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := Audit(tt.res, g)
			if tt.want == "" {
				if err != nil {
					t.Fatalf("Audit = %v, want nil", err)
				}
				return
			}
			var ae *AuditError
			if !errors.As(err, &ae) {
				t.Fatalf("Audit = %v, want an *AuditError", err)
			}
			for _, r := range ae.Recoverable {
				if strings.HasPrefix(r.Cell.Why, tt.want) {
					if !strings.Contains(r.Cell.Why, tt.how) {
						t.Errorf("why = %q, want it to say %q", r.Cell.Why, tt.how)
					}
					return
				}
			}
			t.Errorf("Audit = %v, want it to name %s", err, tt.want)
		})
	}
}

// bridgeTable is a facility × age band table of KH-1 with published row and
// column totals in which every row and column holds two or more hidden
// cells, yet B's 2_3 cell is a bridge between two cycles of hidden cells
// and so determined: (rows C + D) − (columns 2_3 + over_3) leaves it.
func bridgeTable() *compute.Result {
	bands := []string{"under_1", "1_2", "2_3", "over_3"}
	facilities := []string{"KH-1-A", "KH-1-B", "KH-1-C", "KH-1-D"}
	var pts []pt
	colSum := map[string]float64{}
	total := 0.0
	for fi, f := range facilities {
		row := 0.0
		for bi, b := range bands {
			v := float64(5 + fi*4 + bi)
			pts = append(pts, c("children_in_prison", f, b, v))
			row += v
			colSum[b] += v
		}
		pts = append(pts, c("children_in_prison", f, "total", row))
		total += row
	}
	for _, b := range bands {
		pts = append(pts, c("children_in_prison", "KH-1", b, colSum[b]))
	}
	pts = append(pts, c("children_in_prison", "KH-1", "total", total))
	return hideIn(result(pts...), reasonComplement,
		[3]string{"children_in_prison", "KH-1-A", "under_1"}, [3]string{"children_in_prison", "KH-1-A", "1_2"},
		[3]string{"children_in_prison", "KH-1-B", "under_1"}, [3]string{"children_in_prison", "KH-1-B", "1_2"},
		[3]string{"children_in_prison", "KH-1-C", "2_3"}, [3]string{"children_in_prison", "KH-1-C", "over_3"},
		[3]string{"children_in_prison", "KH-1-D", "2_3"}, [3]string{"children_in_prison", "KH-1-D", "over_3"},
		[3]string{"children_in_prison", "KH-1-B", "2_3"})
}
