package pipeline

// The browser checks of issue 5 ("Tests in a real browser") that need
// JavaScript: axe-core on each page type, tooltips on hover, the table and
// the CSV download against the drawn chart, and hostile place names and
// labels carried end to end.

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/prisonstats/prisonstats/internal/browser"
	"github.com/prisonstats/prisonstats/internal/testenv"
)

// needAxe returns the source of axe-core (npm devDependency), skipping
// (failing in CI) when node_modules lacks it.
func needAxe(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(root, "node_modules", "axe-core", "axe.min.js"))
	if err != nil {
		testenv.Missing(t, "node_modules/axe-core missing: run `npm ci` (make test does)")
	}
	return string(b)
}

// serve serves a built site on a local port for the browser.
func serve(t *testing.T, out string) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(http.FileServer(http.Dir(out)))
	t.Cleanup(srv.Close)
	return srv
}

// open opens url in a JavaScript-enabled browser and closes the page at the
// end of the test.
func open(t *testing.T, b *browser.Browser, url string) *browser.Page {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	t.Cleanup(cancel)
	p, err := b.Open(ctx, url, 1280, 900)
	if err != nil {
		t.Fatalf("Open(%s): %v", url, err)
	}
	t.Cleanup(p.Close)
	return p
}

// short keeps error messages readable when an expression is the whole of
// axe-core.
func short(err error) string {
	s := err.Error()
	if len(s) > 400 {
		s = s[:200] + " … " + s[len(s)-200:]
	}
	return s
}

func TestAxeFindsNoViolations(t *testing.T) {
	out := sampleSite(t)
	axe := needAxe(t)
	srv := serve(t, out)
	b := needBrowser(t, true)
	for _, lang := range []string{"", "/km"} {
		for _, page := range []string{"/", "/provinces/kh-12/", "/methodology/", "/embed/women-men-index/"} {
			url := lang + page
			t.Run(url, func(t *testing.T) {
				p := open(t, b, srv.URL+url)
				var typ string
				if err := p.Eval(axe+"\n;typeof axe", &typ); err != nil || typ != "object" {
					t.Fatalf("injecting axe-core: typeof axe = %q, %s", typ, short(fmt.Errorf("%v", err)))
				}
				var res struct {
					Violations []string `json:"violations"`
					Passes     int      `json:"passes"`
					Incomplete []string `json:"incomplete"`
				}
				// Open the tables and embed snippets so that axe checks them too.
				expr := `document.querySelectorAll("details").forEach(d => d.open = true);
					axe.run(document, {resultTypes: ["violations"]}).then(r => ({
					violations: r.violations.map(v => v.id + ": " + v.help + " (" + v.nodes.length + "): " +
						v.nodes.slice(0, 3).map(n => n.target.join(" ") + " " + (n.failureSummary || "").replace(/\s+/g, " ")).join(" | ")),
					passes: r.passes.length,
					incomplete: r.incomplete.map(v => v.id + " (" + v.nodes.length + "): " + v.nodes.slice(0, 3).map(n => n.target.join(" ") + " " + n.any.concat(n.all, n.none).map(c => c.message).join("; ")).join(" | "))}))`
				if err := p.Eval(expr, &res); err != nil {
					t.Fatalf("axe.run: %s", short(err))
				}
				for _, v := range res.Violations {
					t.Errorf("axe: %s", v)
				}
				if res.Passes < 10 {
					t.Errorf("axe passed only %d rules: did it check the page?", res.Passes)
				}
				t.Logf("axe %s: %d violations, %d rules passed, needs review: %v", url, len(res.Violations), res.Passes, res.Incomplete)
			})
		}
	}
}

// figure is what the browser reads of one chart: its table, its CSV link
// and the marks its SVG draws.
type figure struct {
	ID     string     `json:"id"`
	CSV    string     `json:"csv"`
	Header []string   `json:"header"`
	Rows   [][]string `json:"rows"`
	Marks  []mark     `json:"marks"`
}

// mark is one data element of a chart's SVG, with its box in SVG units.
type mark struct {
	Series int     `json:"s"`
	Data   int     `json:"i"`
	Symbol bool    `json:"symbol"` // a line's point, not a bar
	X      float64 `json:"x"`
	Y      float64 `json:"y"`
	W      float64 `json:"w"`
	H      float64 `json:"h"`
}

