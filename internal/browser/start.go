package browser

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"sync"
	"time"

	"github.com/chromedp/chromedp"
)

// EnvChromium names the environment variable that overrides where Chromium is.
const EnvChromium = "PRISONSTATS_CHROMIUM"

// DefaultTimeout bounds Start and each call when Options.Timeout is zero.
const DefaultTimeout = 30 * time.Second

// debianBinary is the real program behind Debian's /usr/bin/chromium wrapper.
const debianBinary = "/usr/lib/chromium/chromium"

// Available reports whether a Chromium binary is found ($PRISONSTATS_CHROMIUM,
// /usr/bin/chromium, chromium on PATH), and its path.
func Available() (string, bool) {
	if p := os.Getenv(EnvChromium); p != "" {
		if isExecutable(p) {
			return p, true
		}
		return p, false
	}
	if p := "/usr/bin/chromium"; isExecutable(p) {
		return p, true
	}
	if p, err := exec.LookPath("chromium"); err == nil {
		return p, true
	}
	return "", false
}

func isExecutable(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.Mode().IsRegular() && fi.Mode().Perm()&0o111 != 0
}

// program returns the binary to run for the path that Available found: the
// binary behind Debian's wrapper script, or the path itself.
func program(path string) string {
	if path == "/usr/bin/chromium" && isExecutable(debianBinary) {
		return debianBinary
	}
	return path
}

// Options configure a Browser.
type Options struct {
	// JavaScript lets page scripts run. The zero value runs none (packs print
	// without JavaScript); browser tests of the site set it to true.
	JavaScript bool

	// Timeout bounds Start and each call (a visit, an evaluation, a screenshot,
	// a PDF). Zero means DefaultTimeout.
	Timeout time.Duration

	// AllowNetwork lets pages reach hosts other than the loopback interface.
	// By default such a request fails at once (see the package doc).
	AllowNetwork bool

	// Output, if not nil, receives Chromium's own stdout and stderr.
	Output io.Writer
}

func (o Options) timeout() time.Duration {
	if o.Timeout <= 0 {
		return DefaultTimeout
	}
	return o.Timeout
}

// Browser is one running headless Chromium. Its methods are safe to call from
// several goroutines at once; each call uses a tab of its own.
type Browser struct {
	opt  Options
	exe  string
	dir  string // the temporary profile, removed by Close
	pid  int
	ctx  context.Context // chromedp context of the browser
	stop func()          // cancels ctx and waits for the process to exit
	free func()          // cancels the allocator and waits for it

	proxy *refuser // nil with AllowNetwork

	closeOnce sync.Once
	closeErr  error
}

// flags are the Chromium switches added to chromedp's defaults (which already
// hold --headless, --no-first-run, --disable-background-networking,
// --disable-sync and more). The background-networking family matters: without
// it Chromium floods an offline machine with refused connections.
var flags = []chromedp.ExecAllocatorOption{
	chromedp.NoSandbox,
	chromedp.Flag("disable-gpu", true),
	chromedp.Flag("disable-quic", true),
	chromedp.Flag("no-first-run", true),
	chromedp.Flag("disable-background-networking", true),
	chromedp.Flag("disable-component-update", true),
	chromedp.Flag("disable-sync", true),
	chromedp.Flag("disable-domain-reliability", true),
	chromedp.Flag("disable-client-side-phishing-detection", true),
	chromedp.Flag("no-pings", true),
	chromedp.Flag("dns-prefetch-disable", true),
	chromedp.Flag("disable-features", "Translate,OptimizationHints,MediaRouter,InterestFeedContentSuggestions,CertificateTransparencyComponentUpdater,AutofillServerCommunication,NetworkTimeServiceQuerying,PreconnectToSearch"),
	chromedp.Flag("disable-search-engine-choice-screen", true),
	chromedp.Flag("no-service-autorun", true),
	chromedp.Flag("disable-component-extensions-with-background-pages", true),
	chromedp.Flag("disable-field-trial-config", true),
	chromedp.Flag("font-render-hinting", "none"),
}

