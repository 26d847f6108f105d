package chart

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

const nodeModules = "../../node_modules"

// newRenderer starts node, or skips the test when node or the npm echarts
// package is not installed.
func newRenderer(t testing.TB, cacheDir string) *Renderer {
	t.Helper()
	if _, err := os.Stat(filepath.Join(nodeModules, "echarts", "package.json")); err != nil {
		t.Skipf("skipping: %s/echarts is missing; run `npm ci` at the repository root", nodeModules)
	}
	if _, err := exec.LookPath("node"); err != nil {
		t.Skip("skipping: node is not installed")
	}
	r, err := NewRenderer(context.Background(), nodeModules, cacheDir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { r.Close() })
	return r
}

func TestRendererDrawsSVG(t *testing.T) {
	r := newRenderer(t, t.TempDir())
	if r.Version() != "6.1.0" {
		t.Errorf("echarts version = %q, want 6.1.0 (package.json pins it)", r.Version())
	}
	cs := build(t, indexDef, Options{Langs: []string{"en", "km"}})
	if err := r.Render(context.Background(), cs); err != nil {
		t.Fatal(err)
	}
	for _, c := range cs {
		svg := c.SVG
		if !strings.HasPrefix(svg, "<svg ") || !strings.Contains(svg, `viewBox="0 0 640 400"`) {
			t.Errorf("%s: SVG does not start with <svg … viewBox: %.200s", c.Lang, svg)
		}
		if !strings.Contains(svg, ">"+c.Title+"</text>") {
			t.Errorf("%s: SVG lacks the title text %q", c.Lang, c.Title)
		}
		// The women's line: a path drawn for series 0 with its colour.
		if !regexp.MustCompile(`<path d="M[^"]+"[^>]*stroke="#0072B2"`).MatchString(svg) {
			t.Errorf("%s: SVG has no path stroked in the first series' colour", c.Lang)
		}
		if strings.Contains(strings.ToLower(svg), "<script") {
			t.Errorf("%s: SVG holds a script element", c.Lang)
		}
		if !strings.Contains(svg, `role="img" aria-label="`) {
			t.Errorf("%s: SVG root has no role/aria-label", c.Lang)
		}
		if regexp.MustCompile(`\bzr\d+-`).MatchString(svg) {
			t.Errorf("%s: SVG keeps zrender's order-dependent ids", c.Lang)
		}
		if err := CheckSVG(svg); err != nil {
			t.Errorf("%s: %v", c.Lang, err)
		}
	}
	if !strings.Contains(cs[1].SVG, "Noto Sans Khmer") {
		t.Error("km SVG does not ask for Noto Sans Khmer")
	}
}

func TestRendererOutputDoesNotDependOnOrder(t *testing.T) {
	r := newRenderer(t, "")
	first := build(t, indexDef, Options{Langs: []string{"en", "km"}})
	second := build(t, indexDef, Options{Langs: []string{"km", "en"}})
	if err := r.Render(context.Background(), first); err != nil {
		t.Fatal(err)
	}
	if err := r.Render(context.Background(), second); err != nil {
		t.Fatal(err)
	}
	if first[0].SVG != second[1].SVG || first[1].SVG != second[0].SVG {
		t.Error("the same chart rendered later in the process gives a different SVG")
	}
	if first[0].SVG == first[1].SVG {
		t.Error("en and km charts have the same SVG")
	}
}

func TestRendererEscapesHostileLabels(t *testing.T) {
	r := newRenderer(t, "")
	cs := hostileCharts(t)
	if err := r.Render(context.Background(), cs); err != nil {
		t.Fatal(err)
	}
	for _, c := range cs {
		// Parsed, not searched: " onerror=" may well appear as text.
		for _, name := range markup(t, c.SVG) {
			if name == "script" || name == "img" || name == "@onerror" {
				t.Errorf("%s: SVG carries live markup from a label: %s", c.ID, name)
			}
		}
		if strings.Contains(strings.ToLower(c.SVG), "<script") || strings.Contains(strings.ToLower(c.SVG), "<img") {
			t.Errorf("%s: SVG holds a raw <script or <img", c.ID)
		}
		if !strings.Contains(c.SVG, "&lt;script&gt;alert(1)&lt;/script&gt;") && !strings.Contains(c.SVG, "&lt;img src=x onerror=alert(1)&gt;") {
			t.Errorf("%s: SVG does not show the hostile label as text", c.ID)
		}
		if err := CheckSVG(c.SVG); err != nil {
			t.Errorf("%s: %v", c.ID, err)
		}
	}
}

