package browser

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
)

// recorder collects what a tab reports while it loads a page. Its listen
// method runs in the loop that reads the tab's messages, so it only appends
// under a lock; by the time a later command returns, every event that arrived
// before the command's reply has been recorded.
type recorder struct {
	offline bool // requests that leave the machine are refused

	mu       sync.Mutex
	console  []string
	requests []*request // in the order they were sent, redirects included
	current  map[network.RequestID]*request
	inflight map[network.RequestID]bool
	last     time.Time // last network activity
}

// request is one URL the page asked for. A redirect makes a new request with
// the same protocol id.
type request struct {
	url     string
	status  int64  // HTTP status, 0 when no response came
	failure string // the network error, "" when none
}

func newRecorder(offline bool) *recorder {
	return &recorder{
		offline:  offline,
		current:  map[network.RequestID]*request{},
		inflight: map[network.RequestID]bool{},
		last:     time.Now(),
	}
}

func (r *recorder) listen(ev any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	switch ev := ev.(type) {
	case *runtime.EventConsoleAPICalled:
		switch ev.Type {
		case runtime.ConsoleAPICalledTypeError, runtime.ConsoleAPICalledTypeWarning, runtime.ConsoleAPICalledTypeAssert:
			r.console = append(r.console, string(ev.Type)+": "+argsText(ev.Args))
		}
	case *runtime.EventExceptionThrown:
		r.console = append(r.console, "exception: "+exceptionText(ev.ExceptionDetails))
	case *log.EventEntryAdded:
		// The browser's own log: failed resources, blocked mixed content,
		// deprecations. Errors and warnings only.
		e := ev.Entry
		if e == nil || (e.Level != log.EntryLevelError && e.Level != log.EntryLevelWarning) {
			return
		}
		text := e.Text
		if e.URL != "" && !strings.Contains(text, e.URL) {
			text += " (" + e.URL + ")"
		}
		r.console = append(r.console, string(e.Level)+": "+text)
	case *network.EventRequestWillBeSent:
		if ev.Request == nil {
			return
		}
		r.last = time.Now()
		r.inflight[ev.RequestID] = true
		req := &request{url: ev.Request.URL}
		if prev := r.current[ev.RequestID]; prev != nil && ev.RedirectResponse != nil {
			prev.status = ev.RedirectResponse.Status
		}
		r.current[ev.RequestID] = req
		r.requests = append(r.requests, req)
	case *network.EventResponseReceived:
		r.last = time.Now()
		if req := r.current[ev.RequestID]; req != nil && ev.Response != nil {
			req.status = ev.Response.Status
		}
	case *network.EventResponseReceivedExtraInfo:
		// The only report of the status when Chromium refuses the response,
		// for example a style sheet that is a 404 page.
		if req := r.current[ev.RequestID]; req != nil && req.status == 0 {
			req.status = ev.StatusCode
		}
	case *network.EventLoadingFinished:
		r.last = time.Now()
		delete(r.inflight, ev.RequestID)
	case *network.EventLoadingFailed:
		r.last = time.Now()
		delete(r.inflight, ev.RequestID)
		req := r.current[ev.RequestID]
		if req == nil {
			return
		}
		reason := ev.ErrorText
		if ev.BlockedReason != "" {
			reason += " (blocked: " + string(ev.BlockedReason) + ")"
		}
		if ev.Canceled {
			reason += " (canceled)"
		}
		if r.offline && !isLocal(req.url) {
			reason += " (refused: the request would leave the machine)"
		}
		req.failure = reason
	}
}

// idle reports whether no request is in flight and nothing happened on the
// network for quiet.
func (r *recorder) idle(quiet time.Duration) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.inflight) == 0 && time.Since(r.last) >= quiet
}

// report returns a copy of what was recorded so far. Inline data: URLs are
// left out: they are no requests.
func (r *recorder) report() *Visit {
	r.mu.Lock()
	defer r.mu.Unlock()
	v := &Visit{Console: append([]string(nil), r.console...)}
	for _, req := range r.requests {
		if strings.HasPrefix(req.url, "data:") {
			continue
		}
		v.Requests = append(v.Requests, req.url)
		var why []string
		if req.status >= 400 {
			why = append(why, fmt.Sprintf("HTTP %d %s", req.status, http.StatusText(int(req.status))))
		}
		if req.failure != "" {
			why = append(why, req.failure)
		}
		if len(why) > 0 {
			v.Failed = append(v.Failed, req.url+": "+strings.Join(why, "; "))
		}
	}
	return v
}

// argsText renders the arguments of a console call roughly as DevTools does:
// strings as they are, other values by their value or description.
func argsText(args []*runtime.RemoteObject) string {
	parts := make([]string, 0, len(args))
	for _, a := range args {
		parts = append(parts, valueText(a))
	}
	return strings.Join(parts, " ")
}

func valueText(o *runtime.RemoteObject) string {
	if o == nil {
		return "null"
	}
	if o.Type == runtime.RemoteObjectTypeString {
		var s string
		if json.Unmarshal(o.Value, &s) == nil {
			return s
		}
	}
	switch {
	case o.Type == runtime.RemoteObjectTypeUndefined:
		return "undefined"
	case o.UnserializableValue != "":
		return string(o.UnserializableValue)
	case o.Description != "":
		return o.Description
	case len(o.Value) > 0:
		return string(o.Value)
	}
	return string(o.Type)
}

// exceptionText is "Uncaught Error: message", without the stack.
func exceptionText(d *runtime.ExceptionDetails) string {
	if d == nil {
		return "unknown exception"
	}
	text := d.Text
	if d.Exception != nil {
		desc, _, _ := strings.Cut(valueText(d.Exception), "\n")
		text = strings.TrimSpace(text + " " + desc)
	}
	return text
}
