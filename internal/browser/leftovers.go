//go:build unix

package browser

import (
	"bytes"
	"os"
	"strconv"
	"syscall"
	"time"
)

// killUsing kills the processes whose command line holds
// --user-data-dir=dir, that is the children of our Chromium that can outlive
// the main process (zygote, network service, crashpad handler). The profile
// directory is unique to one Browser, so no other process matches. It looks
// again until three passes in a row find nothing, for at most two seconds. On
// systems without /proc it does nothing.
func killUsing(dir string) {
	if dir == "" {
		return
	}
	want := []byte("--user-data-dir=" + dir)
	deadline := time.Now().Add(2 * time.Second)
	for quiet := 0; quiet < 3 && time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		if killMatching(want) == 0 {
			quiet++
		} else {
			quiet = 0
		}
	}
}

func killMatching(want []byte) int {
	entries, err := os.ReadDir("/proc")
	if err != nil {
		return 0
	}
	self := os.Getpid()
	n := 0
	for _, e := range entries {
		pid, err := strconv.Atoi(e.Name())
		if err != nil || pid == self {
			continue
		}
		cmdline, err := os.ReadFile("/proc/" + e.Name() + "/cmdline")
		if err != nil {
			continue
		}
		for arg := range bytes.SplitSeq(cmdline, []byte{0}) {
			if bytes.Equal(arg, want) {
				if syscall.Kill(pid, syscall.SIGKILL) == nil {
					n++
				}
				break
			}
		}
	}
	return n
}