// Start launches one headless Chromium with a fresh temporary profile. The
// process lives until Close, or until ctx ends (then it is killed, and Close
// still removes the profile). Start itself is bounded by opt.Timeout.
func Start(ctx context.Context, opt Options) (*Browser, error) {
	path, ok := Available()
	if !ok {
		if path != "" {
			return nil, fmt.Errorf("browser: start: %s=%s is not an executable file", EnvChromium, path)
		}
		return nil, fmt.Errorf("browser: start: no chromium found (install chromium or set %s)", EnvChromium)
	}
	b := &Browser{opt: opt, exe: program(path)}
	dir, err := os.MkdirTemp("", "prisonstats-chromium-")
	if err != nil {
		return nil, fmt.Errorf("browser: start %s: %w", b.exe, err)
	}
	b.dir = dir

	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(b.exe),
		chromedp.UserDataDir(dir),
		chromedp.WindowSize(1280, 800),
	)
	opts = append(opts, flags...)
	if !opt.AllowNetwork {
		p, err := newRefuser()
		if err != nil {
			os.RemoveAll(dir)
			return nil, fmt.Errorf("browser: start %s: %w", b.exe, err)
		}
		b.proxy = p
		// Every request goes to the refusing proxy, except those to the
		// loopback interface, which Chromium never proxies.
		opts = append(opts, chromedp.ProxyServer("http://"+p.addr()))
	}
	if opt.Output != nil {
		opts = append(opts, chromedp.CombinedOutput(opt.Output))
	}

	allocCtx, freeAlloc := chromedp.NewExecAllocator(ctx, opts...)
	bctx, stopBrowser := chromedp.NewContext(allocCtx)
	b.ctx, b.stop, b.free = bctx, stopBrowser, freeAlloc

	// The first Do starts the process and binds its life to bctx, so it must
	// not get a context with a timeout; the timer below bounds it instead.
	started := make(chan error, 1)
	go func() { started <- chromedp.Do(bctx) }()
	timer := time.NewTimer(opt.timeout())
	defer timer.Stop()
	select {
	case err = <-started:
	case <-timer.C:
		err = fmt.Errorf("timed out after %v", opt.timeout())
	case <-ctx.Done():
		err = ctx.Err()
	}
	if err != nil {
		b.Close()
		return nil, fmt.Errorf("browser: start %s: %w", b.exe, err)
	}
	if c := chromedp.FromContext(bctx); c != nil && c.Browser != nil && c.Browser.Process() != nil {
		b.pid = c.Browser.Process().Pid
	}
	return b, nil
}

// Close kills the Chromium process and its children and removes the
// temporary profile. It is safe to call more than once and after the context
// of Start ended; later calls return the first call's result.
func (b *Browser) Close() error {
	b.closeOnce.Do(func() {
		// Cancelling the first context kills the process (it runs under
		// exec.CommandContext) and waits until it exited.
		b.stop()
		b.free()
		killUsing(b.dir)
		if err := removeRetry(b.dir, 5*time.Second); err != nil {
			b.closeErr = fmt.Errorf("browser: close: removing profile: %w", err)
		}
		if b.proxy != nil {
			b.proxy.close()
		}
	})
	return b.closeErr
}

// PID returns the process id of the Chromium main process, or 0.
func (b *Browser) PID() int { return b.pid }

// ProfileDir returns the temporary profile directory, which Close removes.
func (b *Browser) ProfileDir() string { return b.dir }

// removeRetry removes dir, trying again for up to limit: a child that is
// being killed can still write in it.
func removeRetry(dir string, limit time.Duration) error {
	deadline := time.Now().Add(limit)
	for {
		err := os.RemoveAll(dir)
		if err == nil || time.Now().After(deadline) {
			if errors.Is(err, os.ErrNotExist) {
				return nil
			}
			return err
		}
		time.Sleep(20 * time.Millisecond)
	}
}
