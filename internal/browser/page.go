package browser

import "context"

// Page is one loaded page in a tab of its own, for several checks on one
// load: read the report, evaluate expressions, take a screenshot, print. The
// whole life of a Page is bounded by Options.Timeout and by the context given
// to Open. A Page is for one goroutine; Close it when done.
type Page struct {
	t *tab
}

// Open loads url in a new tab with a width x height viewport, as Visit does,
// and keeps the tab open.
func (b *Browser) Open(ctx context.Context, url string, width, height int) (*Page, error) {
	t, err := b.open(ctx, "open", url, width, height)
	if err != nil {
		if t != nil {
			t.close()
		}
		return nil, err
	}
	return &Page{t: t}, nil
}

// Report returns what the page logged and requested so far.
func (p *Page) Report() *Visit { return p.t.rec.report() }

// Eval runs a JavaScript expression in the page and decodes its JSON result
// into out (nil ignores it). A promise is awaited.
func (p *Page) Eval(expr string, out any) error { return p.t.eval(expr, out) }

// Screenshot returns a PNG of the whole page at the width it was opened with.
// It leaves the viewport as high as the page.
func (p *Page) Screenshot() ([]byte, error) { return p.t.screenshot() }

// PDF prints the page as Browser.PDF does.
func (p *Page) PDF(opt PDFOptions) ([]byte, error) { return p.t.pdf(opt) }

// Close closes the tab. It is safe to call more than once.
func (p *Page) Close() { p.t.close() }
