package browser

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
)

func str(s string) *runtime.RemoteObject {
	v, _ := json.Marshal(s)
	return &runtime.RemoteObject{Type: runtime.RemoteObjectTypeString, Value: v}
}

func num(n string) *runtime.RemoteObject {
	return &runtime.RemoteObject{Type: runtime.RemoteObjectTypeNumber, Value: []byte(n), Description: n}
}

func sent(id, url string) *network.EventRequestWillBeSent {
	return &network.EventRequestWillBeSent{RequestID: network.RequestID(id), Request: &network.Request{URL: url}}
}

func TestRecorderReport(t *testing.T) {
	tests := []struct {
		name    string
		offline bool
		events  []any
		want    Visit
	}{
		{
			name: "console errors and warnings only",
			events: []any{
				&runtime.EventConsoleAPICalled{Type: runtime.ConsoleAPICalledTypeLog, Args: []*runtime.RemoteObject{str("hello")}},
				&runtime.EventConsoleAPICalled{Type: runtime.ConsoleAPICalledTypeError, Args: []*runtime.RemoteObject{str("boom"), num("42")}},
				&runtime.EventConsoleAPICalled{Type: runtime.ConsoleAPICalledTypeWarning, Args: []*runtime.RemoteObject{{Type: runtime.RemoteObjectTypeUndefined}}},
				&runtime.EventExceptionThrown{ExceptionDetails: &runtime.ExceptionDetails{Text: "Uncaught", Exception: &runtime.RemoteObject{Type: runtime.RemoteObjectTypeObject, Description: "Error: kaput\n    at x.js:1:1"}}},
				&log.EventEntryAdded{Entry: &log.Entry{Level: log.EntryLevelInfo, Text: "info"}},
				&log.EventEntryAdded{Entry: &log.Entry{Level: log.EntryLevelError, Text: "Failed to load resource", URL: "http://127.0.0.1/a.css"}},
			},
			want: Visit{Console: []string{
				"error: boom 42",
				"warning: undefined",
				"exception: Uncaught Error: kaput",
				"error: Failed to load resource (http://127.0.0.1/a.css)",
			}},
		},
		{
			name:    "requests, statuses and failures",
			offline: true,
			events: []any{
				sent("1", "http://127.0.0.1/"),
				&network.EventResponseReceived{RequestID: "1", Response: &network.Response{URL: "http://127.0.0.1/", Status: 200}},
				&network.EventLoadingFinished{RequestID: "1"},
				sent("2", "data:image/png;base64,AAAA"),
				&network.EventLoadingFinished{RequestID: "2"},
				sent("3", "http://127.0.0.1/old.css"),
				&network.EventRequestWillBeSent{RequestID: "3", Request: &network.Request{URL: "http://127.0.0.1/new.css"}, RedirectResponse: &network.Response{Status: 301}},
				&network.EventResponseReceivedExtraInfo{RequestID: "3", StatusCode: 404},
				&network.EventLoadingFailed{RequestID: "3", ErrorText: "net::ERR_ABORTED", Canceled: true},
				sent("4", "http://203.0.113.1/x.js"),
				&network.EventLoadingFailed{RequestID: "4", ErrorText: "net::ERR_CONNECTION_RESET"},
				sent("5", "http://127.0.0.1/gone.png"),
				&network.EventResponseReceived{RequestID: "5", Response: &network.Response{URL: "http://127.0.0.1/gone.png", Status: 410}},
				&network.EventLoadingFinished{RequestID: "5"},
			},
			want: Visit{
				Requests: []string{
					"http://127.0.0.1/",
					"http://127.0.0.1/old.css",
					"http://127.0.0.1/new.css",
					"http://203.0.113.1/x.js",
					"http://127.0.0.1/gone.png",
				},
				Failed: []string{
					"http://127.0.0.1/new.css: HTTP 404 Not Found; net::ERR_ABORTED (canceled)",
					"http://203.0.113.1/x.js: net::ERR_CONNECTION_RESET (refused: the request would leave the machine)",
					"http://127.0.0.1/gone.png: HTTP 410 Gone",
				},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := newRecorder(tt.offline)
			for _, ev := range tt.events {
				r.listen(ev)
			}
			if got := r.report(); !reflect.DeepEqual(*got, tt.want) {
				t.Errorf("report() =\n%#v\nwant\n%#v", *got, tt.want)
			}
		})
	}
}

func TestRecorderIdle(t *testing.T) {
	r := newRecorder(false)
	r.listen(sent("1", "http://127.0.0.1/"))
	if r.idle(0) {
		t.Errorf("idle with a request in flight = true, want false")
	}
	r.listen(&network.EventLoadingFinished{RequestID: "1"})
	if !r.idle(0) {
		t.Errorf("idle after the request finished = false, want true")
	}
}

func TestIsLocal(t *testing.T) {
	tests := []struct {
		url  string
		want bool
	}{
		{"http://127.0.0.1:8080/x", true},
		{"http://localhost/x", true},
		{"http://[::1]:80/", true},
		{"data:,", true},
		{"about:blank", true},
		{"http://203.0.113.1/x.js", false},
		{"https://cdn.jsdelivr.net/npm/echarts", false},
		{"http://10.0.0.1/", false},
		{"://bad", false},
	}
	for _, tt := range tests {
		if got := isLocal(tt.url); got != tt.want {
			t.Errorf("isLocal(%q) = %v, want %v", tt.url, got, tt.want)
		}
	}
}
