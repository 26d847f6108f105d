//go:build !unix

package browser

// killUsing does nothing where there is no /proc and no kill(2); Close still
// kills the main process through its context.
func killUsing(dir string) {}
