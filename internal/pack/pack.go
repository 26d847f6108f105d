package pack

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/prisonstats/prisonstats/internal/browser"
)

// ErrNoChromium is returned (wrapped) by Run when no Chromium is installed;
// a build can then go on without packs and say so.
var ErrNoChromium = errors.New("no chromium to print the briefing packs (install Debian's chromium package or set " + browser.EnvChromium + ")")

// DefaultParallel is how many tabs print at once when Options.Parallel is 0.
const DefaultParallel = 4

// Options say which tree to print and where the PDFs go.
type Options struct {
	// CacheDir, when set, keeps each printed PDF under the hash of what
	// it was printed from (the page, which names its fingerprinted CSS,
	// the footer, the date, the fonts and the Chromium binary), so an
	// unchanged pack is not printed again.
	CacheDir string
	Dir      string // the finished site tree (what Hugo wrote), served on 127.0.0.1 with httptest while printing
	Out      string // where public PDFs go: default Dir/briefs (published with the site)
	// RestrictedOut is where restricted packs go, outside the published tree
	// (default: Root/restricted/briefs); never deployed.
	RestrictedOut string
	Parallel      int // tabs at once in ONE browser (default 4)
	Log           io.Writer
	// Root is the project folder; it only serves RestrictedOut's default.
	Root string
	// Timeout bounds the printing of one page (default 60s).
	Timeout time.Duration
	// Select, when set, prints only the briefs it returns true for (a
	// command's -scope flag, a fast test). The clean-up still covers all.
	Select func(Brief) bool
	// Date (YYYY-MM-DD) is the creation and modification date written in
	// every PDF, instead of the time of printing, so that two builds of
	// the same inputs give the same bytes. Default: the data release the
	// index of print pages carries (hugo.Data.meta.release). When both are
	// empty, Chromium's clock time is kept.
	Date string
}

// Report says what Run wrote and removed.
type Report struct {
	Public     []string // PDFs written under Out
	Restricted []string // PDFs written under RestrictedOut
	Removed    []string // print pages and the index removed from Dir, as URL paths
	Cached     int      // PDFs taken from Options.CacheDir instead of printed
	Elapsed    time.Duration
}

// Run prints every print page listed in Dir's briefs/index.json to PDF:
// public packs to Out, restricted packs to RestrictedOut. It then removes the
// restricted print pages and the index from Dir, also when printing failed
// or Chromium is missing (the error then wraps ErrNoChromium).
func Run(ctx context.Context, opt Options) (rep *Report, err error) {
	start := time.Now()
	rep = &Report{}
	if opt.Dir == "" {
		return nil, fmt.Errorf("pack: no site folder given")
	}
	if opt.Log == nil {
		opt.Log = io.Discard
	}
	if opt.Out == "" {
		opt.Out = filepath.Join(opt.Dir, "briefs")
	}
	if opt.RestrictedOut == "" && opt.Root != "" {
		opt.RestrictedOut = filepath.Join(opt.Root, "restricted", "briefs")
	}
	if opt.Parallel <= 0 {
		opt.Parallel = DefaultParallel
	}
	if opt.Timeout <= 0 {
		opt.Timeout = 60 * time.Second
	}
	ix, err := readIndex(opt.Dir)
	if err != nil {
		return nil, fmt.Errorf("pack: %w", err)
	}
	if opt.Date == "" {
		opt.Date = ix.Release
	}
	// Whatever happens below, no restricted page and no index stays in the
	// tree.
	defer func() {
		removed, cerr := clean(opt.Dir, ix)
		rep.Removed = removed
		rep.Elapsed = time.Since(start)
		if cerr != nil {
			err = errors.Join(err, fmt.Errorf("pack: %w", cerr))
		}
	}()

	var todo []Brief
	for _, b := range ix.Briefs {
		if opt.Select == nil || opt.Select(b) {
			todo = append(todo, b)
		}
	}
	var public, restricted int
	for _, b := range todo {
		if b.Marking == Restricted {
			restricted++
		} else {
			public++
		}
	}
	if restricted > 0 {
		if opt.RestrictedOut == "" {
			return rep, fmt.Errorf("pack: %d restricted packs and no folder for them (set Options.RestrictedOut or Root)", restricted)
		}
		if inside(opt.RestrictedOut, opt.Dir) {
			return rep, fmt.Errorf("pack: restricted packs folder %s is inside the published tree %s", opt.RestrictedOut, opt.Dir)
		}
	}
	if opt.Date != "" {
		if _, err := pdfDate(opt.Date); err != nil {
			return rep, fmt.Errorf("pack: the date stamped on the PDFs (Options.Date or the release in %s): %w", IndexPath, err)
		}
	}
	if _, ok := browser.Available(); !ok {
		return rep, fmt.Errorf("pack: %w", ErrNoChromium)
	}
	if len(todo) == 0 {
		return rep, nil
	}

	srv := httptest.NewServer(http.FileServer(http.Dir(opt.Dir)))
	defer srv.Close()
	b, err := browser.Start(ctx, browser.Options{Timeout: opt.Timeout})
	if err != nil {
		return rep, fmt.Errorf("pack: %w", err)
	}
	defer b.Close()

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	jobs := make(chan Brief)
	var (
		mu   sync.Mutex
		errs []error
		wg   sync.WaitGroup
	)
	for range min(opt.Parallel, len(todo)) {
		wg.Go(func() {
			for br := range jobs {
				path, cached, err := printOne(ctx, b, srv.URL, br, ix, opt)
				mu.Lock()
				if cached {
					rep.Cached++
				}
				if err != nil {
					errs = append(errs, err)
					cancel()
				} else if br.Marking == Restricted {
					rep.Restricted = append(rep.Restricted, path)
				} else {
					rep.Public = append(rep.Public, path)
				}
				mu.Unlock()
			}
		})
	}
feed:
	for _, br := range todo {
		select {
		case jobs <- br:
		case <-ctx.Done():
			break feed
		}
	}
	close(jobs)
	wg.Wait()
	if len(errs) > 0 {
		return rep, errors.Join(errs...)
	}
	if err := ctx.Err(); err != nil {
		return rep, err
	}
	fmt.Fprintf(opt.Log, "packs: %d PDFs (%d public, %d restricted; %d unchanged, from the cache) in %v\n",
		len(rep.Public)+len(rep.Restricted), len(rep.Public), len(rep.Restricted), rep.Cached, time.Since(start).Round(time.Millisecond))
	return rep, nil
}

