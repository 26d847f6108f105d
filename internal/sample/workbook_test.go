package sample

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/prisonstats/prisonstats/internal/places"
)

// The columns D…R, in order.
var dataCols = []string{"D", "E", "F", "G", "H", "I", "J", "K", "L", "M", "N", "O", "P", "Q", "R"}

// hotSpots are the prisons the layout says hold most pregnant women and
// children: CC2 (Phnom Penh), Banteay Meanchey, Battambang, Kandal, Siem Reap.
var hotSpots = []string{"KH-12-CC2", "KH-1-PP", "KH-2-PP", "KH-8-PP", "KH-17-PP"}

// prisonRows returns the row numbers of the prisons on a year's sheet: from
// row 5 up to the Total row, and the Total row's number.
func prisonRows(t *testing.T, g grid, sheet string) (rows []int, total int) {
	t.Helper()
	for r := firstDataRow; r <= len(g); r++ {
		if g.at(r, "B") == "Total" {
			return rows, r
		}
		rows = append(rows, r)
	}
	t.Fatalf("%s: no Total row in column B", sheet)
	return nil, 0
}

// num reads a cell that may hold "-" or be blank: ok is false then.
func num(t *testing.T, g grid, sheet string, row int, col string) (n int, ok bool) {
	t.Helper()
	switch s := g.at(row, col); s {
	case "", "-":
		return 0, false
	default:
		n, err := strconv.Atoi(s)
		if err != nil {
			t.Fatalf("%s!%s%d = %q, want a whole number, \"-\" or blank", sheet, col, row, s)
		}
		return n, true
	}
}

func TestSampleSheetsAreTheYearsThenReleases(t *testing.T) {
	wb := readBack(t, writeSample(t))
	var want []string
	for _, y := range National {
		want = append(want, strconv.Itoa(y.Year))
	}
	want = append(want, "Releases")
	if !slices.Equal(wb.sheets, want) {
		t.Errorf("sheets = %v, want %v", wb.sheets, want)
	}
}

func TestSamplePrisonsFollowGazetteer(t *testing.T) {
	gz := loadGazetteer(t)
	wb := readBack(t, writeSample(t))
	for _, y := range National {
		sheet := strconv.Itoa(y.Year)
		g := wb.cells[sheet]
		var want []places.Place
		for _, f := range gz.Level(places.Facility) {
			if f.Code == "KH-25-PP" && y.Year < 2014 {
				continue // Tbong Khmum: rows only from 2014
			}
			want = append(want, f)
		}
		rows, _ := prisonRows(t, g, sheet)
		if len(rows) != len(want) {
			t.Fatalf("%s: %d prison rows, want %d", sheet, len(rows), len(want))
		}
		for i, r := range rows {
			prov, _ := gz.Get(want[i].Parent)
			if got := g.at(r, "A"); got != strconv.Itoa(i+1) {
				t.Errorf("%s!A%d = %q, want %d", sheet, r, got, i+1)
			}
			if got := g.at(r, "B"); got != want[i].Name {
				t.Errorf("%s!B%d = %q, want %q", sheet, r, got, want[i].Name)
			}
			if got := g.at(r, "C"); got != prov.Name {
				t.Errorf("%s!C%d = %q, want %q", sheet, r, got, prov.Name)
			}
		}
	}
}

func TestSampleNationalTotalsMatchTable(t *testing.T) {
	// The table of docs/sample-layout.md, copied here so that a change to
	// National fails this test.
	table := []Year{
		{2008, 820, 12400}, {2009, 1010, 13500}, {2010, 1220, 14700}, {2011, 1430, 15900},
		{2012, 1624, 17112}, {2013, 1780, 18000}, {2014, 1950, 19100}, {2015, 2100, 20500},
	}
	wb := readBack(t, writeSample(t))
	if got := len(wb.sheets) - 1; got != len(table) {
		t.Fatalf("%d year sheets, want %d", got, len(table))
	}
	for _, y := range table {
		sheet := strconv.Itoa(y.Year)
		g := wb.cells[sheet]
		rows, total := prisonRows(t, g, sheet)
		women, men := 0, 0
		for _, r := range rows {
			women += g.count(t, sheet, r, "D")
			men += g.count(t, sheet, r, "E")
		}
		if women != y.Women || men != y.Men {
			t.Errorf("%s: prisons sum to %d women and %d men, want %d and %d", sheet, women, men, y.Women, y.Men)
		}
		if got := g.count(t, sheet, total, "D"); got != y.Women {
			t.Errorf("%s!D%d (Total) = %d, want %d", sheet, total, got, y.Women)
		}
		if got := g.count(t, sheet, total, "E"); got != y.Men {
			t.Errorf("%s!E%d (Total) = %d, want %d", sheet, total, got, y.Men)
		}
	}
}

