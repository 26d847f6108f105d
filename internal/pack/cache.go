package pack

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/prisonstats/prisonstats/internal/browser"
)

// cacheKey hashes everything a brief's PDF is printed from: its page (the
// HTML names the fingerprinted CSS, and inlines the charts), the footer,
// the date stamped on it, the fonts the site serves and the Chromium
// binary. "" when the page cannot be read (then nothing is cached).
func cacheKey(opt Options, br Brief, ix *Index) string {
	if opt.CacheDir == "" {
		return ""
	}
	page, err := os.ReadFile(filepath.Join(opt.Dir, filepath.FromSlash(strings.Trim(br.Path, "/")), "index.html"))
	if err != nil {
		return ""
	}
	h := sha256.New()
	for _, part := range [][]byte{page, []byte(footer(br, ix)), []byte(opt.Date), []byte(br.File()), []byte(fontsStamp(opt.Dir)), []byte(chromiumStamp())} {
		h.Write(part)
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))
}

var (
	stampOnce sync.Once
	chromium  string
)

// chromiumStamp names the Chromium binary that prints, by path, size and
// modification time: an upgrade prints every pack again.
func chromiumStamp() string {
	stampOnce.Do(func() {
		p, ok := browser.Available()
		if !ok {
			return
		}
		if fi, err := os.Stat(p); err == nil {
			chromium = fmt.Sprintf("%s %d %d", p, fi.Size(), fi.ModTime().UnixNano())
		}
	})
	return chromium
}

// fontsStamp sums the font files the site serves.
func fontsStamp(dir string) string {
	files, _ := filepath.Glob(filepath.Join(dir, "fonts", "*"))
	h := sha256.New()
	for _, f := range files {
		if b, err := os.ReadFile(f); err == nil {
			h.Write([]byte(filepath.Base(f)))
			h.Write(b)
		}
	}
	return hex.EncodeToString(h.Sum(nil))
}

func fromCache(dir, key string) ([]byte, bool) {
	if dir == "" || key == "" {
		return nil, false
	}
	b, err := os.ReadFile(filepath.Join(dir, key+".pdf"))
	if err != nil || !strings.HasPrefix(string(b[:min(len(b), 5)]), "%PDF-") {
		return nil, false
	}
	return b, true
}

// toCache keeps a printed PDF; a failure to cache only costs a reprint.
func toCache(dir, key string, pdf []byte) {
	if dir == "" || key == "" {
		return
	}
	if err := os.MkdirAll(dir, 0o755); err == nil {
		writeWhole(filepath.Join(dir, key+".pdf"), pdf)
	}
}
