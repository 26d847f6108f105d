package browser

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// pageSize returns the page size that pdfinfo reports, in points, or skips
// the check when pdfinfo (poppler-utils) is not installed.
func pageSize(t *testing.T, pdf []byte) (w, h float64, ok bool) {
	t.Helper()
	tool, err := exec.LookPath("pdfinfo")
	if err != nil {
		t.Logf("pdfinfo not installed (poppler-utils); page size not checked")
		return 0, 0, false
	}
	f := filepath.Join(t.TempDir(), "out.pdf")
	if err := os.WriteFile(f, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(tool, f).CombinedOutput()
	if err != nil {
		t.Fatalf("pdfinfo: %v\n%s", err, out)
	}
	m := regexp.MustCompile(`Page size:\s+([\d.]+) x ([\d.]+) pts`).FindSubmatch(out)
	if m == nil {
		t.Fatalf("pdfinfo printed no page size:\n%s", out)
	}
	w, _ = strconv.ParseFloat(string(m[1]), 64)
	h, _ = strconv.ParseFloat(string(m[2]), 64)
	return w, h, true
}

func checkA4(t *testing.T, pdf []byte) {
	t.Helper()
	if !bytes.HasPrefix(pdf, []byte("%PDF-")) {
		t.Fatalf("PDF starts with %q, want %%PDF-", pdf[:min(len(pdf), 8)])
	}
	if w, h, ok := pageSize(t, pdf); ok && (w < 594 || w > 597 || h < 841 || h > 843) {
		t.Errorf("page size = %v x %v pts, want A4 (595 x 842)", w, h)
	}
}

func TestPDFIsA4(t *testing.T) {
	b := sharedBrowser(t)
	srv := serveSite(t)

	start := time.Now()
	pdf, err := b.PDF(t.Context(), srv.URL+"/print", PDFOptions{
		FooterTemplate: `<div style="font-size:8px;width:100%;text-align:center"><span class="pageNumber"></span> / <span class="totalPages"></span></div>`,
		Margin:         15,
	})
	if err != nil {
		t.Fatalf("PDF: %v", err)
	}
	t.Logf("PDF took %v, %d bytes", time.Since(start), len(pdf))
	checkA4(t, pdf)
	if text, ok := pdfText(t, pdf); ok {
		if want := "Women in prison, 2012"; !strings.Contains(text, want) {
			t.Errorf("PDF text does not hold %q:\n%s", want, text)
		}
		// The footer template numbers the pages.
		if !regexp.MustCompile(`1\s*/\s*2`).MatchString(text) {
			t.Errorf("PDF text has no footer \"1 / 2\":\n%s", text)
		}
	}
}

// pdfText returns the text of the PDF from pdftotext (poppler-utils), or
// false when it is not installed.
func pdfText(t *testing.T, pdf []byte) (string, bool) {
	t.Helper()
	tool, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Logf("pdftotext not installed (poppler-utils); text not checked")
		return "", false
	}
	f := filepath.Join(t.TempDir(), "text.pdf")
	if err := os.WriteFile(f, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(tool, "-layout", f, "-").CombinedOutput()
	if err != nil {
		t.Fatalf("pdftotext: %v\n%s", err, out)
	}
	return string(out), true
}

func TestPDFFromTwoGoroutinesAtOnce(t *testing.T) {
	b := startBrowser(t, Options{}) // JavaScript off, as packs print
	srv := serveSite(t)

	urls := []string{srv.URL + "/print", srv.URL + "/title"}
	pdfs := make([][]byte, len(urls))
	errs := make([]error, len(urls))
	var wg sync.WaitGroup
	start := time.Now()
	for i, u := range urls {
		wg.Go(func() { pdfs[i], errs[i] = b.PDF(t.Context(), u, PDFOptions{}) })
	}
	wg.Wait()
	t.Logf("two PDFs at once took %v", time.Since(start))
	for i := range urls {
		if errs[i] != nil {
			t.Errorf("PDF(%s): %v", urls[i], errs[i])
			continue
		}
		checkA4(t, pdfs[i])
	}
	if bytes.Equal(pdfs[0], pdfs[1]) {
		t.Errorf("the two PDFs are the same, want one per page")
	}
}
