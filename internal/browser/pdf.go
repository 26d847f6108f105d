package browser

import (
	"context"

	"github.com/chromedp/chromedp"
)

// PDFOptions adjust how a page prints. The zero value prints A4 portrait with
// backgrounds, with Chromium's default margins, and without header or footer.
// A page size or margins set by the page's CSS @page rule win.
type PDFOptions struct {
	// HeaderTemplate and FooterTemplate are HTML for the top and bottom of
	// each page, in Chromium's template language (elements with the classes
	// date, title, url, pageNumber and totalPages get those values). Either
	// one turns on both; the other then prints nothing. Templates need room:
	// set margins, here or in CSS.
	HeaderTemplate string
	FooterTemplate string
	// Landscape turns the paper.
	Landscape bool
	// Margin is the margin on all four sides, in millimetres; zero keeps
	// Chromium's default (about 10 mm).
	Margin float64
}

// PDF prints url to PDF in a new tab: A4, backgrounds printed, CSS page size
// preferred. It is safe to call from several goroutines at once (one tab
// each).
func (b *Browser) PDF(ctx context.Context, url string, opt PDFOptions) ([]byte, error) {
	t, err := b.open(ctx, "pdf", url, 1280, 800)
	if t != nil {
		defer t.close()
	}
	if err != nil {
		return nil, err
	}
	return t.pdf(opt)
}

func (t *tab) pdf(opt PDFOptions) ([]byte, error) {
	opts := []chromedp.PDFOption{
		chromedp.PDFPaper(chromedp.PaperA4),
		chromedp.PDFPrintBackground(),
		chromedp.PDFPreferCSSPageSize(),
	}
	if opt.Landscape {
		opts = append(opts, chromedp.PDFLandscape())
	}
	if opt.Margin > 0 {
		opts = append(opts, chromedp.PDFMargin(opt.Margin/25.4))
	}
	if opt.HeaderTemplate != "" || opt.FooterTemplate != "" {
		header, footer := opt.HeaderTemplate, opt.FooterTemplate
		if header == "" {
			header = "<span></span>"
		}
		if footer == "" {
			footer = "<span></span>"
		}
		opts = append(opts, chromedp.PDFHeaderTemplate(header), chromedp.PDFFooterTemplate(footer))
	}
	buf, err := chromedp.Run(t.ctx, chromedp.PrintToPDF(opts...))
	if err != nil {
		return nil, t.fail("pdf", err)
	}
	return buf, nil
}
