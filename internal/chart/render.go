package chart

import (
	"bufio"
	"context"
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"sync"
	"time"
)

//go:embed render.js
var renderScript []byte

// Renderer draws charts to SVG with ECharts' server-side renderer, run by
// one long-lived Node process, and with PNG set also to PNG (resvg, in the
// same process; see png.go). Rendered SVGs are cached in cacheDir by the
// hash of the echarts version, the script, the size and the option; PNGs by
// that and the fonts installed.
type Renderer struct {
	mu       sync.Mutex
	ctx      context.Context // ends the node process
	node     string          // the node binary
	modules  string          // node_modules, absolute
	cmd      *exec.Cmd       // nil until the first chart the cache lacks
	stdin    io.WriteCloser
	lines    chan []byte   // protocol lines from node's stdout
	exited   chan struct{} // closed when node has exited
	waitErr  error         // node's exit status, set before exited closes
	stderr   *tail
	dir      string // temporary folder: render.js and the unpacked fonts
	script   string // dir/render.cjs
	cacheDir string
	version  string // echarts version
	noPNG    string // why node cannot draw PNGs ("" when it can)
	fonts    int    // font faces render.js unpacked for resvg
	fontsKey string // fingerprint of the fonts a PNG is drawn with
	broken   error  // set once the process can no longer be used
	// Timeout bounds one chart's rendering (default one minute).
	Timeout time.Duration
	// PNG makes Render fill each Chart's PNG too (needs the npm package
	// @resvg/resvg-js).
	PNG bool
}

// NewRenderer prepares to draw with node over nodeModules (the directory
// holding echarts). cacheDir may be empty for no cache. Node starts on the
// first chart the cache does not hold, so a build whose charts are all
// cached never starts it. ctx ends the process.
func NewRenderer(ctx context.Context, nodeModules, cacheDir string) (*Renderer, error) {
	pkg, err := os.ReadFile(filepath.Join(nodeModules, "echarts", "package.json"))
	if err != nil {
		return nil, fmt.Errorf("chart: %s: npm package echarts not found (run `npm ci`): %w", nodeModules, err)
	}
	var meta struct {
		Version string `json:"version"`
	}
	if err := json.Unmarshal(pkg, &meta); err != nil || meta.Version == "" {
		return nil, fmt.Errorf("chart: %s: echarts/package.json has no version", nodeModules)
	}
	node, err := exec.LookPath("node")
	if err != nil {
		return nil, fmt.Errorf("chart: node is needed to draw charts: %w", err)
	}
	if cacheDir != "" {
		if err := os.MkdirAll(cacheDir, 0o755); err != nil {
			return nil, fmt.Errorf("chart: cache: %w", err)
		}
	}
	abs, err := filepath.Abs(nodeModules)
	if err != nil {
		return nil, fmt.Errorf("chart: %w", err)
	}
	return &Renderer{
		ctx: ctx, node: node, modules: abs, cacheDir: cacheDir, version: meta.Version,
		fontsKey: fontsKey(abs), stderr: &tail{max: 8 << 10},
		lines: make(chan []byte, 1), exited: make(chan struct{}), Timeout: time.Minute,
	}, nil
}

