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

// sub returns a function printing the parts of the stage under way as
// "stage PREFIX.NAME SECONDS", timed from the last stage or part; the
// stage's own line still gives its whole time.
func (t *timer) sub(prefix string) func(name string) {
	last := time.Now()
	return func(name string) {
		now := time.Now()
		if t.w != nil {
			fmt.Fprintf(t.w, "stage %s.%s %.3f\n", prefix, name, now.Sub(last).Seconds())
		}
		last = now
	}
}

// report prints the time of a stage that ran beside the others.
func (t *timer) report(name string, d time.Duration) {
	if t.w != nil {
		fmt.Fprintf(t.w, "stage %s %.3f\n", name, d.Seconds())
	}
}
