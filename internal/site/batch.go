package site

import (
	"os"
	"path/filepath"
	"sync"
)

// batch writes many small files at once. A site has a few thousand
// downloads (each chart's CSV, SVG and PNG); creating them is mostly the
// kernel's work, which several goroutines spread over the cores.
type batch struct {
	paths []string
	data  [][]byte
}

func (b *batch) add(path string, data []byte) {
	b.paths = append(b.paths, path)
	b.data = append(b.data, data)
}

// write makes the folders, then writes every file; the error is the first
// in the order the files were added.
func (b *batch) write() error {
	dirs := map[string]bool{}
	for _, p := range b.paths {
		if d := filepath.Dir(p); !dirs[d] {
			dirs[d] = true
			if err := os.MkdirAll(d, 0o755); err != nil {
				return err
			}
		}
	}
	errs := make([]error, len(b.paths))
	next := make(chan int)
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for i := range next {
				errs[i] = os.WriteFile(b.paths[i], b.data[i], 0o644)
			}
		})
	}
	for i := range b.paths {
		next <- i
	}
	close(next)
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}
