package site

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"sync"
)

// batch writes many small files at once. A site has a few thousand
// downloads (each chart's CSV, SVG and PNG). Creating a file is kernel work
// that several goroutines spread over the cores; and a file the published
// site already holds with the same bytes is hard-linked from there instead
// of created: on ext4, creating thousands of files right after the last
// build deleted thousands was most of a build's system time (the inode
// allocator skips recently deleted inodes one by one), and a link
// allocates no inode.
type batch struct {
	paths []string
	data  [][]byte
	// Files under from are looked for under prev (the published tree).
	from, prev string
}

func (b *batch) add(path string, data []byte) {
	b.paths = append(b.paths, path)
	b.data = append(b.data, data)
}

// write makes the folders, then writes (or links) every file; the error is
// the first in the order the files were added.
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
				if old := b.published(b.paths[i], b.data[i]); old != "" && os.Link(old, b.paths[i]) == nil {
					continue
				}
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

// published is the published file that holds exactly data for path, or "".
func (b *batch) published(path string, data []byte) string {
	if b.prev == "" || b.from == "" {
		return ""
	}
	rel, ok := strings.CutPrefix(path, b.from+string(filepath.Separator))
	if !ok {
		return ""
	}
	old := filepath.Join(b.prev, rel)
	info, err := os.Lstat(old)
	if err != nil || !info.Mode().IsRegular() || info.Size() != int64(len(data)) {
		return ""
	}
	got, err := os.ReadFile(old)
	if err != nil || !bytes.Equal(got, data) {
		return ""
	}
	return old
}
