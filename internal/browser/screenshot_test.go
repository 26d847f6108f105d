package browser

import (
	"bytes"
	"image/png"
	"testing"
)

func TestScreenshotIsAFullPageNonBlankPNG(t *testing.T) {
	b := sharedBrowser(t)
	srv := serveSite(t)
	const width = 600

	buf, err := b.Screenshot(t.Context(), srv.URL+"/print", width)
	if err != nil {
		t.Fatalf("Screenshot: %v", err)
	}
	if !bytes.HasPrefix(buf, []byte("\x89PNG\r\n\x1a\n")) {
		t.Fatalf("Screenshot starts with %q, want the PNG signature", buf[:min(len(buf), 8)])
	}
	img, err := png.Decode(bytes.NewReader(buf))
	if err != nil {
		t.Fatalf("decoding the screenshot: %v", err)
	}
	r := img.Bounds()
	if r.Dx() != width {
		t.Errorf("screenshot width = %d, want %d", r.Dx(), width)
	}
	// The page is a header and a 1500px section: taller than the viewport.
	if r.Dy() < 1500 {
		t.Errorf("screenshot height = %d, want the full page (at least 1500)", r.Dy())
	}
	first := img.At(r.Min.X, r.Min.Y)
	same := true
	for y := r.Min.Y; y < r.Max.Y && same; y += 7 {
		for x := r.Min.X; x < r.Max.X; x += 7 {
			if img.At(x, y) != first {
				same = false
				break
			}
		}
	}
	if same {
		t.Errorf("screenshot is blank: every sampled pixel is %v", first)
	}
}
