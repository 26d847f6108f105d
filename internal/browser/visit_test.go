package browser

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestVisitReportsConsoleErrorAndRequests(t *testing.T) {
	b := sharedBrowser(t)
	srv := serveSite(t)

	start := time.Now()
	v, err := b.Visit(t.Context(), srv.URL+"/", 1024, 768)
	if err != nil {
		t.Fatalf("Visit: %v", err)
	}
	t.Logf("Visit took %v", time.Since(start))

	if want := "error: boom 42"; !slices.Contains(v.Console, want) {
		t.Errorf("Console = %q, want it to hold %q", v.Console, want)
	}
	for _, m := range v.Console {
		if strings.Contains(m, "not reported") {
			t.Errorf("Console = %q, want no console.log message", v.Console)
		}
	}
	for _, want := range []string{srv.URL + "/", srv.URL + "/dot.png"} {
		if !slices.Contains(v.Requests, want) {
			t.Errorf("Requests = %q, want it to hold %q", v.Requests, want)
		}
	}
	if len(v.Failed) != 0 {
		t.Errorf("Failed = %q, want none", v.Failed)
	}
}

func TestVisitReportsUncaughtException(t *testing.T) {
	b := sharedBrowser(t)
	srv := serveSite(t)

	v, err := b.Visit(t.Context(), srv.URL+"/exception", 800, 600)
	if err != nil {
		t.Fatalf("Visit: %v", err)
	}
	if want := "exception: Uncaught Error: kaput"; !slices.Contains(v.Console, want) {
		t.Errorf("Console = %q, want it to hold %q", v.Console, want)
	}
}

// TestVisitShowsRequestThatWouldLeaveTheMachine is how the site's tests
// assert that no request leaves the machine: the request to a TEST-NET
// address is listed, fails, and does not hold the visit up.
func TestVisitShowsRequestThatWouldLeaveTheMachine(t *testing.T) {
	b := sharedBrowser(t)
	srv := serveSite(t)
	const external = "http://203.0.113.1/x.js"

	start := time.Now()
	v, err := b.Visit(t.Context(), srv.URL+"/external", 800, 600)
	if err != nil {
		t.Fatalf("Visit: %v", err)
	}
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("Visit took %v, want the external request to fail fast", d)
	}
	if !slices.Contains(v.Requests, external) {
		t.Errorf("Requests = %q, want it to hold %q", v.Requests, external)
	}
	if !slices.ContainsFunc(v.Failed, func(f string) bool { return strings.HasPrefix(f, external+": ") }) {
		t.Errorf("Failed = %q, want an entry for %q", v.Failed, external)
	}
	if want := "GET " + external + " HTTP/1.1"; !slices.Contains(b.Refused(), want) {
		t.Errorf("Refused() = %q, want it to hold %q", b.Refused(), want)
	}
}

func TestVisitReportsHTTPErrors(t *testing.T) {
	b := sharedBrowser(t)
	srv := serveSite(t)

	v, err := b.Visit(t.Context(), srv.URL+"/missing", 800, 600)
	if err != nil {
		t.Fatalf("Visit: %v", err)
	}
	if want := srv.URL + "/nowhere.css: HTTP 404 Not Found"; !slices.ContainsFunc(v.Failed, func(f string) bool { return strings.HasPrefix(f, want) }) {
		t.Errorf("Failed = %q, want an entry starting with %q", v.Failed, want)
	}
}

func TestVisitErrorNamesTheURL(t *testing.T) {
	b := sharedBrowser(t)
	srv := serveSite(t)
	url := srv.URL + "/"
	srv.Close() // nothing listens there any more

	_, err := b.Visit(t.Context(), url, 800, 600)
	if err == nil {
		t.Fatalf("Visit(%s) of a closed server: got no error", url)
	}
	if !strings.Contains(err.Error(), url) {
		t.Errorf("Visit error = %q, want it to name %s", err, url)
	}
}

func TestVisitTimesOutOnAPageThatNeverLoads(t *testing.T) {
	b := sharedBrowser(t)
	release := make(chan struct{})
	srv := slowServer(t, release)
	url := srv.URL + "/slow"

	ctx, cancel := context.WithTimeout(t.Context(), 2*time.Second)
	defer cancel()
	start := time.Now()
	_, err := b.Visit(ctx, url, 800, 600)
	close(release)
	if err == nil {
		t.Fatalf("Visit(%s) of a page that never loads: got no error", url)
	}
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("Visit returned after %v, want about 2s", d)
	}
	if !strings.Contains(err.Error(), url) {
		t.Errorf("Visit error = %q, want it to name %s", err, url)
	}
	// The browser still works after a call gave up.
	site := serveSite(t)
	if _, err := b.Visit(t.Context(), site.URL+"/", 800, 600); err != nil {
		t.Errorf("Visit after a timeout: %v", err)
	}
}

func TestVisitRejectsAnEmptyViewport(t *testing.T) {
	b := sharedBrowser(t)
	if _, err := b.Visit(t.Context(), "http://127.0.0.1:1/", 0, 600); err == nil {
		t.Errorf("Visit with width 0: got no error")
	}
}

func TestEvalDecodesTheResult(t *testing.T) {
	b := sharedBrowser(t)
	srv := serveSite(t)
	url := srv.URL + "/"

	var title string
	if err := b.Eval(t.Context(), url, "document.title", &title); err != nil {
		t.Fatalf("Eval(document.title): %v", err)
	}
	if title != "Start" {
		t.Errorf("Eval(document.title) = %q, want %q", title, "Start")
	}

	var n int
	if err := b.Eval(t.Context(), url, "document.images.length + 1", &n); err != nil {
		t.Fatalf("Eval: %v", err)
	}
	if n != 2 {
		t.Errorf("Eval(document.images.length + 1) = %d, want 2", n)
	}

	var got struct {
		Alt string `json:"alt"`
		W   int    `json:"w"`
	}
	expr := `new Promise(r => { const i = document.images[0]; r({alt: i.alt, w: i.naturalWidth}) })`
	if err := b.Eval(t.Context(), url, expr, &got); err != nil {
		t.Fatalf("Eval(promise): %v", err)
	}
	if got.Alt != "dot" || got.W != 4 {
		t.Errorf("Eval(promise) = %+v, want {Alt:dot W:4}", got)
	}

	err := b.Eval(t.Context(), url, `(() => { throw new Error("no") })()`, &n)
	if err == nil || !strings.Contains(err.Error(), url) {
		t.Errorf("Eval of a throwing expression: got %v, want an error naming %s", err, url)
	}
}
