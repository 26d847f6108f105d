package chart

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"image/png"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
)

// PNGs are drawn by resvg (npm @resvg/resvg-js, whose native binary ships
// inside the npm package @resvg/resvg-js-linux-x64-gnu) from the SVG
// ECharts wrote, in the same node process, at the chart's size on white.
//
// resvg reads TrueType/OpenType fonts only. It is given the system fonts
// (Debian: /usr/share/fonts; DejaVu Sans draws Latin text) and, when the npm
// package @fontsource/noto-sans-khmer is installed, its Khmer and Latin
// faces (regular and bold), which render.js unpacks from WOFF to TTF. Without
// either a Khmer font in the system (fonts-noto-core, fonts-khmeros) or that
// package, Khmer labels in PNGs are empty boxes; the SVG is not affected,
// since the reader's browser draws it.

// fontDirs are the folders resvg's loadSystemFonts reads on Linux
// (fontdb's load_system_fonts).
func fontDirs() []string {
	dirs := []string{"/usr/share/fonts", "/usr/local/share/fonts"}
	if home, err := os.UserHomeDir(); err == nil {
		dirs = append(dirs, filepath.Join(home, ".fonts"), filepath.Join(home, ".local", "share", "fonts"))
	}
	return dirs
}

// fontsKey fingerprints the fonts a PNG can be drawn with (names and sizes
// of the system font files and of the npm Khmer font package), so that
// installing a font makes the cached PNGs stale.
func fontsKey(nodeModules string) string {
	h := sha256.New()
	dirs := append(fontDirs(), filepath.Join(nodeModules, "@fontsource", "noto-sans-khmer", "files"))
	for _, dir := range dirs {
		filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return nil
			}
			if info, err := d.Info(); err == nil {
				h.Write([]byte(path + "\x00" + strconv.FormatInt(info.Size(), 10) + "\x00"))
			}
			return nil
		})
	}
	return hex.EncodeToString(h.Sum(nil))
}

// checkPNGSize reads only the PNG's header: a picture of the chart's size.
func checkPNGSize(b []byte, w, h int) error {
	cfg, err := png.DecodeConfig(bytes.NewReader(b))
	if err != nil {
		return fmt.Errorf("png: %w", err)
	}
	if cfg.Width != w || cfg.Height != h {
		return fmt.Errorf("png: %dx%d pixels, want %dx%d", cfg.Width, cfg.Height, w, h)
	}
	return nil
}
