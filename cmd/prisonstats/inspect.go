package main

import (
	"context"
	"io"

	"github.com/prisonstats/prisonstats/internal/ingest"
)

func cmdInspect(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("inspect", stderr)
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usageError{"inspect takes one file: prisonstats inspect FILE"}
	}
	return ingest.Inspect(stdout, fs.Arg(0))
}