const readFigures = `[...document.querySelectorAll("figure.chart")].map(f => ({
	id: f.id,
	csv: [...f.querySelectorAll(".downloads a")].map(a => a.getAttribute("href")).find(h => h.endsWith(".csv")) || "",
	header: [...f.querySelectorAll("table thead tr > *")].map(c => c.textContent),
	rows: [...f.querySelectorAll("table tbody tr")].map(r => [...r.children].map(c => c.textContent)),
	marks: [...f.querySelectorAll('.chart-svg [ecmeta_ssr_type="chart"][ecmeta_data_index]')].map(e => {
		const b = e.getBBox(), m = e.transform.baseVal.consolidate();
		const k = m ? m.matrix : {a: 1, d: 1, e: 0, f: 0};
		return {s: +(e.getAttribute("ecmeta_series_index") || 0), i: +e.getAttribute("ecmeta_data_index"),
			symbol: !!m && m.matrix.a !== 1,
			x: b.x * k.a + k.e, y: b.y * k.d + k.f, w: b.width * k.a, h: b.height * k.d};
	})}))`

// number reads a table cell or CSV cell as a number and the number of
// decimals it shows: "12,400" → 12400, 0; "6.2%" → 6.2, 1; "–" → not ok.
func number(s string) (v float64, decimals int, ok bool) {
	s = strings.TrimSuffix(strings.ReplaceAll(strings.TrimSpace(s), ",", ""), "%")
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return 0, 0, false
	}
	if i := strings.IndexByte(s, '.'); i >= 0 {
		decimals = len(s) - i - 1
	}
	return v, decimals, true
}

func fetch(t *testing.T, url string) []byte {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("GET %s: %s %v", url, resp.Status, err)
	}
	return b
}

func TestChartTablesDownloadsAndDrawingsAgree(t *testing.T) {
	out := sampleSite(t)
	srv := serve(t, out)
	b := needBrowser(t, true)
	p := open(t, b, srv.URL+"/")
	var figs []figure
	if err := p.Eval(readFigures, &figs); err != nil {
		t.Fatal(err)
	}
	if len(figs) < 4 {
		t.Fatalf("home page has %d charts, want at least 4", len(figs))
	}
	for _, f := range figs {
		t.Run(f.ID, func(t *testing.T) {
			if f.CSV == "" {
				t.Fatal("no CSV download link")
			}
			recs, err := csv.NewReader(bytes.NewReader(fetch(t, srv.URL+f.CSV))).ReadAll()
			if err != nil {
				t.Fatalf("%s: %v", f.CSV, err)
			}
			checkTableAgainstCSV(t, f, recs)
			checkMarksAgainstCSV(t, f, recs)
		})
	}
}

// checkTableAgainstCSV: same series, same rows in the same order, and each
// table cell is the CSV value rounded as shown; a cell with no value in the
// table has no number in the CSV.
func checkTableAgainstCSV(t *testing.T, f figure, recs [][]string) {
	t.Helper()
	if len(recs) == 0 || len(f.Header) == 0 {
		t.Fatalf("empty CSV (%d records) or table (%d header cells)", len(recs), len(f.Header))
	}
	if got, want := strings.Join(recs[0][1:], "|"), strings.Join(f.Header[1:], "|"); got != want {
		t.Errorf("CSV series %q, table series %q", got, want)
	}
	if got, want := len(recs)-1, len(f.Rows); got != want {
		t.Fatalf("CSV has %d rows, table %d", got, want)
	}
	for r, row := range f.Rows {
		rec := recs[r+1]
		if len(rec) != len(row) {
			t.Errorf("row %d: CSV has %d cells, table %d", r, len(rec), len(row))
			continue
		}
		if rec[0] != row[0] {
			t.Errorf("row %d: CSV label %q, table label %q", r, rec[0], row[0])
		}
		for c := 1; c < len(row); c++ {
			tv, dec, tok := number(row[c])
			cv, _, cok := number(rec[c])
			switch {
			case tok != cok:
				t.Errorf("%s %s: table %q, CSV %q", row[0], f.Header[c], row[c], rec[c])
			case tok && math.Abs(tv-cv) > 0.5*math.Pow(10, -float64(dec))+1e-9:
				t.Errorf("%s %s: table %q, CSV %q: not the same value rounded", row[0], f.Header[c], row[c], rec[c])
			}
		}
	}
}