func TestSampleTotalRowSumsEachColumn(t *testing.T) {
	wb := readBack(t, writeSample(t))
	for _, y := range National {
		sheet := strconv.Itoa(y.Year)
		g := wb.cells[sheet]
		rows, total := prisonRows(t, g, sheet)
		for _, c := range dataCols {
			sum := 0
			for _, r := range rows {
				n, _ := num(t, g, sheet, r, c)
				sum += n
			}
			if got := g.count(t, sheet, total, c); got != sum {
				t.Errorf("%s!%s%d (Total) = %d, want the column's sum %d", sheet, c, total, got, sum)
			}
		}
	}
}

func TestSamplePrisonRowsAreConsistent(t *testing.T) {
	wb := readBack(t, writeSample(t))
	for _, y := range National {
		sheet := strconv.Itoa(y.Year)
		g := wb.cells[sheet]
		rows, _ := prisonRows(t, g, sheet)
		for _, r := range rows {
			v := map[string]int{}
			for _, c := range dataCols {
				v[c], _ = num(t, g, sheet, r, c)
			}
			children := v["N"] + v["O"] + v["P"] + v["Q"]
			where := sheet + "!" + strconv.Itoa(r) + " (" + g.at(r, "B") + ")"
			for _, rule := range []struct {
				name string
				ok   bool
			}{
				{"female + male = total", v["D"]+v["E"] == v["F"]},
				{"pretrial female + sentenced female = female", v["G"]+v["I"] == v["D"]},
				{"pretrial total + sentenced total = total", v["H"]+v["J"] == v["F"]},
				{"pretrial female ≤ pretrial total", v["G"] <= v["H"]},
				{"sentenced female ≤ sentenced total", v["I"] <= v["J"]},
				{"female > 0", v["D"] > 0},
				{"pregnant ≤ female", v["L"] <= v["D"]},
				{"breastfeeding ≤ female", v["M"] <= v["D"]},
				{"breastfeeding ≤ women with children", v["M"] <= v["R"]},
				{"women with children ≤ female", v["R"] <= v["D"]},
				{"children ≥ women with children", children >= v["R"]},
				{"children > 0 exactly when women with children > 0", (children > 0) == (v["R"] > 0)},
			} {
				if !rule.ok {
					t.Errorf("%s: %s does not hold: %v", where, rule.name, v)
				}
			}
			for _, c := range dataCols {
				if v[c] < 0 {
					t.Errorf("%s: column %s = %d, want ≥ 0", where, c, v[c])
				}
			}
			if n, ok := num(t, g, sheet, r, "K"); ok && n <= 0 {
				t.Errorf("%s: capacity %d, want > 0", where, n)
			}
		}
	}
}

func TestSampleLayoutAroundTheTable(t *testing.T) {
	wb := readBack(t, writeSample(t))
	row3 := []string{"No.", "Prison", "Province", "Prisoners", "", "", "Pretrial detainees", "", "Sentenced", "",
		"Official capacity", "Pregnant women", "Breastfeeding women", "Children living with their mothers", "", "", "", "Women with children"}
	row4 := []string{"", "", "", "Female", "Male", "Total", "Female", "Total", "Female", "Total",
		"", "", "", "Under 1", "1–2", "2–3", "Over 3", ""}
	for _, y := range National {
		sheet := strconv.Itoa(y.Year)
		g := wb.cells[sheet]
		want := "General Department of Prisons — prison population on 31 December " + sheet + " (ILLUSTRATIVE DATA)"
		if got := g.at(1, "A"); got != want {
			t.Errorf("%s!A1 = %q, want %q", sheet, got, want)
		}
		if len(g) < 2 || strings.Join(g[1], "") != "" {
			t.Errorf("%s: row 2 is not blank", sheet)
		}
		for i := range row3 {
			col := column(i + 1)
			if got := g.at(3, col); got != row3[i] {
				t.Errorf("%s!%s3 = %q, want %q", sheet, col, got, row3[i])
			}
			if got := g.at(4, col); got != row4[i] {
				t.Errorf("%s!%s4 = %q, want %q", sheet, col, got, row4[i])
			}
		}
		_, total := prisonRows(t, g, sheet)
		if got := g.at(total, "A"); got != "" {
			t.Errorf("%s!A%d (Total row) = %q, want blank", sheet, total, got)
		}
		if total+1 <= len(g) && strings.Join(g[total], "") != "" {
			t.Errorf("%s: row %d after Total is not blank: %q", sheet, total+1, g[total])
		}
		notes := g.at(total+2, "A")
		for _, part := range []string{"Notes:", "illustrative", "generated by prisonstats", "not official figures", "31 December " + sheet} {
			if !strings.Contains(notes, part) {
				t.Errorf("%s!A%d = %q, want it to contain %q", sheet, total+2, notes, part)
			}
		}
		if !strings.HasPrefix(notes, "Notes:") {
			t.Errorf("%s!A%d = %q, want it to start with Notes:", sheet, total+2, notes)
		}
		if len(g) != total+2 {
			t.Errorf("%s: %d rows, want the notes row %d to be the last", sheet, len(g), total+2)
		}
	}
}

