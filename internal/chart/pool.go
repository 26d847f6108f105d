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
	p.mu.Lock()
	defer p.mu.Unlock()
	for i, r := range p.rs {
		if r.broken != nil {
			r.Close()
			fresh, err := NewRenderer(p.ctx, p.nodeModules, p.cacheDir)
			if err != nil {
				return err
			}
			p.rs[i] = fresh
		}
		p.rs[i].PNG = png
	}
	workers := min(len(p.rs), len(cs))
	if workers == 0 {
		return nil
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	next := make(chan int)
	go func() {
		defer close(next)
		for i := range cs {
			select {
			case next <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	errs := make([]error, workers)
	var wg sync.WaitGroup
	for w := range workers {
		r := p.rs[w]
		wg.Go(func() {
			for i := range next {
				if err := r.Render(ctx, cs[i:i+1]); err != nil {
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

// Close ends the pool's node processes.
func (p *Pool) Close() {
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
