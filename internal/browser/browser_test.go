package browser

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/png"
	"net/http"
	"net/http/httptest"
	"os"
	"sync"
	"testing"
	"time"
)

// requireChromium skips the test when no Chromium is installed, and fails it
// when the environment variable CI is set: CI must run the browser tests.
func requireChromium(t *testing.T) {
	t.Helper()
	if path, ok := Available(); !ok {
		if os.Getenv("CI") != "" {
			t.Fatalf("CI is set but no Chromium was found (%q); install chromium or set %s", path, EnvChromium)
		}
		t.Skipf("no Chromium found (install chromium or set %s); skipping browser test", EnvChromium)
	}
}

// shared is one JavaScript-enabled Browser for the tests that only read
// pages, so that the two shared cores start Chromium as few times as needed.
var shared struct {
	once sync.Once
	b    *Browser
	err  error
}

func sharedBrowser(t *testing.T) *Browser {
	t.Helper()
	requireChromium(t)
	shared.once.Do(func() {
		shared.b, shared.err = Start(context.Background(), Options{JavaScript: true, Timeout: 30 * time.Second})
	})
	if shared.err != nil {
		t.Fatalf("Start: %v", shared.err)
	}
	return shared.b
}

// startBrowser starts a Browser of the test's own, closed when the test ends.
func startBrowser(t *testing.T, opt Options) *Browser {
	t.Helper()
	requireChromium(t)
	b, err := Start(context.Background(), opt)
	if err != nil {
		t.Fatalf("Start: %v", err)
	}
	t.Cleanup(func() {
		if err := b.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	return b
}

func TestMain(m *testing.M) {
	code := m.Run()
	if shared.b != nil {
		if err := shared.b.Close(); err != nil {
			os.Stderr.WriteString("closing the shared browser: " + err.Error() + "\n")
			code = 1
		}
	}
	os.Exit(code)
}

// dotPNG is a 4x4 red PNG.
func dotPNG() []byte {
	img := image.NewRGBA(image.Rect(0, 0, 4, 4))
	for x := range 4 {
		for y := range 4 {
			img.Set(x, y, color.RGBA{R: 200, A: 255})
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		panic(err)
	}
	return buf.Bytes()
}

// pages are the test site, served on 127.0.0.1.
var pages = map[string]string{
	"/": `<!doctype html><html><head><title>Start</title>
<link rel="icon" href="data:,">
<script>console.error("boom", 42); console.log("not reported");</script></head>
<body><img src="/dot.png" alt="dot"></body></html>`,

	"/exception": `<!doctype html><title>Exception</title><link rel="icon" href="data:,">
<script>throw new Error("kaput")</script>`,

	"/external": `<!doctype html><title>External</title><link rel="icon" href="data:,">
<script src="http://203.0.113.1/x.js"></script><p>after</p>`,

	"/missing": `<!doctype html><title>Missing</title><link rel="icon" href="data:,">
<link rel="stylesheet" href="/nowhere.css"><p>text</p>`,

	"/title": `<!doctype html><title>Original</title><link rel="icon" href="data:,">
<script>document.title = "Changed"</script>`,

	"/print": `<!doctype html><html><head><title>Print</title><link rel="icon" href="data:,">
<style>body{margin:0;font:16px sans-serif} header{background:#1a4d80;color:#fff;padding:40px}
section{height:1500px;background:linear-gradient(#fff,#f4c542)}</style></head>
<body><header><h1>Women in prison, 2012</h1></header><section><p>Female population grew by 98%.</p></section></body></html>`,
}

func serveSite(t *testing.T) *httptest.Server {
	t.Helper()
	dot := dotPNG()
	mux := http.NewServeMux()
	mux.HandleFunc("/dot.png", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "image/png")
		w.Write(dot)
	})
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		body, ok := pages[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte(body))
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

// slowServer serves /slow, which answers only when release is closed or the
// client goes away.
func slowServer(t *testing.T, release <-chan struct{}) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-release:
		case <-r.Context().Done():
		}
	}))
	t.Cleanup(srv.Close)
	return srv
}
