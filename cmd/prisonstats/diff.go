package main

import (
	"context"
	"flag"
	"io"

	"github.com/prisonstats/prisonstats/internal/diff"
	"github.com/prisonstats/prisonstats/internal/obs"
	"github.com/prisonstats/prisonstats/internal/pipeline"
)

// cmdDiff prints what changed in the data between two folders or two git
// revisions.
func cmdDiff(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("diff", stderr)
	root := fs.String("root", ".", "project folder; the git repository revisions are read from")
	format := fs.String("format", diff.Text, "output format: text or markdown")
	if err := parseInterspersed(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 2 {
		return usageError{"diff takes OLD and NEW: two folders or two git revisions (prisonstats diff origin/main HEAD)"}
	}
	if *format != diff.Text && *format != diff.Markdown {
		return usageError{"-format must be text or markdown"}
	}
	s, err := diff.LoadPair(ctx, *root, fs.Arg(0), fs.Arg(1), checkedObservations(ctx))
	if err != nil {
		return err
	}
	return s.Write(stdout, *format)
}

// checkedObservations reads a project's observations with the pipeline's
// ingest and check. Findings do not stop a diff (check reports them).
func checkedObservations(ctx context.Context) diff.IngestFunc {
	return func(root string) ([]obs.Observation, error) {
		res, err := pipeline.Check(ctx, pipeline.Config{Root: root, Log: io.Discard})
		if err != nil {
			return nil, err
		}
		return res.Observations, nil
	}
}

// parseInterspersed parses flags placed before, between or after the
// arguments ("diff OLD NEW --format markdown"), leaving the arguments in
// fs.Args order.
func parseInterspersed(fs *flag.FlagSet, args []string) error {
	var pos []string
	for {
		if err := parse(fs, args); err != nil {
			return err
		}
		if fs.NArg() == 0 {
			break
		}
		pos = append(pos, fs.Arg(0))
		args = fs.Args()[1:]
	}
	return fs.Parse(append([]string{"--"}, pos...))
}

// parseOneArg parses the flags and exactly one argument, in any order.
func parseOneArg(fs *flag.FlagSet, args []string, usage string) (string, error) {
	if err := parseInterspersed(fs, args); err != nil {
		return "", err
	}
	if fs.NArg() != 1 {
		return "", usageError{usage}
	}
	return fs.Arg(0), nil
}
