package browser

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// Waiting for the network to settle after the load event: the page counts as
// settled when no request was in flight for idleQuiet, and the wait gives up
// after idleLimit (the page is then used as it is).
const (
	idleQuiet = 300 * time.Millisecond
	idleLimit = 3 * time.Second
)

// tab is one page opened in its own tab, bounded by the Browser's timeout and
// by the caller's context. close must be called.
type tab struct {
	b      *Browser
	url    string
	width  int
	caller context.Context
	ctx    context.Context // every action of the tab runs under it
	rec    *recorder
	done   func()
}

// open opens a tab with the given viewport, disables scripts unless the
// Browser allows them, loads url and waits for the load event and for the
// network to settle. On a load error it returns the tab (so that the caller
// can still read what was recorded) and the error.
func (b *Browser) open(ctx context.Context, op, url string, width, height int) (*tab, error) {
	if width <= 0 || height <= 0 {
		return nil, fmt.Errorf("browser: %s %s: viewport %dx%d is not positive", op, url, width, height)
	}
	rec := newRecorder(!b.opt.AllowNetwork)
	tabCtx, closeTab := chromedp.NewContext(b.ctx, chromedp.WithListener(rec.listen))
	runCtx, cancel := context.WithTimeout(tabCtx, b.opt.timeout())
	stop := context.AfterFunc(ctx, cancel)
	t := &tab{b: b, url: url, width: width, caller: ctx, ctx: runCtx, rec: rec}
	t.done = sync.OnceFunc(func() {
		stop()
		cancel()
		closeTab()
	})

	// The first Do creates and attaches the tab.
	if err := chromedp.Do(runCtx); err != nil {
		t.close()
		return nil, t.fail(op, err)
	}
	if !b.opt.JavaScript {
		if _, err := chromedp.Call(runCtx, emulation.SetScriptExecutionDisabled,
			emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
			t.close()
			return nil, t.fail(op, fmt.Errorf("disabling scripts: %w", err))
		}
	}
	if err := t.viewport(width, height); err != nil {
		t.close()
		return nil, t.fail(op, err)
	}
	if err := chromedp.Do(runCtx, chromedp.Navigate(url)); err != nil {
		return t, t.fail(op, err)
	}
	t.settle()
	return t, nil
}

func (t *tab) viewport(width, height int) error {
	_, err := chromedp.Call(t.ctx, emulation.SetDeviceMetricsOverride,
		emulation.SetDeviceMetricsOverrideParams{
			Width:             int64(width),
			Height:            int64(height),
			DeviceScaleFactor: 1,
		})
	if err != nil {
		return fmt.Errorf("setting the viewport to %dx%d: %w", width, height, err)
	}
	return nil
}

// settle waits until the network is idle and the web fonts are loaded, for
// at most idleLimit or until the tab's context ends. A page that never
// settles is used as it is.
func (t *tab) settle() {
	ctx, cancel := context.WithTimeout(t.ctx, idleLimit)
	defer cancel()
	for !t.rec.idle(idleQuiet) {
		select {
		case <-ctx.Done():
			return
		case <-time.After(25 * time.Millisecond):
		}
	}
	// The expression comes from the debugger, so it runs also when page
	// scripts are disabled. An error only means the page is used as it is.
	chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void](
		"document.fonts ? document.fonts.ready.then(() => true) : true", chromedp.EvalAwaitPromise))
}

// fail wraps err with the operation and the URL, and says why the context
// ended when it did: the caller cancelled, or the timeout ran out.
func (t *tab) fail(op string, err error) error {
	switch {
	case t.caller.Err() != nil:
		err = t.caller.Err()
	case errors.Is(t.ctx.Err(), context.DeadlineExceeded):
		err = fmt.Errorf("timed out after %v: %w", t.b.opt.timeout(), err)
	case t.b.ctx.Err() != nil:
		err = fmt.Errorf("browser is closed: %w", err)
	}
	return fmt.Errorf("browser: %s %s: %w", op, t.url, err)
}

// close closes the tab and waits until the browser closed it. It is safe to
// call more than once.
func (t *tab) close() { t.done() }
