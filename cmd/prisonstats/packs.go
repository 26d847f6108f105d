package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/prisonstats/prisonstats/internal/pack"
	"github.com/prisonstats/prisonstats/internal/pipeline"
)

// printPacks returns the step that prints the briefing packs on the
// finished tree. With required false (build), a missing Chromium skips the
// packs with a note; with required true (packs), it is an error.
func printPacks(c *pipeline.Config, opt pack.Options, required bool, stderr io.Writer) func(context.Context, string) error {
	return func(ctx context.Context, dir string) error {
		opt.Dir, opt.Root, opt.Log = dir, c.Root, stderr
		if opt.CacheDir == "" {
			work := c.Work
			if work == "" {
				work = os.Getenv("PRISONSTATS_WORK")
			}
			if work == "" {
				work = filepath.Join(c.Root, ".prisonstats")
			}
			opt.CacheDir = filepath.Join(work, "pdf-cache")
		}
		_, err := pack.Run(ctx, opt) // it reports what it printed to opt.Log
		if errors.Is(err, pack.ErrNoChromium) && !required {
			fmt.Fprintln(stderr, "prisonstats: note: briefing packs skipped:", err)
			return nil // Run removed the restricted pages already
		}
		if err != nil {
			return fmt.Errorf("packs: %w", err)
		}
		return nil
	}
}

// cmdPacks builds the site and prints the briefing packs (a subset with
// -scope, -audience, -lang), failing when Chromium is missing.
func cmdPacks(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("packs", stderr)
	c := &pipeline.Config{}
	fs.StringVar(&c.Root, "root", ".", "project folder")
	fs.StringVar(&c.Out, "o", "", "where to publish the site with its packs (default ROOT/public)")
	scope := fs.String("scope", "", "only this scope: kh or a province code such as kh-12")
	audience := fs.String("audience", "", "only this audience id (data in content/briefs/audiences.toml)")
	lang := fs.String("lang", "", "only this language: en or km")
	parallel := fs.Int("parallel", 4, "tabs printing at once in the one browser")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError{fmt.Sprintf("packs takes no arguments, got %q", fs.Arg(0))}
	}
	c.Log = stderr
	c.BeforePublish = printPacks(c, pack.Options{Parallel: *parallel, Select: func(b pack.Brief) bool {
		return (*scope == "" || b.Scope == *scope) && (*audience == "" || b.Audience == *audience) && (*lang == "" || b.Lang == *lang)
	}}, true, stderr)
	start := time.Now()
	if err := pipeline.Build(ctx, *c); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "prisonstats: site and packs built in %s\n", time.Since(start).Round(time.Millisecond))
	return nil
}