// start runs node with the render script and waits for it to load echarts.
func (r *Renderer) start() error {
	if r.cmd != nil {
		return nil
	}
	dir, err := os.MkdirTemp("", "prisonstats-render-")
	if err != nil {
		return fmt.Errorf("chart: %w", err)
	}
	r.dir = dir
	r.script = filepath.Join(dir, "render.cjs")
	fonts := filepath.Join(dir, "fonts")
	if err := os.WriteFile(r.script, renderScript, 0o600); err == nil {
		err = os.Mkdir(fonts, 0o700)
	}
	if err != nil {
		return fmt.Errorf("chart: %w", err)
	}
	r.cmd = exec.CommandContext(r.ctx, r.node, r.script, r.modules, fonts)
	r.cmd.Stderr = r.stderr
	r.cmd.WaitDelay = 5 * time.Second
	r.stdin, err = r.cmd.StdinPipe()
	if err != nil {
		return fmt.Errorf("chart: %w", err)
	}
	stdout, err := r.cmd.StdoutPipe()
	if err != nil {
		return fmt.Errorf("chart: %w", err)
	}
	if err := r.cmd.Start(); err != nil {
		r.cmd = nil
		return fmt.Errorf("chart: start node: %w", err)
	}
	go r.read(stdout)

	var hello struct {
		Ready   bool   `json:"ready"`
		Version string `json:"version"`
		Fatal   string `json:"fatal"`
		PNG     any    `json:"png"` // true, or why not
		Fonts   int    `json:"fonts"`
	}
	line, err := r.next(r.ctx, 30*time.Second)
	if err == nil {
		err = json.Unmarshal(line, &hello)
	}
	switch {
	case err != nil:
		return fmt.Errorf("chart: node did not start: %w", err)
	case hello.Fatal != "":
		return fmt.Errorf("chart: node cannot load echarts from %s: %s", r.modules, hello.Fatal)
	case !hello.Ready:
		return fmt.Errorf("chart: node: unexpected first line %q", line)
	case hello.Version != r.version:
		return fmt.Errorf("chart: node loaded echarts %s, package.json says %s", hello.Version, r.version)
	}
	if hello.PNG != true {
		r.noPNG = fmt.Sprint(hello.PNG)
	}
	r.fonts = hello.Fonts
	return nil
}

// Version is the echarts version (from its package.json; node must load
// the same one).
func (r *Renderer) Version() string { return r.version }

func (r *Renderer) read(stdout io.Reader) {
	br := bufio.NewReaderSize(stdout, 1<<20)
	for {
		line, err := br.ReadBytes('\n')
		if len(line) > 0 && err == nil {
			r.lines <- line
		}
		if err != nil {
			r.waitErr = r.cmd.Wait()
			close(r.exited)
			return
		}
	}
}

// next waits for node's next line, node's exit, ctx or the timeout.
func (r *Renderer) next(ctx context.Context, timeout time.Duration) ([]byte, error) {
	t := time.NewTimer(timeout)
	defer t.Stop()
	select {
	case line := <-r.lines:
		return line, nil
	case <-r.exited:
		select {
		case line := <-r.lines:
			return line, nil
		default:
		}
		return nil, fmt.Errorf("node exited (%v)%s", r.waitErr, r.stderr.suffix())
	case <-ctx.Done():
		r.kill()
		return nil, ctx.Err()
	case <-t.C:
		r.kill()
		return nil, fmt.Errorf("node gave no answer in %v%s", timeout, r.stderr.suffix())
	}
}

func (r *Renderer) kill() {
	if r.cmd.Process != nil {
		r.cmd.Process.Kill()
	}
}

type request struct {
	ID     string          `json:"id"`
	Option json.RawMessage `json:"option,omitempty"`
	SVG    string          `json:"svg,omitempty"` // draw this SVG to PNG (no option)
	Width  int             `json:"width"`
	Height int             `json:"height"`
	PNG    bool            `json:"png,omitempty"`
}

type response struct {
	ID    string `json:"id"`
	SVG   string `json:"svg"`
	PNG   []byte `json:"png"` // base64 in JSON
	Error string `json:"error"`
}

