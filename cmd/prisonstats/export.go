package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"

	"github.com/prisonstats/prisonstats/internal/ingest"
	"github.com/prisonstats/prisonstats/internal/pipeline"
)

func cmdExport(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("export", stderr)
	c := &pipeline.Config{}
	fs.StringVar(&c.Root, "root", ".", "project folder")
	fs.StringVar(&c.Sources, "sources", "", "mapping file or folder (default ROOT/data/sources.toml)")
	fs.StringVar(&c.Places, "places", "", "gazetteer (default ROOT/data/places.toml, if present)")
	out := fs.String("o", "-", "output CSV file (- for standard output)")
	if err := parse(fs, args); err != nil {
		return err
	}
	res, err := pipeline.Check(ctx, *c)
	if err != nil {
		return err
	}
	// Export is for auditing what was read, so it writes the observations
	// even when check finds errors in them; it says so on stderr.
	if n := res.Findings.Errors(); n > 0 {
		fmt.Fprintf(stderr, "prisonstats: %d errors in the inputs (run prisonstats check to list them); exporting every value read\n", n)
	}
	w := stdout
	if *out != "-" {
		f, err := os.CreateTemp(dirOf(*out), ".export-*")
		if err != nil {
			return err
		}
		defer os.Remove(f.Name())
		bw := bufio.NewWriter(f)
		if err := ingest.WriteCSV(bw, res.Observations); err != nil {
			f.Close()
			return err
		}
		if err := bw.Flush(); err != nil {
			f.Close()
			return err
		}
		if err := f.Close(); err != nil {
			return err
		}
		return os.Rename(f.Name(), *out)
	}
	return ingest.WriteCSV(w, res.Observations)
}

func dirOf(p string) string {
	for i := len(p) - 1; i >= 0; i-- {
		if p[i] == '/' {
			return p[:i+1]
		}
	}
	return "."
}
