package main

import (
	"bufio"
	"context"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/prisonstats/prisonstats/internal/manifest"
	"github.com/prisonstats/prisonstats/internal/testenv"
	"github.com/xuri/excelize/v2"
)

// BenchmarkServeRefresh measures what an office sees with `prisonstats
// serve` open: the time from saving a changed export (one count in the
// sample workbook, recorded as a new release) to the open page being told
// to reload with the rebuilt site. It includes the watcher's polling
// (200 ms), so half of that on average.
func BenchmarkServeRefresh(b *testing.B) {
	testenv.NeedNodeModules(b)
	hugo := testenv.Hugo(b)
	repo := testenv.Root()
	dir := b.TempDir()
	for _, d := range []string{"layouts", "content", "i18n", "charts", "assets", "static", "data"} {
		if err := os.CopyFS(filepath.Join(dir, d), os.DirFS(filepath.Join(repo, d))); err != nil {
			b.Fatal(err)
		}
	}
	for _, f := range []string{"hugo.toml"} {
		raw, err := os.ReadFile(filepath.Join(repo, f))
		if err != nil {
			b.Fatal(err)
		}
		os.WriteFile(filepath.Join(dir, f), raw, 0o644)
	}
	os.Symlink(filepath.Join(repo, "node_modules"), filepath.Join(dir, "node_modules"))
	b.Setenv("PRISONSTATS_HUGO", hugo)

	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan int)
	go func() {
		done <- Main(ctx, []string{"serve", "-root", dir, "-addr", addr}, io.Discard, io.Discard)
	}()
	defer func() { cancel(); <-done }()

	var events *bufio.Reader
	deadline := time.Now().Add(2 * time.Minute)
	for events == nil {
		if time.Now().After(deadline) {
			b.Fatal("serve did not start")
		}
		res, err := http.Get("http://" + addr + "/__prisonstats/events")
		if err != nil {
			time.Sleep(100 * time.Millisecond)
			continue
		}
		defer res.Body.Close()
		events = bufio.NewReader(res.Body)
		events.ReadString('\n') // ": connected"
	}
	reloads := make(chan struct{}, 1)
	go func() {
		for {
			line, err := events.ReadString('\n')
			if err != nil {
				return
			}
			if strings.HasPrefix(line, "data: reload") {
				reloads <- struct{}{}
			}
		}
	}()

	book := filepath.Join(dir, "data", "raw", "gdp-prisons-2008-2015.xlsx")
	for i := 0; b.Loop(); i++ {
		b.StopTimer()
		f, err := excelize.OpenFile(book)
		if err != nil {
			b.Fatal(err)
		}
		f.SetCellValue("2015", "E5", 900+i) // men in the first prison (total is not re-derived: a warning)
		if err := f.Save(); err != nil {
			b.Fatal(err)
		}
		f.Close()
		m, err := manifest.Add(dir, book, manifest.Meta{Publisher: "bench", Licence: "CC0-1.0", Received: "2016-02-0" + strconv.Itoa(1+i%9), NewRelease: true})
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		if err := m.Save(filepath.Join(dir, filepath.FromSlash(manifest.Path))); err != nil {
			b.Fatal(err)
		}
		select {
		case <-reloads:
		case <-time.After(2 * time.Minute):
			b.Fatal("no reload after the export changed")
		}
	}
}