// checkMarksAgainstCSV checks the drawing against the CSV values: one mark
// per value of each series; bars whose length is proportional to the value
// (so data index i is row i), points on a line whose position is a linear
// function of the value.
func checkMarksAgainstCSV(t *testing.T, f figure, recs [][]string) {
	t.Helper()
	type pair struct{ v, at float64 }
	series := map[int][]pair{}
	symbols := map[int]bool{}
	for _, m := range f.Marks {
		if m.Data+1 >= len(recs) || m.Series+1 >= len(recs[0]) {
			t.Errorf("mark of series %d, data index %d has no CSV cell", m.Series, m.Data)
			continue
		}
		v, _, ok := number(recs[m.Data+1][m.Series+1])
		if !ok {
			t.Errorf("series %d, data index %d is drawn but its CSV cell is %q", m.Series, m.Data, recs[m.Data+1][m.Series+1])
			continue
		}
		symbols[m.Series] = m.Symbol
		at := m.H // vertical bars
		switch {
		case m.Symbol:
			at = m.Y + m.H/2
		case same(f.Marks, m, func(o mark) float64 { return o.H }):
			at = m.W // horizontal bars: all of one height
		}
		series[m.Series] = append(series[m.Series], pair{v, at})
	}
	for s := 1; s < len(recs[0]); s++ {
		values := 0
		for _, rec := range recs[1:] {
			if _, _, ok := number(rec[s]); ok {
				values++
			}
		}
		if got := len(series[s-1]); got != values {
			t.Errorf("series %q: %d marks drawn, %d values in the CSV", recs[0][s], got, values)
		}
	}
	for s, ps := range series {
		if len(ps) < 2 {
			continue
		}
		// Fit at = a + b·v through the smallest and largest values; bars
		// must also have a = 0.
		lo, hi := ps[0], ps[0]
		for _, p := range ps {
			if p.v < lo.v {
				lo = p
			}
			if p.v > hi.v {
				hi = p
			}
		}
		if hi.v == lo.v {
			continue
		}
		b := (hi.at - lo.at) / (hi.v - lo.v)
		a := lo.at - b*lo.v
		if !symbols[s] && math.Abs(a) > 1.5 {
			t.Errorf("series %q: bar length is not proportional to the value (offset %.1f px)", recs[0][s+1], a)
		}
		for _, p := range ps {
			if d := math.Abs(a + b*p.v - p.at); d > 1.5 {
				t.Errorf("series %q: value %v drawn %.1f px off the line through the others", recs[0][s+1], p.v, d)
			}
		}
	}
}

// same says whether every mark of m's series has the same dimension dim
// as m (the bars' thickness).
func same(ms []mark, m mark, dim func(mark) float64) bool {
	for _, o := range ms {
		if o.Series == m.Series && math.Abs(dim(o)-dim(m)) > 0.5 {
			return false
		}
	}
	return true
}

// hover dispatches a mouseover on the data mark (series, index) of the
// figure with the given id and returns the tooltip's text and whether it is
// shown, and what the page's table holds for that row.
const hover = `((id, s, i) => {
	const f = document.getElementById(id);
	const sel = '.chart-svg [ecmeta_ssr_type="chart"][ecmeta_data_index="' + i + '"]';
	const m = [...f.querySelectorAll(sel)].find(e => +(e.getAttribute("ecmeta_series_index") || 0) === s);
	if (!m) return {found: false};
	m.dispatchEvent(new MouseEvent("mouseover", {bubbles: true}));
	const tip = f.querySelector(".chart-tip");
	if (!tip) return {found: true};
	const r = tip.getBoundingClientRect();
	return {found: true, tip: true, shown: !tip.hidden && getComputedStyle(tip).display !== "none" && r.width > 0 && r.height > 0,
		text: tip.textContent, imgs: document.querySelectorAll("img[src=x]").length};
})`

type hovered struct {
	Found bool   `json:"found"`
	Tip   bool   `json:"tip"`
	Shown bool   `json:"shown"`
	Text  string `json:"text"`
	Imgs  int    `json:"imgs"`
}