// Render fills the SVG of each chart, and its PNG when r.PNG is set. A
// chart ECharts rejects gives an error naming it and the others are still
// drawn; a crash or ctx stops everything.
func (r *Renderer) Render(ctx context.Context, cs []Chart) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	var errs []error
	for i := range cs {
		c := &cs[i]
		name, w, h := c.describe()
		if r.broken != nil {
			return errors.Join(append(errs, fmt.Errorf("chart %s: renderer unusable: %w", name, r.broken))...)
		}
		raw, key, png, err := r.renderOne(ctx, name, c.Option, w, h)
		if err != nil {
			errs = append(errs, fmt.Errorf("chart %s: %w", name, err))
			if ctx.Err() != nil {
				return errors.Join(errs...)
			}
			continue
		}
		svg, err := finishSVG(raw, c.ID+"-"+c.Lang, c.Alt)
		if err != nil {
			errs = append(errs, fmt.Errorf("chart %s: %w", name, err))
			continue
		}
		c.raw, c.key = raw, key
		if r.PNG {
			// render.js refused a blank picture when it drew it; the
			// size is checked here, for cached ones too.
			if err := checkPNGSize(png, w, h); err != nil {
				errs = append(errs, fmt.Errorf("chart %s: %w", name, err))
				continue
			}
			c.PNG = png
		}
		c.SVG = svg
	}
	return errors.Join(errs...)
}

func (r *Renderer) renderOne(ctx context.Context, name string, option json.RawMessage, w, h int) (svg, key string, png []byte, err error) {
	sum := sha256.New()
	for _, s := range []string{r.version, string(renderScript), strconv.Itoa(w), strconv.Itoa(h)} {
		sum.Write([]byte(s))
		sum.Write([]byte{0})
	}
	sum.Write(option)
	key = hex.EncodeToString(sum.Sum(nil))
	var svgPath, pngPath string
	if r.cacheDir != "" {
		svgPath = filepath.Join(r.cacheDir, key+".svg")
		if r.PNG {
			pngPath = r.pngPath(key)
		}
		if b, err := os.ReadFile(svgPath); err == nil {
			if !r.PNG {
				return string(b), key, nil, nil
			}
			if p, err := os.ReadFile(pngPath); err == nil {
				return string(b), key, p, nil
			}
		}
	}
	resp, err := r.ask(ctx, request{ID: name, Option: option, Width: w, Height: h, PNG: r.PNG})
	if err != nil {
		return "", "", nil, err
	}
	if resp.SVG == "" {
		return "", "", nil, fmt.Errorf("echarts: empty SVG")
	}
	if svgPath != "" {
		if err := writeAtomic(svgPath, []byte(resp.SVG)); err != nil {
			return "", "", nil, fmt.Errorf("cache: %w", err)
		}
	}
	if pngPath != "" {
		if err := writeAtomic(pngPath, resp.PNG); err != nil {
			return "", "", nil, fmt.Errorf("cache: %w", err)
		}
	}
	return resp.SVG, key, resp.PNG, nil
}

// pngPath is where the PNG of the SVG cached under key is cached: its name
// also depends on the fonts installed.
func (r *Renderer) pngPath(key string) string {
	pk := sha256.Sum256([]byte(key + "\x00" + r.fontsKey))
	return filepath.Join(r.cacheDir, hex.EncodeToString(pk[:])+".png")
}

// ask sends one request to node (starting it if needed) and reads its
// answer. An answer with an error is returned as an error; a broken
// process marks the renderer broken.
func (r *Renderer) ask(ctx context.Context, req request) (response, error) {
	if r.broken == nil && r.cmd == nil {
		if err := r.start(); err != nil {
			r.broken = err
			return response{}, err
		}
	}
	if r.broken != nil {
		return response{}, r.broken
	}
	if req.PNG && r.noPNG != "" {
		r.broken = fmt.Errorf("PNG: npm package @resvg/resvg-js not found (run `npm ci`): %s", r.noPNG)
		return response{}, r.broken
	}
	b, err := json.Marshal(req)
	if err != nil {
		return response{}, err
	}
	if _, err := r.stdin.Write(append(b, '\n')); err != nil {
		r.broken = fmt.Errorf("write to node: %w%s", err, r.stderr.suffix())
		return response{}, r.broken
	}
	line, err := r.next(ctx, r.Timeout)
	if err != nil {
		r.broken = err
		return response{}, err
	}
	var resp response
	if err := json.Unmarshal(line, &resp); err != nil {
		r.broken = fmt.Errorf("node: bad answer %.80q: %w", line, err)
		return response{}, r.broken
	}
	switch {
	case resp.ID != req.ID:
		r.broken = fmt.Errorf("node answered for %q", resp.ID)
		return response{}, r.broken
	case resp.Error != "":
		return response{}, fmt.Errorf("echarts: %s", resp.Error)
	case req.PNG && len(resp.PNG) == 0:
		return response{}, fmt.Errorf("resvg: empty PNG")
	}
	return resp, nil
}

