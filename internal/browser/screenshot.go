package browser

import (
	"context"
	"fmt"
	"math"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// maxShotHeight caps the height of a full-page screenshot, in CSS pixels.
const maxShotHeight = 16384

// Screenshot returns a PNG of the whole page at the given viewport width: the
// viewport is first 800 pixels high, then as high as the page's content.
func (b *Browser) Screenshot(ctx context.Context, url string, width int) ([]byte, error) {
	t, err := b.open(ctx, "screenshot", url, width, 800)
	if t != nil {
		defer t.close()
	}
	if err != nil {
		return nil, err
	}
	return t.screenshot()
}

func (t *tab) screenshot() ([]byte, error) {
	m, err := chromedp.Call(t.ctx, page.GetLayoutMetrics, cdp.Empty{})
	if err != nil {
		return nil, t.fail("screenshot", fmt.Errorf("reading the page size: %w", err))
	}
	height := 800
	if m.CSSContentSize != nil {
		height = int(math.Ceil(m.CSSContentSize.Height))
	}
	height = min(max(height, 1), maxShotHeight)
	if err := t.viewport(t.width, height); err != nil {
		return nil, t.fail("screenshot", err)
	}
	res, err := chromedp.Call(t.ctx, page.CaptureScreenshot, page.CaptureScreenshotParams{
		Format:      page.CaptureScreenshotFormatPng,
		FromSurface: new(true),
	})
	if err != nil {
		return nil, t.fail("screenshot", err)
	}
	return res.Data, nil
}