// markup lists the element names and, prefixed with @, the attribute names
// of an SVG, lower-cased.
func markup(t *testing.T, svg string) []string {
	t.Helper()
	d := xml.NewDecoder(strings.NewReader(svg))
	var out []string
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return out
		}
		if err != nil {
			t.Fatalf("SVG does not parse: %v", err)
		}
		if el, ok := tok.(xml.StartElement); ok {
			out = append(out, strings.ToLower(el.Name.Local))
			for _, a := range el.Attr {
				out = append(out, "@"+strings.ToLower(a.Name.Local))
			}
		}
	}
}

func TestRendererCachesByOption(t *testing.T) {
	dir := t.TempDir()
	r := newRenderer(t, dir)
	cs := build(t, indexDef, Options{Langs: []string{"en"}})
	if err := r.Render(context.Background(), cs); err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.svg"))
	if len(files) != 1 {
		t.Fatalf("cache holds %d files, want 1", len(files))
	}
	// Poison the cache entry: a second render must come from the cache.
	if err := os.WriteFile(files[0], []byte(`<svg width="1" height="1"><text>cached</text></svg>`), 0o644); err != nil {
		t.Fatal(err)
	}
	again := build(t, indexDef, Options{Langs: []string{"en"}})
	if err := r.Render(context.Background(), again); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(again[0].SVG, "cached") {
		t.Errorf("second render did not use the cache: %.200s", again[0].SVG)
	}
	// A poisoned cache entry is still checked.
	os.WriteFile(files[0], []byte(`<svg width="1"><script>alert(1)</script></svg>`), 0o644)
	bad := build(t, indexDef, Options{Langs: []string{"en"}})
	if err := r.Render(context.Background(), bad); !errors.Is(err, ErrActiveSVG) {
		t.Errorf("render from a cache entry with a script: error = %v, want ErrActiveSVG", err)
	}
}

func TestRendererNamesChartOnEChartsError(t *testing.T) {
	r := newRenderer(t, "")
	cs := []Chart{
		{ID: "broken", Lang: "en", Option: json.RawMessage(`{"series":[{"type":"no-such-type","data":[1]}]}`)},
		{ID: "fine", Lang: "en", Option: json.RawMessage(`{"xAxis":{"type":"category","data":["a"]},"yAxis":{},"series":[{"type":"bar","data":[1]}]}`)},
	}
	err := r.Render(context.Background(), cs)
	if err == nil || !strings.Contains(err.Error(), "chart broken (en)") {
		t.Errorf("Render error = %v, want one naming chart broken (en)", err)
	}
	if cs[1].SVG == "" {
		t.Error("a bad chart stopped the good one after it")
	}
}

