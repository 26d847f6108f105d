package pack_test

import (
	"bytes"
	"context"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/prisonstats/prisonstats/internal/pipeline"
	"github.com/prisonstats/prisonstats/internal/testenv"
)

// root is the project folder.
var root = testenv.Root()

func missing(t testing.TB, what string) { t.Helper(); testenv.Missing(t, what) }
func needChromium(t testing.TB)         { t.Helper(); testenv.NeedChromium(t) }
func needPoppler(t testing.TB)          { t.Helper(); testenv.NeedPoppler(t) }
func needHugo(t testing.TB) string      { t.Helper(); return testenv.Hugo(t) }

// buildSample builds the sample site into a fresh temporary folder and
// returns the published tree (each caller gets its own: Run changes it).
func buildSample(t testing.TB) string {
	t.Helper()
	hugo := needHugo(t)
	testenv.NeedNodeModules(t)
	out := filepath.Join(t.TempDir(), "public")
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	var log bytes.Buffer
	// The test prints the packs itself: the build must leave the print
	// pages and their index in the tree (pack.Run then removes them).
	keep := func(context.Context, string) error { return nil }
	if err := pipeline.Build(ctx, pipeline.Config{Root: root, Out: out, Hugo: hugo, Log: &log, BeforePublish: keep}); err != nil {
		t.Fatalf("pipeline.Build(sample) = %v\nlog:\n%s", err, log.String())
	}
	return out
}

func run(t testing.TB, name string, args ...string) string {
	t.Helper()
	out, err := exec.Command(name, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
	return string(out)
}

// pdfText is the text of a PDF with white space folded.
func pdfText(t testing.TB, file string) string {
	t.Helper()
	return strings.Join(strings.Fields(run(t, "pdftotext", "-enc", "UTF-8", file, "-")), " ")
}

// pdfInfo is pdfinfo's output as key → value.
func pdfInfo(t testing.TB, file string) map[string]string {
	t.Helper()
	m := map[string]string{}
	for _, line := range strings.Split(run(t, "pdfinfo", "-enc", "UTF-8", file), "\n") {
		k, v, ok := strings.Cut(line, ":")
		if ok {
			m[k] = strings.TrimSpace(v)
		}
	}
	return m
}

func pages(t testing.TB, file string) int {
	t.Helper()
	n, err := strconv.Atoi(pdfInfo(t, file)["Pages"])
	if err != nil {
		t.Fatalf("pdfinfo %s: no page count: %v", file, err)
	}
	return n
}

// renderPage renders one page of a PDF at 30 dpi.
func renderPage(t testing.TB, file string, page int) image.Image {
	t.Helper()
	prefix := filepath.Join(t.TempDir(), "page")
	p := strconv.Itoa(page)
	run(t, "pdftoppm", "-r", "30", "-png", "-f", p, "-l", p, "-singlefile", file, prefix)
	f, err := os.Open(prefix + ".png")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatalf("%s page %d: %v", file, page, err)
	}
	return img
}

// ink counts the pixels that are not near white, and those with a strong
// colour (chart bars and lines, not black text).
func ink(img image.Image) (dark, colour int) {
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			r, g, bl = r>>8, g>>8, bl>>8
			if r < 230 || g < 230 || bl < 230 {
				dark++
			}
			if max(r, g, bl)-min(r, g, bl) > 80 {
				colour++
			}
		}
	}
	return dark, colour
}

var latestRowRe = regexp.MustCompile(`(?s)<table>.*?</table>`)

// latestFigures returns the year, women and men of the last row of the key
// figures table on a site page, as the page shows them.
func latestFigures(t testing.TB, page string) []string {
	t.Helper()
	b, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	i := strings.Index(s, `id=figures-title`)
	if i < 0 {
		t.Fatalf("%s has no key figures table", page)
	}
	table := latestRowRe.FindString(s[i:])
	rows := strings.Split(table, "<tr>")
	last := rows[len(rows)-1]
	var cells []string
	for _, m := range regexp.MustCompile(`<t[hd][^>]*>([^<]*)</t[hd]>`).FindAllStringSubmatch(last, 3) {
		cells = append(cells, m[1])
	}
	if len(cells) != 3 {
		t.Fatalf("%s: last key-figures row %q: want year, women, men", page, last)
	}
	return cells
}
