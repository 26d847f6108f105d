package pipeline

import (
	"io/fs"
	"os"
	"path/filepath"
	"time"
)

// Starting node (to draw charts) takes about a third of a second, which a
// build whose data changed would otherwise wait for at the chart stage. It
// is started at the beginning instead, while the data is read, when charts
// are likely to miss the cache; a build with nothing changed does not start
// it at all. The guess only decides when node starts, never what is drawn.

// builtStamp is touched after every published build.
func builtStamp(c Config) string { return filepath.Join(c.Work, "last-build") }

// markBuilt records a published build.
func markBuilt(c Config) {
	now := time.Now()
	if err := os.Chtimes(builtStamp(c), now, now); err != nil {
		os.WriteFile(builtStamp(c), nil, 0o644)
	}
}

// chartsLikelyStale reports whether charts may miss the cache: no build was
// recorded, or the program, the chart definitions or a file under data/ or
// i18n/ changed since the last one.
func chartsLikelyStale(c Config) bool {
	st, err := os.Stat(builtStamp(c))
	if err != nil {
		return true
	}
	since := st.ModTime()
	if exe, err := os.Executable(); err == nil {
		if info, err := os.Stat(exe); err == nil && info.ModTime().After(since) {
			return true
		}
	}
	for _, dir := range []string{filepath.Join(c.Root, "data"), filepath.Join(c.Root, "i18n"), c.Charts} {
		changed := false
		filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return nil // unreadable: the build itself will say so
			}
			if info, err := d.Info(); err == nil && info.ModTime().After(since) {
				changed = true
				return filepath.SkipAll
			}
			return nil
		})
		if changed {
			return true
		}
	}
	return false
}
