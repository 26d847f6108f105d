package chart

import (
	"context"
	"errors"
	"sync"
)

// RenderAll draws every chart with up to workers node processes at once
// (each started only when a chart misses the cache), sharing one cache.
// Charts are handed out one at a time, so a slow chart does not hold up a
// whole share. With png set, PNGs are drawn too.
func RenderAll(ctx context.Context, nodeModules, cacheDir string, cs []Chart, workers int, png bool) error {
	if workers < 1 {
		workers = 1
	}
	workers = min(workers, len(cs))
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
		r, err := NewRenderer(ctx, nodeModules, cacheDir)
		if err != nil {
			cancel()
			wg.Wait()
			return err
		}
		r.PNG = png
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer r.Close()
			for i := range next {
				if err := r.Render(ctx, cs[i:i+1]); err != nil {
					errs[w] = errors.Join(errs[w], err)
					if r.broken != nil {
						cancel() // node is gone: stop handing out charts
						return
					}
				}
			}
		}()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return err
	}
	return ctx.Err()
}
