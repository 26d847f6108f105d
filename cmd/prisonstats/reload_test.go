package main

import (
	"bufio"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestServeInjectsReloadScriptAndSignalsRebuilds(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "index.html"), []byte("<html><body><p>hi</p></body></html>"), 0o644)
	os.WriteFile(filepath.Join(dir, "data.csv"), []byte("a,b\n</body>\n"), 0o644)
	rl := newReloader(dir)
	srv := httptest.NewServer(rl)
	defer srv.Close()

	get := func(path string) string {
		res, err := http.Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		return string(b)
	}
	if page := get("/"); !strings.Contains(page, `<script src="/__prisonstats/reload.js" defer></script></body>`) {
		t.Errorf("page served without the reload script: %s", page)
	}
	if csv := get("/data.csv"); csv != "a,b\n</body>\n" {
		t.Errorf("non-page file changed: %q", csv)
	}

	res, err := http.Get(srv.URL + "/__prisonstats/events")
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	r := bufio.NewReader(res.Body)
	if line, _ := r.ReadString('\n'); !strings.HasPrefix(line, ": connected") {
		t.Fatalf("first event line = %q", line)
	}
	got := make(chan string, 1)
	go func() {
		for {
			line, err := r.ReadString('\n')
			if err != nil {
				return
			}
			if strings.HasPrefix(line, "data:") {
				got <- line
				return
			}
		}
	}()
	rl.notify()
	select {
	case line := <-got:
		if !strings.Contains(line, "reload") {
			t.Errorf("event = %q, want reload", line)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("no reload event after notify")
	}
}