func TestTooltipsShowTheTableRowOnHover(t *testing.T) {
	out := sampleSite(t)
	srv := serve(t, out)
	b := needBrowser(t, true)
	p := open(t, b, srv.URL+"/")
	var figs []figure
	if err := p.Eval(readFigures, &figs); err != nil {
		t.Fatal(err)
	}
	if len(figs) == 0 {
		t.Fatal("no chart on the home page")
	}
	for n, f := range figs {
		if len(f.Marks) == 0 {
			t.Errorf("%s: the SVG has no element with ecmeta_ssr_type=\"chart\" and ecmeta_data_index: the client cannot tell what is hovered", f.ID)
			continue
		}
		// The first chart is the one the brief names; for the others, the
		// last mark (another series, another row).
		m := f.Marks[0]
		if n > 0 {
			m = f.Marks[len(f.Marks)-1]
		}
		var got hovered
		if err := p.Eval(fmt.Sprintf("%s(%q, %d, %d)", hover, f.ID, m.Series, m.Data), &got); err != nil {
			t.Fatal(err)
		}
		if !got.Tip || !got.Shown {
			t.Errorf("%s: hovering series %d, data %d: tooltip present %v, shown %v", f.ID, m.Series, m.Data, got.Tip, got.Shown)
			continue
		}
		row := f.Rows[m.Data]
		want := row[0] + " · " + f.Header[m.Series+1] + ": " + row[m.Series+1]
		if got.Text != want {
			t.Errorf("%s: tooltip %q, want the table's %q", f.ID, got.Text, want)
		}
	}
	var hidden bool
	if err := p.Eval(`(() => { const f = document.querySelector("figure.chart");
		f.querySelector('.chart-svg [ecmeta_ssr_type="chart"]').dispatchEvent(new MouseEvent("mouseout", {bubbles: true}));
		return f.querySelector(".chart-tip").hidden; })()`, &hidden); err != nil {
		t.Fatal(err)
	}
	if !hidden {
		t.Error("the tooltip stays after the mouse leaves")
	}
}

// Hostile labels: a facility whose name is markup, and a province and a
// facility whose names are spreadsheet formulas.
const (
	hostile     = `</script><img src=x onerror=alert(1)>`
	hostileProv = hostile + ` Province`
	formula     = `=HYPERLINK("x")`
)

