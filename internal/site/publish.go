package site

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"golang.org/x/sys/unix"
)

// publish puts the freshly built folder src in place of dst. Where the
// system can exchange two paths atomically (Linux renameat2), readers and a
// killed build only ever see the old tree or the new one; elsewhere the old
// tree is moved aside first. src must be on the same file system as dst.
func publish(src, dst string) error {
	if _, err := os.Lstat(dst); errors.Is(err, os.ErrNotExist) {
		return os.Rename(src, dst)
	}
	err := unix.Renameat2(unix.AT_FDCWD, src, unix.AT_FDCWD, dst, unix.RENAME_EXCHANGE)
	if err == nil {
		// src now holds the previous tree.
		return os.RemoveAll(src)
	}
	old := dst + ".old-" + filepath.Base(src)
	if err := os.Rename(dst, old); err != nil {
		return fmt.Errorf("publish: %w", err)
	}
	if err := os.Rename(src, dst); err != nil {
		_ = os.Rename(old, dst)
		return fmt.Errorf("publish: %w", err)
	}
	return os.RemoveAll(old)
}
