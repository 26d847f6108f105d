package main

import (
	"os"
	"runtime/pprof"
)

// startProfile writes a CPU profile to $PRISONSTATS_CPUPROFILE when it is
// set (for bench/: where a build spends its time); the returned function
// ends it.
func startProfile() func() {
	path := os.Getenv("PRISONSTATS_CPUPROFILE")
	if path == "" {
		return func() {}
	}
	f, err := os.Create(path)
	if err != nil {
		return func() {}
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return func() {}
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}
}
