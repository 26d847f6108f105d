package main

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/prisonstats/prisonstats/internal/pack"
	"github.com/prisonstats/prisonstats/internal/pipeline"
)

func projectFlags(name string, stderr io.Writer) (*pipeline.Config, *bool, func([]string) error) {
	fs := newFlags(name, stderr)
	c := &pipeline.Config{}
	packs := fs.Bool("packs", true, "print the briefing packs too (skipped with a note when Chromium is missing)")
	fs.StringVar(&c.Root, "root", ".", "project folder (data/, charts/, content/, hugo.toml)")
	fs.StringVar(&c.Sources, "sources", "", "mapping file or folder (default ROOT/data/sources.toml)")
	fs.StringVar(&c.Out, "o", "", "where to publish the site (default ROOT/public)")
	return c, packs, func(args []string) error {
		if err := parse(fs, args); err != nil {
			return err
		}
		if fs.NArg() > 0 {
			return usageError{fmt.Sprintf("%s takes no arguments, got %q", name, fs.Arg(0))}
		}
		return nil
	}
}

func cmdBuild(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	c, packs, parseArgs := projectFlags("build", stderr)
	if err := parseArgs(args); err != nil {
		return err
	}
	c.Log = stderr
	if *packs {
		c.BeforePublish = printPacks(c, pack.Options{}, false, stderr)
	}
	start := time.Now()
	if err := pipeline.Build(ctx, *c); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "prisonstats: site built in %s\n", time.Since(start).Round(time.Millisecond))
	return nil
}