func TestHostileLabelsStayText(t *testing.T) {
	hugo := needTools(t)
	register := `prison,year,women,men,pregnant
` + hostile + `,2014,40,300,9
` + hostile + `,2015,44,320,11
"=HYPERLINK(""x"")",2014,30,200,7
"=HYPERLINK(""x"")",2015,33,210,8
`
	sources := registerMapping + `[[source.values]]
column = "pregnant"
set = { measure = "pregnant", sex = "female" }
`
	dir := tinyProject(t, map[string]string{"register.csv": register}, sources)
	gz := filepath.Join(dir, "data", "places.toml")
	g := readFile(t, gz)
	for old, new := range map[string]string{
		"name = \"Phnom Penh\"\n":       "name = \"" + hostileProv + "\"\n",
		"name = \"Banteay Meanchey\"\n": "name = '" + formula + " Province'\n",
		// The case studies name the provinces by their usual names.
		`aliases = ["Phnum Penh"]`:        `aliases = ["Phnum Penh", "Phnom Penh"]`,
		`aliases = ["Banteay Mean Chey"]`: `aliases = ["Banteay Mean Chey", "Banteay Meanchey"]`,
	} {
		if !strings.Contains(g, old) {
			t.Fatalf("data/places.toml lacks %q", old)
		}
		g = strings.Replace(g, old, new, 1)
	}
	g += `
[[place]]
code = "KH-12-EVIL"
level = "facility"
parent = "KH-12"
name = "` + hostile + `"
name_km = "` + hostile + `"

[[place]]
code = "KH-1-EQ"
level = "facility"
parent = "KH-1"
name = '` + formula + `'
name_km = '` + formula + `'
`
	if err := os.WriteFile(gz, []byte(g), 0o644); err != nil {
		t.Fatal(err)
	}
	var log bytes.Buffer
	out := filepath.Join(dir, "public")
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	if err := Build(ctx, Config{Root: dir, Out: out, Hugo: hugo, Log: &log}); err != nil {
		t.Fatalf("Build: %v\n%s", err, log.String())
	}

	// The chart CSV: the formula is neutralised, the markup kept as text.
	rank := readFile(t, filepath.Join(out, "downloads", "en", "charts", "pregnant-by-province.csv"))
	recs, err := csv.NewReader(strings.NewReader(rank)).ReadAll()
	if err != nil {
		t.Fatalf("pregnant-by-province.csv: %v", err)
	}
	labels := map[string]bool{}
	for _, rec := range recs {
		labels[rec[0]] = true
		for _, c := range rec {
			if c != "" && strings.ContainsRune("=+-@\t\r\n", rune(c[0])) && !isNumber(c) {
				t.Errorf("pregnant-by-province.csv: cell %q is not neutralised", c)
			}
		}
	}
	for _, want := range []string{hostileProv, "'" + formula + " Province"} {
		if !labels[want] {
			t.Errorf("pregnant-by-province.csv has no row labelled %q:\n%s", want, rank)
		}
	}

	srv := serve(t, out)
	b := needBrowser(t, true)
	type pageState struct {
		Imgs    int    `json:"imgs"`
		Text    string `json:"text"`
		H1      string `json:"h1"`
		Prisons string `json:"prisons"`
		Scripts int    `json:"scripts"`
	}
	const state = `({imgs: document.querySelectorAll("img[src=x]").length, text: document.body.innerText,
		h1: (document.querySelector("h1") || {}).textContent || "",
		prisons: (document.querySelector(".facilities") || {}).textContent || "",
		scripts: document.querySelectorAll("script:not([src])").length})`
	for _, page := range []string{"/provinces/kh-12/", "/provinces/kh-1/", "/"} {
		// A dialog opened by the page blocks it: Open then times out.
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		defer cancel()
		p, err := b.Open(ctx, srv.URL+page, 1280, 900)
		if err != nil {
			t.Fatalf("Open(%s): %v (an alert() dialog blocks the page: did a place name run as script?)", page, err)
		}
		defer p.Close()
		if err := p.Eval(`window.__alerts = []; window.alert = m => window.__alerts.push(String(m)); true`, nil); err != nil {
			t.Fatal(err)
		}
		var st pageState
		if err := p.Eval(state, &st); err != nil {
			t.Fatal(err)
		}
		if st.Imgs != 0 {
			t.Errorf("%s: the place name became %d <img> element(s)", page, st.Imgs)
		}
		if st.Scripts != 0 {
			t.Errorf("%s: %d inline script element(s)", page, st.Scripts)
		}
		for _, m := range p.Report().Console {
			t.Errorf("%s: console: %s", page, m)
		}
		switch page {
		case "/provinces/kh-12/":
			if st.H1 != hostileProv {
				t.Errorf("%s: h1 %q, want %q", page, st.H1, hostileProv)
			}
			if !strings.HasSuffix(st.Prisons, " "+hostile) || !strings.Contains(st.Text, hostile) {
				t.Errorf("%s: the facility name does not show as text: %q", page, st.Prisons)
			}
		case "/provinces/kh-1/":
			if st.H1 != formula+" Province" {
				t.Errorf("%s: h1 %q, want %q", page, st.H1, formula+" Province")
			}
			if !strings.HasSuffix(st.Prisons, " "+formula) {
				t.Errorf("%s: the facility name %q does not show as text: %q", page, formula, st.Prisons)
			}
		case "/":
			id := "chart-pregnant-by-province"
			var rows []string
			if err := p.Eval(`[...document.querySelectorAll("#`+id+` table tbody th")].map(c => c.textContent)`, &rows); err != nil {
				t.Fatal(err)
			}
			di := -1
			for n, l := range rows {
				if l == hostileProv {
					di = n
				}
			}
			if di < 0 {
				t.Fatalf("%s: the ranking table has no row %q: %q", id, hostileProv, rows)
			}
			var got hovered
			if err := p.Eval(fmt.Sprintf("%s(%q, 0, %d)", hover, id, di), &got); err != nil {
				t.Fatal(err)
			}
			if !got.Found || !got.Shown {
				t.Fatalf("%s: hovering %q: mark found %v, tooltip shown %v", id, hostileProv, got.Found, got.Shown)
			}
			if !strings.HasPrefix(got.Text, hostileProv+" · ") {
				t.Errorf("%s: tooltip %q does not start with the place name as text", id, got.Text)
			}
			if got.Imgs != 0 {
				t.Errorf("%s: the tooltip made %d <img> element(s)", id, got.Imgs)
			}
			var alerts []string
			if err := p.Eval(`new Promise(r => setTimeout(() => r(window.__alerts), 300))`, &alerts); err != nil {
				t.Fatal(err)
			}
			if len(alerts) != 0 {
				t.Errorf("%s: hovering ran alert(%q)", id, alerts)
			}
		}
	}
}

func isNumber(s string) bool {
	_, err := strconv.ParseFloat(s, 64)
	return err == nil
}
