package browser

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/chromedp/chromedp"
)

// Visit is what a page reported while it loaded.
type Visit struct {
	// Console holds the console messages of type error, warning and assert,
	// the uncaught exceptions and the browser's own log errors and warnings
	// (such as a failed resource), each as "type: text".
	Console []string
	// Requests holds every URL the page requested, in order: the document,
	// scripts, style sheets, images, fonts, fetches. Inline data: URLs are
	// left out.
	Requests []string
	// Failed holds the requests that failed, "url: reason": network errors,
	// blocked or refused requests, and HTTP statuses of 400 and above.
	Failed []string
}

// Visit opens url in a new tab with a width x height viewport, waits for the
// load event and for the network to settle (bounded), and reports what the
// page logged and requested. When the page does not load, Visit returns what
// was recorded until then along with the error.
func (b *Browser) Visit(ctx context.Context, url string, width, height int) (*Visit, error) {
	t, err := b.open(ctx, "visit", url, width, height)
	if t == nil {
		return nil, err
	}
	defer t.close()
	return t.rec.report(), err
}

// Eval runs a JavaScript expression in a fresh visit of url (a 1280x800
// viewport) and decodes its JSON result into out, which may be nil to ignore
// it. A promise is awaited. The expression runs even when page scripts are
// disabled, since it comes from the debugger and not from the page.
func (b *Browser) Eval(ctx context.Context, url, expr string, out any) error {
	t, err := b.open(ctx, "eval", url, 1280, 800)
	if t != nil {
		defer t.close()
	}
	if err != nil {
		return err
	}
	return t.eval(expr, out)
}

func (t *tab) eval(expr string, out any) error {
	if out == nil {
		if _, err := chromedp.Run(t.ctx, chromedp.Evaluate[chromedp.Void](expr, chromedp.EvalAwaitPromise)); err != nil {
			return t.fail("eval", fmt.Errorf("%s: %w", expr, err))
		}
		return nil
	}
	raw, err := chromedp.Run(t.ctx, chromedp.Evaluate[[]byte](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		return t.fail("eval", fmt.Errorf("%s: %w", expr, err))
	}
	if err := json.Unmarshal(raw, out); err != nil {
		return t.fail("eval", fmt.Errorf("%s: decoding %s: %w", expr, raw, err))
	}
	return nil
}
