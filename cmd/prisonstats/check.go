package main

import (
	"context"
	"io"

	"github.com/prisonstats/prisonstats/internal/check"
	"github.com/prisonstats/prisonstats/internal/pipeline"
)

func cmdCheck(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("check", stderr)
	c := &pipeline.Config{}
	fs.StringVar(&c.Root, "root", ".", "project folder")
	fs.StringVar(&c.Sources, "sources", "", "mapping file or folder (default ROOT/data/sources.toml)")
	fs.StringVar(&c.Places, "places", "", "gazetteer (default ROOT/data/places.toml, if present)")
	format := fs.String("format", "text", "output format: text or json")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *format != "text" && *format != "json" {
		return usageError{"-format must be text or json"}
	}
	res, err := pipeline.Check(ctx, *c)
	if err != nil {
		return err
	}
	if err := check.Write(stdout, res.Findings, *format); err != nil {
		return err
	}
	return res.Findings.Err()
}
