package main

import (
	"bufio"
	"context"
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
	out := fs.String("o", "-", "output CSV file (- for standard output)")
	if err := parse(fs, args); err != nil {
		return err
	}
	res, err := pipeline.Check(ctx, *c)
	if err != nil {
		return err
	}
	for _, f := range res.Findings {
		if f.Severity == 0 {
			io.WriteString(stderr, "prisonstats: "+f.Error()+"\n")
		}
	}
	if err := res.Findings.Err(); err != nil {
		return err
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