// describe gives the chart's name in messages and its size in pixels.
func (c *Chart) describe() (name string, w, h int) {
	w, h = c.Width, c.Height
	if w == 0 {
		w = defaultWidth
	}
	if h == 0 {
		h = defaultHeight
	}
	return c.ID + " (" + c.Lang + ")", w, h
}

// RenderPNG fills the PNG of each chart Render drew (with PNG off), from
// the cache or by drawing the SVG ECharts wrote. Charts Render could not
// draw are skipped: Render reported them.
func (r *Renderer) RenderPNG(ctx context.Context, cs []Chart) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	var errs []error
	for i := range cs {
		c := &cs[i]
		if c.raw == "" {
			continue
		}
		name, w, h := c.describe()
		if r.broken != nil {
			return errors.Join(append(errs, fmt.Errorf("chart %s: renderer unusable: %w", name, r.broken))...)
		}
		var path string
		var png []byte
		if r.cacheDir != "" {
			path = r.pngPath(c.key)
			png, _ = os.ReadFile(path)
		}
		if png == nil {
			resp, err := r.ask(ctx, request{ID: name, SVG: c.raw, Width: w, Height: h, PNG: true})
			if err != nil {
				errs = append(errs, fmt.Errorf("chart %s: %w", name, err))
				if ctx.Err() != nil {
					return errors.Join(errs...)
				}
				continue
			}
			png = resp.PNG
			if path != "" {
				if err := writeAtomic(path, png); err != nil {
					errs = append(errs, fmt.Errorf("chart %s: cache: %w", name, err))
					continue
				}
			}
		}
		if err := checkPNGSize(png, w, h); err != nil {
			errs = append(errs, fmt.Errorf("chart %s: %w", name, err))
			continue
		}
		c.PNG = png
	}
	return errors.Join(errs...)
}

// Close ends the node process and removes its script and fonts.
func (r *Renderer) Close() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.cmd == nil {
		// node never started (every chart came from the cache)
		if r.dir != "" {
			os.RemoveAll(r.dir)
		}
		if r.broken == nil {
			r.broken = errors.New("renderer closed")
		}
		return nil
	}
	if r.stdin != nil {
		r.stdin.Close()
	}
	// Drain answers nobody waits for, so that the reader reaches EOF.
	deadline := time.After(5 * time.Second)
	for done := false; !done; {
		select {
		case <-r.lines:
		case <-r.exited:
			done = true
		case <-deadline:
			r.kill()
			deadline = nil
		}
	}
	os.RemoveAll(r.dir)
	if r.broken == nil {
		r.broken = errors.New("renderer closed")
	}
	return nil
}

func writeAtomic(path string, b []byte) error {
	f, err := os.CreateTemp(filepath.Dir(path), ".tmp-*")
	if err != nil {
		return err
	}
	if _, err := f.Write(b); err != nil {
		f.Close()
		os.Remove(f.Name())
		return err
	}
	if err := f.Close(); err != nil {
		os.Remove(f.Name())
		return err
	}
	return os.Rename(f.Name(), path)
}

// tail keeps the last bytes node wrote to stderr, for error messages.
type tail struct {
	mu  sync.Mutex
	buf []byte
	max int
}

func (t *tail) Write(p []byte) (int, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.buf = append(t.buf, p...)
	if len(t.buf) > t.max {
		t.buf = t.buf[len(t.buf)-t.max:]
	}
	return len(p), nil
}

func (t *tail) suffix() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	if len(t.buf) == 0 {
		return ""
	}
	return ": node stderr: " + string(t.buf)
}
