package site

import (
	"os"
	"path/filepath"

	"golang.org/x/sys/unix"
)

// newBuildDir makes a build folder holding a locked file for as long as
// the build runs, so that another build can tell a live folder from one a
// killed build left behind.
func newBuildDir(workRoot string) (dir string, unlock func(), err error) {
	dir, err = os.MkdirTemp(workRoot, "build-")
	if err != nil {
		return "", nil, err
	}
	f, err := os.OpenFile(filepath.Join(dir, ".lock"), os.O_CREATE|os.O_RDWR, 0o600)
	if err != nil {
		os.RemoveAll(dir)
		return "", nil, err
	}
	if err := unix.Flock(int(f.Fd()), unix.LOCK_EX); err != nil {
		f.Close()
		os.RemoveAll(dir)
		return "", nil, err
	}
	return dir, func() { f.Close() }, nil
}

// removeStale deletes the build folders (and their half-rendered trees
// beside out) of builds that are no longer running.
func removeStale(workRoot, out string) {
	dirs, _ := filepath.Glob(filepath.Join(workRoot, "build-*"))
	for _, d := range dirs {
		f, err := os.Open(filepath.Join(d, ".lock"))
		if err != nil {
			if os.IsNotExist(err) {
				// A folder without a lock is being made right now, or was
				// left before its lock was taken; leave it this time.
				continue
			}
			continue
		}
		if unix.Flock(int(f.Fd()), unix.LOCK_EX|unix.LOCK_NB) != nil {
			f.Close() // a live build holds it
			continue
		}
		os.RemoveAll(destFor(out, d))
		os.RemoveAll(d)
		f.Close()
	}
}
