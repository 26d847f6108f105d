package main

import (
	"bytes"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
)

// reloadScript asks the server for rebuild events and reloads the page.
// It is served only by `prisonstats serve`, never published.
const reloadScript = `(function(){var s=new EventSource("/__prisonstats/events");s.onmessage=function(){location.reload();};})();`

// reloader serves the site and tells open pages to reload after a rebuild.
type reloader struct {
	dir string
	mu  sync.Mutex
	chs map[chan struct{}]bool
}

func newReloader(dir string) *reloader {
	return &reloader{dir: dir, chs: map[chan struct{}]bool{}}
}

// notify tells every open page to reload.
func (rl *reloader) notify() {
	rl.mu.Lock()
	defer rl.mu.Unlock()
	for ch := range rl.chs {
		select {
		case ch <- struct{}{}:
		default:
		}
	}
}

func (rl *reloader) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	switch r.URL.Path {
	case "/__prisonstats/reload.js":
		w.Header().Set("Content-Type", "text/javascript")
		fmt.Fprint(w, reloadScript)
		return
	case "/__prisonstats/events":
		rl.events(w, r)
		return
	}
	// Pages get the reload script; everything else is served as it is.
	p := filepath.Join(rl.dir, filepath.FromSlash(r.URL.Path))
	if strings.HasSuffix(r.URL.Path, "/") {
		p = filepath.Join(p, "index.html")
	}
	if strings.HasSuffix(p, ".html") {
		if b, err := os.ReadFile(p); err == nil {
			tag := []byte(`<script src="/__prisonstats/reload.js" defer></script></body>`)
			b = bytes.Replace(b, []byte("</body>"), tag, 1)
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write(b)
			return
		}
	}
	http.FileServer(http.Dir(rl.dir)).ServeHTTP(w, r)
}

func (rl *reloader) events(w http.ResponseWriter, r *http.Request) {
	fl, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-cache")
	ch := make(chan struct{}, 1)
	rl.mu.Lock()
	rl.chs[ch] = true
	rl.mu.Unlock()
	defer func() {
		rl.mu.Lock()
		delete(rl.chs, ch)
		rl.mu.Unlock()
	}()
	fmt.Fprint(w, ": connected\n\n")
	fl.Flush()
	for {
		select {
		case <-r.Context().Done():
			return
		case <-ch:
			fmt.Fprint(w, "data: reload\n\n")
			fl.Flush()
		}
	}
}