func TestRendererStopsOnCancel(t *testing.T) {
	r := newRenderer(t, "")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	cs := build(t, indexDef, Options{Langs: []string{"en"}})
	done := make(chan error, 1)
	go func() { done <- r.Render(ctx, cs) }()
	select {
	case err := <-done:
		if !errors.Is(err, context.Canceled) {
			t.Errorf("Render after cancel = %v, want context.Canceled", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Render hung after its context was cancelled")
	}
}

// fakeEcharts writes a node_modules with an "echarts" whose init runs body.
func fakeEcharts(t *testing.T, body string) string {
	t.Helper()
	if _, err := exec.LookPath("node"); err != nil {
		t.Skip("skipping: node is not installed")
	}
	dir := filepath.Join(t.TempDir(), "node_modules")
	pkg := filepath.Join(dir, "echarts")
	if err := os.MkdirAll(pkg, 0o755); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(pkg, "package.json"), []byte(`{"name":"echarts","version":"0.0.0-fake","main":"index.js"}`), 0o644)
	os.WriteFile(filepath.Join(pkg, "index.js"), []byte(`module.exports = { init() { `+body+` } };`), 0o644)
	return dir
}

func TestRendererReportsNodeCrash(t *testing.T) {
	r, err := NewRenderer(context.Background(), fakeEcharts(t, `process.stderr.write("boom\n"); process.exit(3);`), "")
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	cs := []Chart{{ID: "crashes", Lang: "km", Option: json.RawMessage(`{}`)}, {ID: "after", Lang: "en", Option: json.RawMessage(`{}`)}}
	err = r.Render(context.Background(), cs)
	if err == nil || !strings.Contains(err.Error(), "chart crashes (km)") || !strings.Contains(err.Error(), "boom") {
		t.Errorf("Render error = %v, want one naming chart crashes (km) with node's stderr", err)
	}
}

func TestRendererTimesOut(t *testing.T) {
	r, err := NewRenderer(context.Background(), fakeEcharts(t, `for (;;) {}`), "")
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	r.Timeout = 500 * time.Millisecond
	start := time.Now()
	err = r.Render(context.Background(), []Chart{{ID: "loops", Lang: "en", Option: json.RawMessage(`{}`)}})
	if err == nil || !strings.Contains(err.Error(), "chart loops (en)") {
		t.Errorf("Render error = %v, want one naming chart loops (en)", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("Render took %v after a 500ms timeout", d)
	}
}

func TestNewRendererWithoutEcharts(t *testing.T) {
	_, err := NewRenderer(context.Background(), t.TempDir(), "")
	if err == nil || !strings.Contains(err.Error(), "npm ci") {
		t.Errorf("NewRenderer over an empty dir = %v, want an error telling to run npm ci", err)
	}
}

func TestCheckSVG(t *testing.T) {
	tests := []struct {
		svg string
		bad bool
	}{
		{`<svg><text>&lt;script&gt;</text></svg>`, false},
		{`<svg><script>alert(1)</script></svg>`, true},
		{`<svg><SCRIPT>alert(1)</SCRIPT></svg>`, true},
		{`<svg><image href="x" onerror="alert(1)"/></svg>`, true},
		{`<svg><a href=" javascript:alert(1)"><text>x</text></a></svg>`, true},
		{`<svg><foreignObject><div/></foreignObject></svg>`, true},
		{`<svg><text>unclosed</svg>`, true},
	}
	for _, tt := range tests {
		if err := CheckSVG(tt.svg); (err != nil) != tt.bad {
			t.Errorf("CheckSVG(%q) = %v, want error: %v", tt.svg, err, tt.bad)
		}
	}
}

func TestClientScript(t *testing.T) {
	if _, err := os.Stat(filepath.Join(nodeModules, "echarts")); err != nil {
		t.Skipf("skipping: %s/echarts is missing; run `npm ci`", nodeModules)
	}
	b, err := ClientScript(nodeModules)
	if err != nil {
		t.Fatal(err)
	}
	if len(b) > 8<<10 || !strings.Contains(string(b), "hydrate") {
		t.Errorf("ClientScript: %d bytes, hydrate present: %v; want the small SSR client", len(b), strings.Contains(string(b), "hydrate"))
	}
}

func BenchmarkRender(b *testing.B) {
	r := newRenderer(b, "") // no cache: measure node's work
	defs, err := LoadDefs("../../charts")
	if err != nil {
		b.Fatal(err)
	}
	cs, err := Build(defs, testResult(), Options{Places: testGazetteer(b), Langs: []string{"en", "km"}})
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	size := 0
	for i := 0; i < b.N; i++ {
		c := cs[i%len(cs)]
		one := []Chart{c}
		if err := r.Render(context.Background(), one); err != nil {
			b.Fatal(err)
		}
		size += len(one[0].SVG)
	}
	b.ReportMetric(float64(size)/float64(b.N), "svg-bytes/op")
}

func TestRendererStartsNodeOnlyForChartsTheCacheLacks(t *testing.T) {
	if _, err := os.Stat(filepath.Join(nodeModules, "echarts")); err != nil {
		t.Skip("node_modules/echarts missing: run `npm ci`")
	}
	dir := t.TempDir()
	charts := func() []Chart {
		return []Chart{{ID: "c", Lang: "en", Alt: "a chart", Option: []byte(`{"animation":false,"xAxis":{"type":"category","data":["2014","2015"]},"yAxis":{},"series":[{"type":"line","data":[1,2]}]}`)}}
	}
	first, err := NewRenderer(context.Background(), nodeModules, dir)
	if err != nil {
		t.Fatal(err)
	}
	a := charts()
	if err := first.Render(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	first.Close()
	if first.cmd == nil {
		t.Fatal("the first renderer drew a chart without starting node")
	}

	second, err := NewRenderer(context.Background(), nodeModules, dir)
	if err != nil {
		t.Fatal(err)
	}
	defer second.Close()
	b := charts()
	if err := second.Render(context.Background(), b); err != nil {
		t.Fatal(err)
	}
	if second.cmd != nil {
		t.Error("node started although every chart was in the cache")
	}
	if b[0].SVG != a[0].SVG {
		t.Error("the cached SVG differs from the drawn one")
	}
}

func TestRenderAllDrawsEveryChartWithSeveralProcesses(t *testing.T) {
	if _, err := os.Stat(filepath.Join(nodeModules, "echarts")); err != nil {
		t.Skip("node_modules/echarts missing: run `npm ci`")
	}
	var cs []Chart
	for i := range 6 {
		cs = append(cs, Chart{ID: "c" + strconv.Itoa(i), Lang: "en", Alt: "a chart",
			Option: []byte(`{"animation":false,"xAxis":{"type":"category","data":["2014","2015"]},"yAxis":{},"series":[{"type":"line","data":[1,` + strconv.Itoa(i+2) + `]}]}`)})
	}
	if err := RenderAll(context.Background(), nodeModules, t.TempDir(), cs, 3, false); err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, c := range cs {
		if !strings.HasPrefix(c.SVG, "<svg") {
			t.Errorf("chart %s: no SVG", c.ID)
		}
		seen[c.SVG] = true
	}
	if len(seen) != len(cs) {
		t.Errorf("%d different SVGs for %d different charts", len(seen), len(cs))
	}
	bad := []Chart{{ID: "bad", Lang: "en", Option: []byte(`{"series":[{"type":"nosuchtype","data":[1]}]}`)}}
	if err := RenderAll(context.Background(), nodeModules, "", bad, 2, false); err == nil {
		t.Error("RenderAll accepted a chart ECharts rejects")
	}
}

func lineCharts(n int) []Chart {
	var cs []Chart
	for i := range n {
		cs = append(cs, Chart{ID: "c" + strconv.Itoa(i), Lang: "en", Alt: "a chart", Width: 320, Height: 200,
			Option: []byte(`{"animation":false,"xAxis":{"type":"category","data":["2014","2015"]},"yAxis":{},"series":[{"type":"line","data":[1,` + strconv.Itoa(i+2) + `]}]}`)})
	}
	return cs
}

// Draw returns with every SVG, and its wait with every PNG, with one
// renderer (SVGs, then PNGs) and with two (one draws SVGs, the other
// PNGs); the PNGs are those a one-pass Render draws, and a second Draw
// takes everything from the cache.
func TestPoolDrawsSVGsThenPNGs(t *testing.T) {
	if _, err := os.Stat(filepath.Join(nodeModules, "@resvg", "resvg-js")); err != nil {
		t.Skip("node_modules/@resvg/resvg-js missing: run `npm ci`")
	}
	want := lineCharts(4)
	if err := RenderAll(context.Background(), nodeModules, "", want, 1, true); err != nil {
		t.Fatal(err)
	}
	for _, n := range []int{1, 2} {
		cache := t.TempDir()
		p, err := NewPool(context.Background(), nodeModules, cache, n)
		if err != nil {
			t.Fatal(err)
		}
		p.Start()
		for round := range 2 {
			cs := lineCharts(4)
			wait, err := p.Draw(context.Background(), cs)
			if err != nil {
				t.Fatalf("%d renderers: %v", n, err)
			}
			for i := range cs {
				c := &cs[i] // not a copy: the PNG field is being written
				if !strings.HasPrefix(c.SVG, "<svg") {
					t.Errorf("%d renderers: chart %s has no SVG when Draw returns", n, c.ID)
				}
			}
			if err := wait(context.Background()); err != nil {
				t.Fatalf("%d renderers: wait: %v", n, err)
			}
			for i, c := range cs {
				if !bytes.Equal(c.PNG, want[i].PNG) || c.SVG != want[i].SVG {
					t.Errorf("%d renderers, round %d: chart %s differs from a one-pass Render", n, round, c.ID)
				}
			}
		}
		p.Close()
		if pngs, _ := filepath.Glob(filepath.Join(cache, "*.png")); len(pngs) != 4 {
			t.Errorf("%d renderers: %d PNGs cached, want 4", n, len(pngs))
		}
	}
}

// A PNG that cannot be drawn is reported by wait, naming the chart; a
// chart ECharts rejects is reported by Draw.
func TestPoolDrawReportsErrors(t *testing.T) {
	if _, err := os.Stat(filepath.Join(nodeModules, "@resvg", "resvg-js")); err != nil {
		t.Skip("node_modules/@resvg/resvg-js missing: run `npm ci`")
	}
	p, err := NewPool(context.Background(), nodeModules, "", 2)
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	cs := append(lineCharts(2), Chart{ID: "white", Lang: "en", Alt: "x", Width: 64, Height: 48,
		Option: []byte(`{"title":{"text":"x","textStyle":{"color":"#ffffff"}}}`)})
	wait, err := p.Draw(context.Background(), cs)
	if err != nil {
		t.Fatal(err)
	}
	if err := wait(context.Background()); err == nil || !strings.Contains(err.Error(), "white") || !strings.Contains(err.Error(), "blank") {
		t.Errorf("wait = %v, want the blank chart named", err)
	}
	bad := []Chart{{ID: "bad", Lang: "en", Option: []byte(`{"series":[{"type":"nosuchtype","data":[1]}]}`)}}
	if _, err := p.Draw(context.Background(), bad); err == nil || !strings.Contains(err.Error(), "bad") {
		t.Errorf("Draw of a chart ECharts rejects = %v, want an error naming it", err)
	}
	// The pool is usable again after both.
	wait, err = p.Draw(context.Background(), lineCharts(1))
	if err == nil {
		err = wait(context.Background())
	}
	if err != nil {
		t.Errorf("Draw after errors: %v", err)
	}
}

// render.js reuses one ECharts instance per size: a chart drawn after
// others (including one ECharts rejected) must be the chart drawn alone.
func TestReusedInstanceDrawsLikeAFreshOne(t *testing.T) {
	opts := []string{
		`{"aria":{"enabled":true,"decal":{"show":true}},"legend":{"show":true},"title":{"text":"Bars","subtext":"with decals"},"xAxis":{"type":"category","data":["2014","2015"]},"yAxis":{"type":"value","name":"people"},"series":[{"type":"bar","name":"A","data":[4,6]},{"type":"bar","name":"B","data":[2,3],"stack":"s"}]}`,
		`{"series":[{"type":"nosuchtype","data":[1]}]}`,
		`{"title":{"text":"Line"},"xAxis":{"type":"category","data":["2014","2015","2016"]},"yAxis":{},"series":[{"type":"line","name":"W","data":[1,null,3],"symbol":"rect"}]}`,
		`{"xAxis":{"type":"category","data":["x"]},"yAxis":{},"series":[{"type":"bar","data":[1]}]}`,
	}
	chartsOf := func() []Chart {
		var cs []Chart
		for i, o := range opts {
			cs = append(cs, Chart{ID: "c" + strconv.Itoa(i), Lang: "en", Alt: "x", Width: 400 + 100*(i%2), Height: 300, Option: []byte(o)})
		}
		return cs
	}
	together := chartsOf()
	r := newRenderer(t, "")
	if err := r.Render(context.Background(), together); err == nil || !strings.Contains(err.Error(), "c1") {
		t.Fatalf("Render = %v, want chart c1 refused", err)
	}
	// and again, after all of them
	again := chartsOf()
	r.Render(context.Background(), again)
	for i := range opts {
		if i == 1 {
			continue
		}
		alone := chartsOf()[i : i+1]
		if err := newRenderer(t, "").Render(context.Background(), alone); err != nil {
			t.Fatal(err)
		}
		if together[i].SVG != alone[0].SVG || again[i].SVG != alone[0].SVG {
			t.Errorf("chart %d drawn after others differs from the chart drawn alone", i)
		}
	}
}
