// Command pageweight measures what a reader downloads from a built site:
// for each page, the first visit (empty cache) and the next page (what
// another page adds once the first one's files are cached), in bytes on the
// wire, by kind (HTML, CSS, JS, fonts, images, other).
//
// It serves the built folder on 127.0.0.1, opens each page in headless
// Chromium (internal/browser, JavaScript on) and counts every URL the page
// actually requested, so fonts that a unicode-range keeps away from English
// pages are not counted there. Text files (HTML, CSS, JS, SVG, JSON, CSV)
// are counted gzip-compressed (level 6, what hosts use); WOFF2, PNG and
// other compressed files as they are.
//
// Usage:
//
//	go run ./bench/pageweight [-pair /,/provinces/kh-12/] [public]
//
// Each -pair is "first,next"; the default pairs are the English and Khmer
// home and Phnom Penh pages, and an embed page alone in each language.
package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/prisonstats/prisonstats/internal/browser"
)

type pairs []string

func (p *pairs) String() string     { return strings.Join(*p, " ") }
func (p *pairs) Set(s string) error { *p = append(*p, s); return nil }

func main() {
	var ps pairs
	flag.Var(&ps, "pair", `"first,next" page paths; repeatable (default: home and a province, in both languages, and an embed page)`)
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: pageweight [-pair FIRST,NEXT]... [PUBLIC_DIR]")
		flag.PrintDefaults()
	}
	flag.Parse()
	dir := "public"
	if flag.NArg() > 1 {
		flag.Usage()
		os.Exit(2)
	}
	if flag.NArg() == 1 {
		dir = flag.Arg(0)
	}
	if len(ps) == 0 {
		ps = pairs{"/,/provinces/kh-12/", "/km/,/km/provinces/kh-12/", "/embed/women-men-index/", "/km/embed/women-men-index/"}
	}
	if err := run(dir, ps); err != nil {
		fmt.Fprintln(os.Stderr, "pageweight:", err)
		os.Exit(1)
	}
}

// kinds in the order they are printed.
var kinds = []string{"html", "css", "js", "font", "image", "other"}

func kindOf(p string) string {
	switch strings.ToLower(path.Ext(p)) {
	case ".html", ".htm", "":
		return "html"
	case ".css":
		return "css"
	case ".js", ".mjs":
		return "js"
	case ".woff", ".woff2", ".ttf", ".otf":
		return "font"
	case ".svg", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".ico":
		return "image"
	}
	return "other"
}

// compressible are the kinds a host gzips.
func compressible(p string) bool {
	switch strings.ToLower(path.Ext(p)) {
	case ".woff", ".woff2", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".zip", ".pdf", ".gz":
		return false
	}
	return true
}

// weight is bytes by kind.
type weight map[string]int

func (w weight) total() int {
	n := 0
	for _, v := range w {
		n += v
	}
	return n
}

// sizer gives a file's size on the wire, from the folder the server serves.
type sizer struct {
	dir   string
	cache map[string][2]int // raw, wire
}

func (s *sizer) size(urlPath string) (raw, wire int, err error) {
	if v, ok := s.cache[urlPath]; ok {
		return v[0], v[1], nil
	}
	p := filepath.Join(s.dir, filepath.FromSlash(strings.TrimPrefix(urlPath, "/")))
	if strings.HasSuffix(urlPath, "/") || urlPath == "" {
		p = filepath.Join(p, "index.html")
	}
	b, err := os.ReadFile(p)
	if err != nil {
		return 0, 0, err
	}
	raw, wire = len(b), len(b)
	if compressible(p) {
		var z bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&z, 6)
		zw.Write(b)
		zw.Close()
		wire = z.Len()
	}
	s.cache[urlPath] = [2]int{raw, wire}
	return raw, wire, nil
}

// visit opens page and returns the local paths it requested, in order,
// each once.
func visit(ctx context.Context, b *browser.Browser, base, page string) ([]string, error) {
	v, err := b.Visit(ctx, base+page, 1280, 900)
	if err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	var out []string
	for _, r := range v.Requests {
		u, err := url.Parse(r)
		if err != nil || u.Scheme == "data" {
			continue
		}
		if base != u.Scheme+"://"+u.Host {
			return nil, fmt.Errorf("%s requested another host: %s", page, r)
		}
		if !seen[u.Path] {
			seen[u.Path] = true
			out = append(out, u.Path)
		}
	}
	for _, f := range v.Failed {
		fmt.Fprintf(os.Stderr, "pageweight: %s: failed request %s\n", page, f)
	}
	return out, nil
}

func run(dir string, ps pairs) error {
	if _, err := os.Stat(filepath.Join(dir, "index.html")); err != nil {
		return fmt.Errorf("%s is not a built site (run `make site`): %w", dir, err)
	}
	srv := httptest.NewServer(http.FileServer(http.Dir(dir)))
	defer srv.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	b, err := browser.Start(ctx, browser.Options{JavaScript: true, Timeout: time.Minute})
	if err != nil {
		return err
	}
	defer b.Close()
	sz := &sizer{dir: dir, cache: map[string][2]int{}}

	tw := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "visit\tpage\trequests\traw KB\twire KB\t"+strings.Join(kinds, " KB\t")+" KB\t")
	row := func(label, page string, paths []string, cached map[string]bool) error {
		w := weight{}
		rawTotal, n := 0, 0
		var files []string
		for _, p := range paths {
			if cached[p] {
				continue
			}
			raw, wire, err := sz.size(p)
			if errors.Is(err, fs.ErrNotExist) {
				files = append(files, p+" (requested, not in the site: 404)")
				continue
			}
			if err != nil {
				return fmt.Errorf("%s: %w", page, err)
			}
			n++
			rawTotal += raw
			w[kindOf(p)] += wire
			files = append(files, fmt.Sprintf("%s (%.1f KB)", p, float64(wire)/1024))
		}
		cells := []string{label, page, fmt.Sprint(n), kb(rawTotal), kb(w.total())}
		for _, k := range kinds {
			cells = append(cells, kb(w[k]))
		}
		fmt.Fprintln(tw, strings.Join(cells, "\t")+"\t")
		sort.Strings(files)
		fmt.Fprintf(os.Stderr, "%s %s: %s\n", label, page, strings.Join(files, ", "))
		return nil
	}
	for _, pair := range ps {
		pages := strings.Split(pair, ",")
		cached := map[string]bool{}
		for i, page := range pages {
			page = strings.TrimSpace(page)
			paths, err := visit(ctx, b, srv.URL, page)
			if err != nil {
				return err
			}
			label := "first"
			if i > 0 {
				label = "next"
			}
			if err := row(label, page, paths, cached); err != nil {
				return err
			}
			for _, p := range paths {
				cached[p] = true
			}
		}
	}
	return tw.Flush()
}

func kb(n int) string { return fmt.Sprintf("%.1f", float64(n)/1024) }
