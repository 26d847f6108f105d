package pipeline

import (
	"bufio"
	"bytes"
	"context"
	"image/png"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
)

// chartIDs lists the charts of one language from the CSVs the build
// publishes beside each chart (downloads/<lang>/charts/<id>.csv).
func chartIDs(t *testing.T, out, lang string) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(out, "downloads", lang, "charts", "*.csv"))
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, f := range files {
		ids = append(ids, strings.TrimSuffix(filepath.Base(f), ".csv"))
	}
	if len(ids) < 5 {
		t.Fatalf("%s: %d charts published, want the sample's charts (at least 5)", lang, len(ids))
	}
	return ids
}

func TestSampleSiteHasAnEmbedPagePerChartInBothLanguages(t *testing.T) {
	out := sampleSite(t)
	for _, lang := range []string{"en", "km"} {
		prefix := ""
		if lang != "en" {
			prefix = lang + "/"
		}
		illustrative := map[string]string{"en": "Illustrative data", "km": "ទិន្នន័យគំរូ"}[lang]
		for _, id := range chartIDs(t, out, lang) {
			path := filepath.Join(out, filepath.FromSlash(prefix+"embed/"+id), "index.html")
			b, err := os.ReadFile(path)
			if err != nil {
				t.Errorf("chart %s (%s) has no embed page: %v", id, lang, err)
				continue
			}
			page := string(b)
			for _, want := range []string{"<svg", "<table", "<caption", "embed.min.", "target=_top", illustrative} {
				if !strings.Contains(page, want) {
					t.Errorf("%s: lacks %q", path, want)
				}
			}
			if !regexp.MustCompile(`<html lang="?` + lang + `\b`).MatchString(page) {
				t.Errorf("%s: <html> does not say lang=%s", path, lang)
			}
			// No site chrome: no header, navigation, footer or page script.
			for _, bad := range []string{"<header", "<nav", "<footer", "<script"} {
				if strings.Contains(page, bad) {
					t.Errorf("%s: has %s; an embed page is the chart alone", path, bad)
				}
			}
		}
	}
	// Every chart on the home page offers its embed code, pointing at a page
	// that exists.
	home := readFile(t, filepath.Join(out, "index.html"))
	srcs := regexp.MustCompile(`&lt;iframe src=&#34;([^&]+)&#34;`).FindAllStringSubmatch(home, -1)
	if len(srcs) < 4 {
		t.Fatalf("home page shows %d embed codes, want one per chart (at least 4)", len(srcs))
	}
	for _, m := range srcs {
		p := strings.TrimPrefix(m[1], "/")
		if _, err := os.Stat(filepath.Join(out, filepath.FromSlash(p), "index.html")); err != nil {
			t.Errorf("home page embed code points at %s, which the site does not have", m[1])
		}
	}
}

func TestSampleSitePublishesAPNGPerChart(t *testing.T) {
	out := sampleSite(t)
	var missing []string
	for _, lang := range []string{"en", "km"} {
		for _, id := range chartIDs(t, out, lang) {
			path := filepath.Join(out, "downloads", lang, "charts", id+".png")
			b, err := os.ReadFile(path)
			if err != nil {
				missing = append(missing, lang+"/"+id)
				continue
			}
			img, err := png.Decode(bytes.NewReader(b))
			if err != nil {
				t.Errorf("%s: %v", path, err)
				continue
			}
			if w := img.Bounds().Dx(); w != 640 {
				t.Errorf("%s: %d px wide, want the chart's 640", path, w)
			}
		}
	}
	if len(missing) > 0 {
		t.Errorf("%d charts have no PNG download (downloads/<lang>/charts/<id>.png), first %s", len(missing), missing[0])
	}
	home := readFile(t, filepath.Join(out, "index.html"))
	if !strings.Contains(home, "/downloads/en/charts/women-men-index.png") {
		t.Error("home page does not link the PNG of women-men-index")
	}
}

// inlineCode lists what a strict Content-Security-Policy (no
// 'unsafe-inline') would block in an HTML page: <script> without src,
// <style> elements, style attributes and on* event attributes, in HTML and
// in inlined SVG alike.
func inlineCode(page []byte) []string {
	var found []string
	z := html.NewTokenizer(bytes.NewReader(page))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return found
		case html.StartTagToken, html.SelfClosingTagToken:
			tok := z.Token()
			hasSrc := false
			for _, a := range tok.Attr {
				switch {
				case a.Key == "src":
					hasSrc = true
				case a.Key == "style":
					found = append(found, "style attribute on <"+tok.Data+">")
				case strings.HasPrefix(a.Key, "on"):
					found = append(found, a.Key+" attribute on <"+tok.Data+">")
				case (a.Key == "href" || a.Key == "src") && strings.HasPrefix(strings.TrimSpace(strings.ToLower(a.Val)), "javascript:"):
					found = append(found, "javascript: link on <"+tok.Data+">")
				}
			}
			switch {
			case tok.Data == "script" && !hasSrc:
				found = append(found, "inline <script>")
			case tok.Data == "style":
				found = append(found, "<style> element")
			}
		}
	}
}

func TestInlineCodeFindsWhatCSPBlocks(t *testing.T) {
	tests := []struct {
		page string
		n    int
	}{
		{`<p>ok</p><script src=/js/a.js defer></script><svg><text font-size=14>x</text></svg>`, 0},
		{`<script>alert(1)</script>`, 1},
		{`<p style="color:red">x</p>`, 1},
		{`<svg><style>.a{}</style><text style="font-size:14px">x</text></svg>`, 2},
		{`<img src=x onerror=alert(1)>`, 1},
		{`<a href="javascript:alert(1)">x</a>`, 1},
	}
	for _, tt := range tests {
		if got := inlineCode([]byte(tt.page)); len(got) != tt.n {
			t.Errorf("inlineCode(%q) = %q, want %d findings", tt.page, got, tt.n)
		}
	}
}

