package chart

import (
	"bytes"
	"context"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// newPNGRenderer is newRenderer with PNGs on, skipping when the npm
// package @resvg/resvg-js is not installed.
func newPNGRenderer(t *testing.T, cacheDir string) *Renderer {
	t.Helper()
	if _, err := os.Stat(filepath.Join(nodeModules, "@resvg", "resvg-js", "package.json")); err != nil {
		t.Skipf("skipping: %s/@resvg/resvg-js is missing; run `npm ci` at the repository root", nodeModules)
	}
	r := newRenderer(t, cacheDir)
	r.PNG = true
	return r
}

// count returns how many pixels of img are within 40 (of 255) of c in
// every channel.
func count(img image.Image, c [3]uint32) int {
	n := 0
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			near := func(v, w uint32) bool { d := int(v>>8) - int(w); return d > -40 && d < 40 }
			if near(r, c[0]) && near(g, c[1]) && near(bl, c[2]) {
				n++
			}
		}
	}
	return n
}

func TestRendererDrawsPNGOfTheChartsSize(t *testing.T) {
	r := newPNGRenderer(t, "")
	cs := build(t, indexDef, Options{Langs: []string{"en", "km"}})
	if err := r.Render(context.Background(), cs); err != nil {
		t.Fatal(err)
	}
	for _, c := range cs {
		img, err := png.Decode(bytes.NewReader(c.PNG))
		if err != nil {
			t.Fatalf("%s: PNG does not decode: %v", c.Lang, err)
		}
		if b := img.Bounds(); b.Dx() != c.Width || b.Dy() != c.Height {
			t.Errorf("%s: PNG is %dx%d, want the chart's %dx%d", c.Lang, b.Dx(), b.Dy(), c.Width, c.Height)
		}
		total := c.Width * c.Height
		// White background, the women's line in #0072B2 and the men's in
		// #D55E00, and dark text.
		if n := count(img, [3]uint32{255, 255, 255}); n < total/2 {
			t.Errorf("%s: %d of %d pixels are white, want a white background", c.Lang, n, total)
		}
		for _, col := range []struct {
			name string
			rgb  [3]uint32
		}{{"first series #0072B2", [3]uint32{0x00, 0x72, 0xB2}}, {"second series #D55E00", [3]uint32{0xD5, 0x5E, 0x00}}, {"text #1a1a1a", [3]uint32{0x1a, 0x1a, 0x1a}}} {
			if n := count(img, col.rgb); n < 200 {
				t.Errorf("%s: %d pixels of the %s, want a drawn line or text (at least 200)", c.Lang, n, col.name)
			}
		}
	}
	if bytes.Equal(cs[0].PNG, cs[1].PNG) {
		t.Error("en and km PNGs are the same")
	}
}

func TestRendererDrawsKhmerTextInPNG(t *testing.T) {
	r := newPNGRenderer(t, "")
	checkFonts := func() {
		t.Helper()
		if _, err := os.Stat(filepath.Join(nodeModules, "@fontsource", "noto-sans-khmer")); err == nil && r.fonts != 4 {
			t.Errorf("node unpacked %d faces of @fontsource/noto-sans-khmer, want 4 (khmer and latin, 400 and 700)", r.fonts)
		}
	}
	// One title, no axes: its ink is the text alone.
	draw := func(title string) int {
		t.Helper()
		cs := []Chart{{ID: "t", Lang: "km", Width: 200, Height: 60,
			Option: []byte(`{"title":{"text":"` + title + `","textStyle":{"fontFamily":"'Noto Sans Khmer', sans-serif","fontSize":24,"color":"#000"}}}`)}}
		if err := r.Render(context.Background(), cs); err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(bytes.NewReader(cs[0].PNG))
		if err != nil {
			t.Fatal(err)
		}
		return img.Bounds().Dx()*img.Bounds().Dy() - count(img, [3]uint32{255, 255, 255})
	}
	// Without a Khmer font every letter is the same empty box; with one,
	// two letters draw different ink.
	ka, kha := draw("ក"), draw("ខ")
	checkFonts() // node started with the first chart
	if ka == 0 || kha == 0 || ka == kha {
		t.Errorf("Khmer letters ក and ខ drew %d and %d non-white pixels, want two different non-zero counts (is a Khmer font there?)", ka, kha)
	}
}

