package pipeline

import (
	"bytes"
	"context"
	"image/color"
	"image/png"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/prisonstats/prisonstats/internal/browser"
	"github.com/prisonstats/prisonstats/internal/testenv"
)

// needBrowser starts headless Chromium, skipping (failing in CI) when it is
// not installed.
func needBrowser(t *testing.T, js bool) *browser.Browser {
	t.Helper()
	testenv.NeedChromium(t)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	t.Cleanup(cancel)
	b, err := browser.Start(ctx, browser.Options{JavaScript: js, Timeout: time.Minute})
	if err != nil {
		t.Fatalf("browser.Start: %v", err)
	}
	t.Cleanup(func() { b.Close() })
	return b
}

func TestSampleSiteInChromiumHasChartsNoErrorsNoRemoteRequests(t *testing.T) {
	out := sampleSite(t)
	srv := httptest.NewServer(http.FileServer(http.Dir(out)))
	defer srv.Close()
	b := needBrowser(t, true)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()

	for _, page := range []string{"/", "/provinces/kh-12/", "/km/", "/methodology/"} {
		v, err := b.Visit(ctx, srv.URL+page, 1280, 900)
		if err != nil {
			t.Fatalf("Visit(%s): %v", page, err)
		}
		for _, m := range v.Console {
			t.Errorf("%s: console: %s", page, m)
		}
		for _, f := range v.Failed {
			t.Errorf("%s: failed request: %s", page, f)
		}
		for _, r := range v.Requests {
			u, err := url.Parse(r)
			if err != nil || (u.Scheme != "data" && u.Host != strings.TrimPrefix(srv.URL, "http://")) {
				t.Errorf("%s: request leaves the machine: %s", page, r)
			}
		}
	}

	var charts int
	if err := b.Eval(ctx, srv.URL+"/", `document.querySelectorAll("figure.chart .chart-svg svg path").length > 0 ? document.querySelectorAll("figure.chart .chart-svg svg").length : 0`, &charts); err != nil {
		t.Fatal(err)
	}
	if charts < 4 {
		t.Errorf("home page shows %d drawn charts in Chromium, want at least 4", charts)
	}
}

func TestSampleSiteChartsShowWithJavaScriptOffOnAPhone(t *testing.T) {
	out := sampleSite(t)
	srv := httptest.NewServer(http.FileServer(http.Dir(out)))
	defer srv.Close()
	b := needBrowser(t, false)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	p, err := b.Open(ctx, srv.URL+"/", 360, 740)
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	var got struct {
		Charts      int `json:"charts"`
		ScrollWidth int `json:"scrollWidth"`
		ChartWidth  int `json:"chartWidth"`
	}
	expr := `({charts: document.querySelectorAll("figure.chart .chart-svg svg").length,
		scrollWidth: document.documentElement.scrollWidth,
		chartWidth: Math.round(document.querySelector("figure.chart .chart-svg svg").getBoundingClientRect().width)})`
	if err := p.Eval(expr, &got); err != nil {
		t.Fatal(err)
	}
	if got.Charts < 4 {
		t.Errorf("with JavaScript off the home page shows %d charts, want at least 4", got.Charts)
	}
	if got.ScrollWidth > 360 {
		t.Errorf("at 360 px the page scrolls sideways: scrollWidth %d", got.ScrollWidth)
	}
	if got.ChartWidth > 360 || got.ChartWidth < 300 {
		t.Errorf("at 360 px a chart is %d px wide, want it to fit the screen", got.ChartWidth)
	}
	shot, err := p.Screenshot()
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(shot))
	if err != nil {
		t.Fatalf("screenshot is not a PNG: %v", err)
	}
	if w := img.Bounds().Dx(); w != 360 {
		t.Errorf("screenshot is %d px wide, want 360", w)
	}
	colours := map[color.RGBA]bool{}
	for y := img.Bounds().Min.Y; y < img.Bounds().Max.Y; y += 7 {
		for x := img.Bounds().Min.X; x < img.Bounds().Max.X; x += 7 {
			r, g, b, _ := img.At(x, y).RGBA()
			colours[color.RGBA{uint8(r >> 8), uint8(g >> 8), uint8(b >> 8), 255}] = true
		}
	}
	if len(colours) < 10 {
		t.Errorf("screenshot has %d colours, want a drawn page", len(colours))
	}
}
