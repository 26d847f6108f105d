package chart

import (
	"context"
	"errors"
	"sync"
)

// Pool is a set of renderers, one node process each at most (started only
// when a chart misses the cache), that can draw several builds' charts in
// turn: `serve` keeps one for its whole life so a rebuild does not start
// node again. A renderer whose process died is replaced on the next use.
type Pool struct {
	ctx                   context.Context
	nodeModules, cacheDir string
	mu                    sync.Mutex // one Render at a time
	rs                    []*Renderer
	starting              sync.WaitGroup // Start's goroutines
}

// Start starts the renderers' node processes in the background, before
// any chart is asked for, so that a build expecting charts the cache lacks
// does not wait for node to load echarts (a third of a second) when it
// gets there. Rendering waits for these starts; one that failed is tried
// again then and reports its error.
func (p *Pool) Start() {
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, r := range p.rs {
		p.starting.Go(func() {
			r.mu.Lock()
			defer r.mu.Unlock()
			if r.cmd == nil && r.broken == nil {
				if err := r.start(); err != nil {
					r.broken = err
				}
			}
		})
	}
}

// NewPool makes a pool of n renderers over nodeModules sharing cacheDir.
// ctx ends their processes.
func NewPool(ctx context.Context, nodeModules, cacheDir string, n int) (*Pool, error) {
	p := &Pool{ctx: ctx, nodeModules: nodeModules, cacheDir: cacheDir}
	for range max(n, 1) {
		r, err := NewRenderer(ctx, nodeModules, cacheDir)
		if err != nil {
			p.Close()
			return nil, err
		}
		p.rs = append(p.rs, r)
	}
	return p, nil
}

// Render draws every chart, handing them out one at a time to the pool's
// renderers. With png set, PNGs are drawn too.
func (p *Pool) Render(ctx context.Context, cs []Chart, png bool) error {
	return p.each(ctx, cs, png, (*Renderer).Render)
}

// Draw draws every chart's SVG and PNG and returns once the SVGs are
// drawn; the PNGs go on being drawn, and wait waits for them (Draw's
// caller makes the pages meanwhile, which need only the SVGs). Half the
// renderers draw SVGs and hand each chart, as soon as its SVG is drawn, to
// the other half, which draw PNGs from it: a PNG-only node never runs (nor
// compiles) ECharts' code, and the two kinds of work overlap. With one
// renderer, it draws the SVGs and then the PNGs. wait must be called (it
// releases the pool); the charts' PNG fields are written until it returns.
func (p *Pool) Draw(ctx context.Context, cs []Chart) (wait func(context.Context) error, err error) {
	p.mu.Lock()
	released := false
	defer func() {
		if !released {
			p.mu.Unlock()
		}
	}()
	p.starting.Wait()
	if err := p.replaceBroken(); err != nil {
		return nil, err
	}
	for _, r := range p.rs {
		r.PNG = false
	}
	svgRs, pngRs := p.rs[:max(1, len(p.rs)/2)], p.rs[max(1, len(p.rs)/2):]
	if len(pngRs) == 0 {
		pngRs = svgRs // one renderer: the PNGs after the SVGs
	}
	svgCtx, cancel := context.WithCancel(ctx)
	defer cancel()
	drawn := make(chan int, len(cs)) // charts whose SVG is drawn
	pngCtx, pngCancel := context.WithCancel(ctx)
	pngErrs := make([]error, len(pngRs))
	var pngWG sync.WaitGroup
	startPNG := func() {
		for w, r := range pngRs {
			pngWG.Go(func() {
				for i := range drawn {
					if err := r.RenderPNG(pngCtx, cs[i:i+1]); err != nil {
						pngErrs[w] = errors.Join(pngErrs[w], err)
						if r.broken != nil {
							pngCancel()
							return
						}
					}
				}
			})
		}
	}
	overlap := &pngRs[0] != &svgRs[0]
	if overlap {
		startPNG()
	}
	next := feed(svgCtx, len(cs))
	svgErrs := make([]error, len(svgRs))
	var wg sync.WaitGroup
	for w, r := range svgRs {
		wg.Go(func() {
			for i := range next {
				if err := r.Render(svgCtx, cs[i:i+1]); err != nil {
					svgErrs[w] = errors.Join(svgErrs[w], err)
					if r.broken != nil {
						cancel() // node is gone: stop handing out charts
						return
					}
					continue
				}
				drawn <- i
			}
		})
	}
	wg.Wait()
	close(drawn)
	err = errors.Join(svgErrs...)
	if err == nil {
		err = svgCtx.Err()
	}
	if err != nil {
		pngCancel()
		pngWG.Wait()
		return nil, err
	}
	if !overlap {
		startPNG()
	}
	// From here the pool is released by wait, once the PNGs are drawn.
	released = true
	done := make(chan struct{})
	var pngErr error
	go func() {
		defer close(done)
		pngWG.Wait()
		pngErr = errors.Join(pngErrs...)
		if pngErr == nil {
			pngErr = pngCtx.Err()
		}
		pngCancel()
		p.mu.Unlock()
	}()
	return func(wctx context.Context) error {
		select {
		case <-done:
			return pngErr
		case <-wctx.Done():
			pngCancel()
			<-done
			return wctx.Err()
		}
	}, nil
}

// replaceBroken replaces the renderers whose process died.
func (p *Pool) replaceBroken() error {
	for i, r := range p.rs {
		if r.broken != nil {
			r.Close()
			fresh, err := NewRenderer(p.ctx, p.nodeModules, p.cacheDir)
			if err != nil {
				return err
			}
			p.rs[i] = fresh
		}
	}
	return nil
}

// each hands the charts out one at a time to the pool's renderers (each
// replaced first if its process died), calling do for each.
func (p *Pool) each(ctx context.Context, cs []Chart, png bool, do func(*Renderer, context.Context, []Chart) error) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.starting.Wait()
	if err := p.replaceBroken(); err != nil {
		return err
	}
	for _, r := range p.rs {
		r.PNG = png
	}
	workers := min(len(p.rs), len(cs))
	if workers == 0 {
		return nil
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	next := feed(ctx, len(cs))
	errs := make([]error, workers)
	var wg sync.WaitGroup
	for w := range workers {
		r := p.rs[w]
		wg.Go(func() {
			for i := range next {
				if err := do(r, ctx, cs[i:i+1]); err != nil {
					errs[w] = errors.Join(errs[w], err)
					if r.broken != nil {
						cancel() // node is gone: stop handing out charts
						return
					}
				}
			}
		})
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return err
	}
	return ctx.Err()
}

// feed hands out 0..n-1, one at a time, until ctx ends.
func feed(ctx context.Context, n int) <-chan int {
	next := make(chan int)
	go func() {
		defer close(next)
		for i := range n {
			select {
			case next <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	return next
}

// Close ends the pool's node processes.
func (p *Pool) Close() {
	p.starting.Wait()
	for _, r := range p.rs {
		r.Close()
	}
}

// RenderAll draws every chart with up to workers node processes at once
// (each started only when a chart misses the cache), sharing one cache.
func RenderAll(ctx context.Context, nodeModules, cacheDir string, cs []Chart, workers int, png bool) error {
	p, err := NewPool(ctx, nodeModules, cacheDir, min(workers, max(len(cs), 1)))
	if err != nil {
		return err
	}
	defer p.Close()
	return p.Render(ctx, cs, png)
}
