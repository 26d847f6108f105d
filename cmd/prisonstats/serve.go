package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"time"

	"github.com/prisonstats/prisonstats/internal/pipeline"
)

// cmdServe builds the site, serves it on localhost and rebuilds whenever a
// file under data/, charts/, content/, layouts/, i18n/ or assets/ changes.
// A failed rebuild keeps serving the last good site and prints why; after a
// good one, open pages reload themselves.
func cmdServe(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fsFlags := newFlags("serve", stderr)
	c := &pipeline.Config{}
	fsFlags.StringVar(&c.Root, "root", ".", "project folder")
	addr := fsFlags.String("addr", "127.0.0.1:1313", "address to listen on")
	if err := parse(fsFlags, args); err != nil {
		return err
	}
	c.Log = stderr
	pool, err := pipeline.NewRenderers(ctx, *c)
	if err != nil {
		return err
	}
	defer pool.Close()
	c.Renderers = pool // node stays up between rebuilds
	if err := pipeline.Build(ctx, *c); err != nil {
		return err
	}
	out := c.Out
	if out == "" {
		out = filepath.Join(c.Root, "public")
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	rl := newReloader(out)
	srv := &http.Server{Handler: rl, ReadHeaderTimeout: 5 * time.Second}
	go srv.Serve(ln)
	defer srv.Close()
	fmt.Fprintf(stdout, "prisonstats: serving http://%s/ (Ctrl+C to stop)\n", ln.Addr())

	last := stamp(c.Root)
	tick := time.NewTicker(200 * time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-tick.C:
		}
		now := stamp(c.Root)
		if now == last {
			continue
		}
		last = now
		start := time.Now()
		if err := pipeline.Build(ctx, *c); err != nil {
			if errors.Is(err, context.Canceled) {
				return nil
			}
			fmt.Fprintln(stderr, "prisonstats: rebuild failed, still serving the last good site:", err)
			continue
		}
		fmt.Fprintf(stdout, "prisonstats: rebuilt in %s\n", time.Since(start).Round(time.Millisecond))
		rl.notify()
	}
}

// stamp sums the modification times and sizes of the watched files, so any
// change, addition or removal changes it.
func stamp(root string) int64 {
	var s int64
	for _, dir := range []string{"data", "charts", "content", "layouts", "i18n", "assets", "hugo.toml"} {
		filepath.WalkDir(filepath.Join(root, dir), func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return nil
			}
			if fi, err := os.Stat(p); err == nil {
				s += fi.ModTime().UnixNano() ^ fi.Size()<<1
				s++
			}
			return nil
		})
	}
	return s
}