// printOne prints one brief and writes its PDF, whole, where its marking
// says. It returns the PDF's path.
func printOne(ctx context.Context, b *browser.Browser, base string, br Brief, ix *Index, opt Options) (path string, cached bool, err error) {
	key := cacheKey(opt, br, ix)
	pdf, cached := fromCache(opt.CacheDir, key)
	if !cached {
		pdf, err = b.PDF(ctx, base+br.Path, browser.PDFOptions{FooterTemplate: footer(br, ix)})
		if err != nil {
			return "", false, fmt.Errorf("pack: %s (%s): %w", br.Path, br.File(), err)
		}
		pdf = renumberNodeIDs(pdf)
		meta := pageMeta(opt.Dir, br)
		meta.Date = opt.Date
		pdf, err = setInfo(pdf, meta)
		if err != nil {
			return "", false, fmt.Errorf("pack: %s (%s): %w", br.Path, br.File(), err)
		}
		toCache(opt.CacheDir, key, pdf)
	}
	dir := opt.Out
	if br.Marking == Restricted {
		dir = opt.RestrictedOut
	}
	path = filepath.Join(dir, br.File())
	if err := writeWhole(path, pdf); err != nil {
		return "", false, fmt.Errorf("pack: %w", err)
	}
	return path, cached, nil
}

// pageMeta reads the title, description and language of a brief's print
// page from the tree; what it cannot read stays empty (Chromium's own title
// is then kept).
func pageMeta(dir string, br Brief) docMeta {
	f, err := os.Open(filepath.Join(dir, filepath.FromSlash(strings.Trim(br.Path, "/")), "index.html"))
	if err != nil {
		return docMeta{}
	}
	defer f.Close()
	return readMeta(f)
}

// writeWhole writes b to path through a temporary file in the same folder.
func writeWhole(path string, b []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp-")
	if err != nil {
		return err
	}
	_, werr := f.Write(b)
	cerr := f.Close()
	if err := errors.Join(werr, cerr); err != nil {
		os.Remove(f.Name())
		return fmt.Errorf("%s: %w", path, err)
	}
	if err := os.Chmod(f.Name(), 0o644); err != nil {
		os.Remove(f.Name())
		return err
	}
	if err := os.Rename(f.Name(), path); err != nil {
		os.Remove(f.Name())
		return err
	}
	return nil
}

// clean removes the restricted print pages and the index from dir.
func clean(dir string, ix *Index) ([]string, error) {
	var removed []string
	var errs []error
	for _, br := range ix.Briefs {
		if br.Marking != Restricted {
			continue
		}
		p := filepath.Join(dir, filepath.FromSlash(strings.Trim(br.Path, "/")))
		if !inside(p, dir) || p == filepath.Clean(dir) {
			errs = append(errs, fmt.Errorf("print page %s is not inside %s", br.Path, dir))
			continue
		}
		if err := os.RemoveAll(p); err != nil {
			errs = append(errs, err)
			continue
		}
		removed = append(removed, br.Path)
	}
	if err := os.Remove(filepath.Join(dir, filepath.FromSlash(IndexPath))); err != nil && !os.IsNotExist(err) {
		errs = append(errs, err)
	} else {
		removed = append(removed, "/"+IndexPath)
	}
	return removed, errors.Join(errs...)
}

// inside reports whether path is dir or below it.
func inside(path, dir string) bool {
	ap, err1 := filepath.Abs(path)
	ad, err2 := filepath.Abs(dir)
	if err1 != nil || err2 != nil {
		return true // be safe: treat as inside
	}
	rel, err := filepath.Rel(ad, ap)
	return err == nil && (rel == "." || filepath.IsLocal(rel))
}