func TestSampleMergesAsLayout(t *testing.T) {
	wb := readBack(t, writeSample(t))
	for _, y := range National {
		sheet := strconv.Itoa(y.Year)
		_, total := prisonRows(t, wb.cells[sheet], sheet)
		notes := strconv.Itoa(total + 2)
		want := []string{"A1:R1", "A3:A4", "B3:B4", "C3:C4", "D3:F3", "G3:H3", "I3:J3", "K3:K4", "L3:L4",
			"M3:M4", "N3:Q3", "R3:R4", "A" + notes + ":R" + notes}
		got := slices.Sorted(slices.Values(wb.merges[sheet]))
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("%s: merges = %v, want %v", sheet, got, want)
		}
	}
	if got, want := wb.merges["Releases"], []string{"A27:D27"}; !slices.Equal(got, want) {
		t.Errorf("Releases: merges = %v, want %v", got, want)
	}
}

func TestSampleWartsAreTheOnlyNonNumbers(t *testing.T) {
	wb := readBack(t, writeSample(t))
	var got []string
	for _, y := range National {
		sheet := strconv.Itoa(y.Year)
		g := wb.cells[sheet]
		rows, _ := prisonRows(t, g, sheet)
		for _, r := range rows {
			for _, c := range dataCols {
				s := g.at(r, c)
				if _, err := strconv.Atoi(s); err != nil {
					got = append(got, sheet+"!"+c+" "+g.at(r, "B")+" = "+strconv.Quote(s))
				}
			}
		}
	}
	want := []string{
		`2008!M Mondulkiri Provincial Prison = ""`,
		`2008!M Ratanakiri Provincial Prison = ""`,
		`2009!K Preah Vihear Provincial Prison = "-"`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("non-numeric data cells = %q, want %q", got, want)
	}
}

func TestSamplePregnantWomenAndChildrenAreConcentrated(t *testing.T) {
	gz := loadGazetteer(t)
	wb := readBack(t, writeSample(t))
	for _, y := range National {
		sheet := strconv.Itoa(y.Year)
		g := wb.cells[sheet]
		rows, _ := prisonRows(t, g, sheet)
		var pregHot, pregAll, childHot, childAll, over3, zeros, small, pretrialF, female, mostWomen int
		most := ""
		for _, r := range rows {
			code, ok := gz.Resolve(g.at(r, "B"))
			if !ok {
				t.Fatalf("%s!B%d = %q is not in the gazetteer", sheet, r, g.at(r, "B"))
			}
			preg := g.count(t, sheet, r, "L")
			children := 0
			for _, c := range []string{"N", "O", "P", "Q"} {
				children += g.count(t, sheet, r, c)
			}
			over3 += g.count(t, sheet, r, "Q")
			pregAll += preg
			childAll += children
			if slices.Contains(hotSpots, code) {
				pregHot += preg
				childHot += children
				if preg < 5 || preg > 20 {
					t.Errorf("%s!L%d (%s): %d pregnant, want 5–20 in a hot spot", sheet, r, code, preg)
				}
			} else {
				if preg > 3 {
					t.Errorf("%s!L%d (%s): %d pregnant, want 0–3 outside the hot spots", sheet, r, code, preg)
				}
				if preg == 0 {
					zeros++
				} else {
					small++
				}
			}
			f := g.count(t, sheet, r, "D")
			female += f
			pretrialF += g.count(t, sheet, r, "G")
			if f > mostWomen {
				mostWomen, most = f, code
			}
		}
		if 2*pregHot <= pregAll || 2*childHot <= childAll {
			t.Errorf("%s: hot spots hold %d of %d pregnant women and %d of %d children, want more than half", sheet, pregHot, pregAll, childHot, childAll)
		}
		if zeros < 3 || small < 3 {
			t.Errorf("%s: outside the hot spots %d prisons with no pregnant woman and %d with 1–3, want at least 3 of each", sheet, zeros, small)
		}
		if y.Year < 2012 && over3 != 0 {
			t.Errorf("%s: %d children over 3, want 0 before 2012", sheet, over3)
		}
		if y.Year >= 2012 && (over3 < 3 || over3 > 10) {
			t.Errorf("%s: %d children over 3, want 3–10 from 2012", sheet, over3)
		}
		if share := float64(pretrialF) / float64(female); share < 0.30 || share > 0.45 {
			t.Errorf("%s: women's pretrial share %.3f, want 0.30–0.45", sheet, share)
		}
		if most != "KH-12-CC2" {
			t.Errorf("%s: %s holds the most women (%d), want KH-12-CC2", sheet, most, mostWomen)
		}
	}
}

