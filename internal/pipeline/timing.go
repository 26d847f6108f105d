package pipeline

import (
	"fmt"
	"io"
	"os"
	"time"
)

// timer prints "stage NAME SECONDS" lines to the log when the environment
// sets PRISONSTATS_TIMINGS=1; bench/run.sh reads them.
type timer struct {
	w    io.Writer
	last time.Time
}

func newTimer(w io.Writer) *timer {
	if os.Getenv("PRISONSTATS_TIMINGS") != "1" {
		w = nil
	}
	return &timer{w: w, last: time.Now()}
}

func (t *timer) stage(name string) {
	now := time.Now()
	if t.w != nil {
		fmt.Fprintf(t.w, "stage %s %.3f\n", name, now.Sub(t.last).Seconds())
	}
	t.last = now
}
