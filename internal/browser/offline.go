package browser

import (
	"bufio"
	"net"
	"net/url"
	"strings"
	"sync"
	"time"
)

// refuser is the proxy that Chromium sends every request to when the network
// is not allowed: it reads the request line, closes the connection, and keeps
// the line. The request fails fast with a network error instead of waiting
// for a host that this machine cannot reach, and no DNS lookup happens (a
// proxied request leaves name resolution to the proxy). Chromium never
// proxies loopback addresses, so the site under test on 127.0.0.1 is served
// as usual.
type refuser struct {
	ln   net.Listener
	done sync.WaitGroup

	mu    sync.Mutex
	lines []string
}

func newRefuser() (*refuser, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	r := &refuser{ln: ln}
	r.done.Go(func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			r.done.Go(func() { r.refuse(c) })
		}
	})
	return r, nil
}

// refuse keeps the request line ("CONNECT host:443 HTTP/1.1", "GET
// http://host/x.js HTTP/1.1") and closes the connection.
func (r *refuser) refuse(c net.Conn) {
	defer c.Close()
	c.SetReadDeadline(time.Now().Add(time.Second))
	line, err := bufio.NewReaderSize(c, 4096).ReadString('\n')
	if err != nil && line == "" {
		line = "(no request line)"
	}
	r.mu.Lock()
	r.lines = append(r.lines, strings.TrimSpace(line))
	r.mu.Unlock()
}

func (r *refuser) refused() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]string(nil), r.lines...)
}

func (r *refuser) addr() string { return r.ln.Addr().String() }

func (r *refuser) close() {
	r.ln.Close()
	r.done.Wait()
}

// Refused returns the request lines of every connection that tried to leave
// the machine since Start, from pages and from Chromium itself, for example
// "CONNECT accounts.google.com:443 HTTP/1.1". It is nil with AllowNetwork.
func (b *Browser) Refused() []string {
	if b.proxy == nil {
		return nil
	}
	return b.proxy.refused()
}

// isLocal reports whether rawURL stays on this machine: a loopback host, or a
// scheme that needs no network (data:, blob:, about:, file:).
func isLocal(rawURL string) bool {
	u, err := url.Parse(rawURL)
	if err != nil {
		return false
	}
	switch u.Scheme {
	case "data", "blob", "about", "file", "chrome", "devtools":
		return true
	}
	h := u.Hostname()
	if h == "localhost" {
		return true
	}
	ip := net.ParseIP(h)
	return ip != nil && ip.IsLoopback()
}