func TestSampleIsMostlyOvercrowded(t *testing.T) {
	wb := readBack(t, writeSample(t))
	in, all := 0, 0
	for _, y := range National {
		sheet := strconv.Itoa(y.Year)
		g := wb.cells[sheet]
		rows, _ := prisonRows(t, g, sheet)
		for _, r := range rows {
			capacity, ok := num(t, g, sheet, r, "K")
			if !ok {
				continue
			}
			all++
			occ := float64(g.count(t, sheet, r, "F")) / float64(capacity)
			if occ >= 1 && occ <= 3 {
				in++
			}
			if occ < 0.7 || occ > 4 {
				t.Errorf("%s!K%d: occupancy %.0f%%, want 70–400%%", sheet, r, 100*occ)
			}
		}
	}
	if 10*in < 8*all {
		t.Errorf("%d of %d prison-years have occupancy 100–300%%, want at least 80%%", in, all)
	}
}

func TestSampleReleases(t *testing.T) {
	wb := readBack(t, writeSample(t))
	g := wb.cells["Releases"]
	head := []string{"Year", "Mechanism", "Women released", "Children released with them"}
	for i, want := range head {
		if got := g.at(1, column(i+1)); got != want {
			t.Errorf("Releases!%s1 = %q, want %q", column(i+1), got, want)
		}
	}
	r := 2
	for _, y := range National {
		women := 0
		for _, m := range []string{"Royal pardon", "Early release", "Court decision"} {
			if got := g.count(t, "Releases", r, "A"); got != y.Year {
				t.Errorf("Releases!A%d = %d, want %d", r, got, y.Year)
			}
			if got := g.at(r, "B"); got != m {
				t.Errorf("Releases!B%d = %q, want %q", r, got, m)
			}
			w, c := g.count(t, "Releases", r, "C"), g.count(t, "Releases", r, "D")
			if c < w || 2*c > 3*w {
				t.Errorf("Releases!D%d: %d children with %d women, want between %d and 1.5×", r, c, w, w)
			}
			women += w
			r++
		}
		if y.Year == 2015 && women != 16 {
			t.Errorf("Releases 2015: %d women, want 16", women)
		}
		if y.Year != 2015 && (women < 5 || women > 14) {
			t.Errorf("Releases %d: %d women, want 5–14", y.Year, women)
		}
	}
	if len(g) != r+1 || strings.Join(g[r-1], "") != "" || !strings.HasPrefix(g.at(r+1, "A"), "Notes:") {
		t.Errorf("Releases: want row %d blank and row %d the last, starting Notes:; got %d rows", r, r+1, len(g))
	}
}

func TestSampleIsDeterministic(t *testing.T) {
	a, err := os.ReadFile(writeSample(t))
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(writeSample(t))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b) {
		t.Errorf("two runs wrote different bytes (%d and %d bytes)", len(a), len(b))
	}
}

// The file in data/raw is what the generator writes today: regenerate it
// with `go run ./cmd/gensample` after changing this package.
func TestCommittedSampleIsUpToDate(t *testing.T) {
	committed, err := os.ReadFile(filepath.Join("..", "..", "data", "raw", "gdp-prisons-2008-2015.xlsx"))
	if err != nil {
		t.Fatalf("%v (run go run ./cmd/gensample)", err)
	}
	fresh, err := os.ReadFile(writeSample(t))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(committed, fresh) {
		t.Errorf("data/raw/gdp-prisons-2008-2015.xlsx differs from what the generator writes; run go run ./cmd/gensample")
	}
}
