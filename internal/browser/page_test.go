package browser

import (
	"bytes"
	"image/png"
	"slices"
	"testing"
)

func TestPageServesSeveralChecksOnOneLoad(t *testing.T) {
	b := sharedBrowser(t)
	srv := serveSite(t)
	url := srv.URL + "/print"
	const width = 375 // a phone

	p, err := b.Open(t.Context(), url, width, 700)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	defer p.Close()

	if r := p.Report(); !slices.Contains(r.Requests, url) || len(r.Failed) != 0 {
		t.Errorf("Report() = %+v, want %s requested and nothing failed", r, url)
	}
	var got struct {
		Inner  int `json:"inner"`
		Scroll int `json:"scroll"`
	}
	if err := p.Eval(`({inner: innerWidth, scroll: document.documentElement.scrollWidth})`, &got); err != nil {
		t.Fatalf("Eval: %v", err)
	}
	if got.Inner != width || got.Scroll > width {
		t.Errorf("innerWidth, scrollWidth = %d, %d, want %d and no horizontal overflow", got.Inner, got.Scroll, width)
	}
	shot, err := p.Screenshot()
	if err != nil {
		t.Fatalf("Screenshot: %v", err)
	}
	cfg, err := png.DecodeConfig(bytes.NewReader(shot))
	if err != nil {
		t.Fatalf("decoding the screenshot: %v", err)
	}
	if cfg.Width != width {
		t.Errorf("screenshot width = %d, want %d", cfg.Width, width)
	}
	pdf, err := p.PDF(PDFOptions{})
	if err != nil {
		t.Fatalf("PDF: %v", err)
	}
	checkA4(t, pdf)
	p.Close() // the deferred second Close must be harmless
}