func TestSampleSiteHasNoInlineScriptOrStyle(t *testing.T) {
	out := sampleSite(t)
	pages := 0
	err := filepath.WalkDir(out, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".html") {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		pages++
		rel, _ := filepath.Rel(out, path)
		found := inlineCode(b)
		if len(found) > 0 {
			t.Errorf("%s: %d things a strict CSP blocks, first %s", rel, len(found), found[0])
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if pages < 100 {
		t.Errorf("checked %d pages, want the whole sample site (over 100)", pages)
	}
}

// sitePolicy reads the Content-Security-Policy the site recommends from the
// published _headers file (static/_headers).
func sitePolicy(t *testing.T, out string) string {
	t.Helper()
	f, err := os.Open(filepath.Join(out, "_headers"))
	if err != nil {
		t.Fatalf("the site publishes no _headers: %v", err)
	}
	defer f.Close()
	s := bufio.NewScanner(f)
	for s.Scan() {
		if v, ok := strings.CutPrefix(strings.TrimSpace(s.Text()), "Content-Security-Policy:"); ok {
			return strings.TrimSpace(v)
		}
	}
	t.Fatal("_headers sets no Content-Security-Policy")
	return ""
}

// withPolicy serves dir with the policy on every response.
func withPolicy(dir http.FileSystem, policy string) http.Handler {
	fs := http.FileServer(dir)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Security-Policy", policy)
		fs.ServeHTTP(w, r)
	})
}

func cspViolations(console []string) []string {
	var v []string
	for _, m := range console {
		if strings.Contains(m, "Content Security Policy") || strings.Contains(m, "Content-Security-Policy") {
			v = append(v, m)
		}
	}
	return v
}

func TestSampleSiteWorksUnderStrictCSPInChromium(t *testing.T) {
	out := sampleSite(t)
	policy := sitePolicy(t, out)
	for _, dir := range []string{"'unsafe-inline'", "'unsafe-eval'", "*"} {
		if strings.Contains(policy, dir) {
			t.Errorf("policy %q allows %s", policy, dir)
		}
	}
	srv := httptest.NewServer(withPolicy(http.Dir(out), policy))
	defer srv.Close()
	b := needBrowser(t, true)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()

	// The control: a page with an inline style under the same policy must
	// be reported, or this test could not see a violation at all.
	control := t.TempDir()
	os.WriteFile(filepath.Join(control, "index.html"), []byte(`<!doctype html><title>x</title><p style="color:red">x</p><svg><text style="font-size:30px">x</text></svg>`), 0o644)
	csrv := httptest.NewServer(withPolicy(http.Dir(control), policy))
	defer csrv.Close()
	v, err := b.Visit(ctx, csrv.URL+"/", 800, 600)
	if err != nil {
		t.Fatal(err)
	}
	if len(cspViolations(v.Console)) == 0 {
		t.Fatalf("an inline style under %q gave no reported violation; console: %q", policy, v.Console)
	}

	pages := []string{"/", "/km/", "/provinces/kh-12/", "/km/provinces/kh-12/", "/methodology/",
		"/embed/women-men-index/", "/km/embed/province-children--kh-12/"}
	for _, page := range pages {
		p, err := b.Open(ctx, srv.URL+page, 1280, 900)
		if err != nil {
			t.Fatalf("Open(%s): %v", page, err)
		}
		for _, m := range cspViolations(p.Report().Console) {
			t.Errorf("%s: CSP violation: %s", page, m)
		}
		for _, f := range p.Report().Failed {
			if strings.Contains(strings.ToLower(f), "csp") {
				t.Errorf("%s: request blocked by the policy: %s", page, f)
			}
		}
		// The charts are there and drawn as designed: the SVG's labels
		// keep the renderer's font size and family, which a blocked style
		// attribute would have reset to the browser's 16px default.
		var got struct {
			Charts   int    `json:"charts"`
			Width    int    `json:"width"`
			FontSize string `json:"fontSize"`
			Family   string `json:"family"`
			Sheets   int    `json:"sheets"`
		}
		expr := `(() => {
			const svgs = document.querySelectorAll(".chart-svg svg");
			const text = document.querySelector(".chart-svg svg text");
			const cs = text ? getComputedStyle(text) : null;
			return {charts: svgs.length,
				width: svgs.length ? Math.round(svgs[0].getBoundingClientRect().width) : 0,
				fontSize: cs ? cs.fontSize : "", family: cs ? cs.fontFamily : "",
				sheets: document.styleSheets.length};
		})()`
		if err := p.Eval(expr, &got); err != nil {
			p.Close()
			t.Fatalf("%s: %v", page, err)
		}
		p.Close()
		if page == "/methodology/" {
			continue // no chart there; checked for violations only
		}
		if got.Charts == 0 || got.Width < 300 {
			t.Errorf("%s: %d charts, first %d px wide; want drawn charts", page, got.Charts, got.Width)
		}
		if got.FontSize != "14px" && got.FontSize != "13px" && got.FontSize != "18px" {
			t.Errorf("%s: chart label font-size %q, want the renderer's (13, 14 or 18px)", page, got.FontSize)
		}
		if !strings.Contains(got.Family, "Noto Sans") {
			t.Errorf("%s: chart label font-family %q, want the renderer's stack", page, got.Family)
		}
		if got.Sheets == 0 {
			t.Errorf("%s: no style sheet applied under the policy", page)
		}
	}
}