func TestRendererCachesPNG(t *testing.T) {
	dir := t.TempDir()
	r := newPNGRenderer(t, dir)
	cs := build(t, indexDef, Options{Langs: []string{"en"}})
	if err := r.Render(context.Background(), cs); err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.png"))
	if len(files) != 1 {
		t.Fatalf("cache holds %d PNGs, want 1", len(files))
	}
	again := build(t, indexDef, Options{Langs: []string{"en"}})
	if err := r.Render(context.Background(), again); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(again[0].PNG, cs[0].PNG) {
		t.Error("the PNG from the cache differs from the one drawn")
	}
	// A cache entry that is not the chart's picture is refused.
	os.WriteFile(files[0], []byte("not a png"), 0o644)
	bad := build(t, indexDef, Options{Langs: []string{"en"}})
	if err := r.Render(context.Background(), bad); err == nil || !strings.Contains(err.Error(), "png") {
		t.Errorf("render from a broken PNG cache entry: error = %v, want a png error", err)
	}
}

func TestCheckPNGSize(t *testing.T) {
	var b bytes.Buffer
	if err := png.Encode(&b, image.NewGray(image.Rect(0, 0, 4, 3))); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		png  []byte
		w, h int
		ok   bool
	}{
		{"right size", b.Bytes(), 4, 3, true},
		{"wrong size", b.Bytes(), 3, 4, false},
		{"not a png", []byte("<svg/>"), 4, 3, false},
	}
	for _, tt := range tests {
		if err := checkPNGSize(tt.png, tt.w, tt.h); (err == nil) != tt.ok {
			t.Errorf("checkPNGSize(%s) = %v, want ok: %v", tt.name, err, tt.ok)
		}
	}
}

// A chart that draws nothing visible (white title on white) has a blank
// PNG: render.js refuses it, naming the chart.
func TestRendererRefusesBlankPNG(t *testing.T) {
	r := newPNGRenderer(t, "")
	opt := `{"title":{"text":"x","textStyle":{"color":"#ffffff"}}}`
	cs := []Chart{{ID: "white", Lang: "en", Option: []byte(opt), Width: 64, Height: 48, Alt: "x"},
		{ID: "ink", Lang: "en", Option: []byte(`{"title":{"text":"x"}}`), Width: 64, Height: 48, Alt: "x"}}
	err := r.Render(context.Background(), cs)
	if err == nil || !strings.Contains(err.Error(), "white") || !strings.Contains(err.Error(), "blank") {
		t.Fatalf("Render of a white chart = %v, want an error naming it and saying blank", err)
	}
	if strings.Contains(err.Error(), "ink") || len(cs[1].PNG) == 0 {
		t.Errorf("the chart with ink was refused too (%v) or has no PNG", err)
	}
	if _, err := png.Decode(bytes.NewReader(cs[1].PNG)); err != nil {
		t.Errorf("PNG does not decode: %v", err)
	}
}

func TestRenderWithoutResvgSaysRunNpmCi(t *testing.T) {
	r, err := NewRenderer(context.Background(), fakeEcharts(t, `return {}`), "")
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	r.PNG = true
	err = r.Render(context.Background(), []Chart{{ID: "x", Lang: "en", Option: []byte(`{}`)}})
	if err == nil || !strings.Contains(err.Error(), "@resvg/resvg-js") || !strings.Contains(err.Error(), "npm ci") {
		t.Errorf("Render with PNG and no resvg = %v, want an error naming @resvg/resvg-js and npm ci", err)
	}
}
