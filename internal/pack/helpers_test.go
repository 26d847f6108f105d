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

	"github.com/prisonstats/prisonstats/internal/browser"
	"github.com/prisonstats/prisonstats/internal/pipeline"
)

// root is the project folder, two levels up from this package.
var root = func() string {
	r, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		panic(err)
	}
	return r
}()

// missing skips the test, or fails it when CI is set (CI installs
// everything: scripts/install-test-deps.sh).
func missing(t testing.TB, what string) {
	t.Helper()
	if os.Getenv("CI") != "" {
		t.Fatalf("%s (CI installs it: scripts/install-test-deps.sh, npm ci)", what)
	}
	t.Skip(what)
}

func needChromium(t testing.TB) {
	t.Helper()
	if _, ok := browser.Available(); !ok {
		missing(t, "chromium not installed: briefing packs cannot be printed")
	}
}

func needPoppler(t testing.TB) {
	t.Helper()
	for _, tool := range []string{"pdfinfo", "pdftotext", "pdffonts", "pdftoppm"} {
		if _, err := exec.LookPath(tool); err != nil {
			missing(t, tool+" not installed (poppler-utils)")
		}
	}
}

// needHugo returns bin/hugo, building it from the module cache when missing.
func needHugo(t testing.TB) string {
	t.Helper()
	hugo := filepath.Join(root, "bin", "hugo")
	if _, err := os.Stat(hugo); err != nil {
		cmd := exec.Command("go", "build", "-o", hugo, "github.com/gohugoio/hugo")
		cmd.Dir = root
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("building hugo: %v\n%s", err, out)
		}
	}
	return hugo
}

// buildSample builds the sample site into a fresh temporary folder and
// returns the published tree (each caller gets its own: Run changes it).
func buildSample(t testing.TB) string {
	t.Helper()
	hugo := needHugo(t)
	if _, err := os.Stat(filepath.Join(root, "node_modules", "echarts")); err != nil {
		missing(t, "node_modules/echarts missing: run `npm ci`")
	}
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
