package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/prisonstats/prisonstats/internal/finding"
)

const usage = `usage: prisonstats <command> [flags]

commands:
  build     read the exports, check them, compute, chart and publish the site to public/
  check     validate the exports against their mappings; exit 1 on any error
  inspect   show what the tool sees in a workbook or CSV, with a starter mapping
  export    write every observation as a tidy CSV with the cell each came from
  packs     build the site and print the briefing packs (PDF) for every audience, scope and language
  serve     build, serve the site on localhost and rebuild when data changes
  add       record a raw export (sha256, publisher, licence, date received) in data/raw/MANIFEST.toml
  diff      what the data changes between two folders or two git revisions (OLD NEW)
  help      show this text

Run 'prisonstats <command> -h' for a command's flags.
`

// Exit codes.
const (
	exitOK      = 0
	exitFailure = 1
	exitUsage   = 2
)

// usageError is a mistake in the command line.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

// Main runs one command and returns the exit code. Errors are printed to
// stderr one per line, prefixed "prisonstats:".
func Main(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	err := run(ctx, args, stdout, stderr)
	if err == nil {
		return exitOK
	}
	var ue usageError
	if errors.As(err, &ue) || errors.Is(err, flag.ErrHelp) {
		if !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(stderr, "prisonstats:", ue.msg)
		}
		return exitUsage
	}
	var failed *finding.Failed
	if errors.As(err, &failed) {
		// The findings were printed already; say how the run ended.
		msg := fmt.Sprintf("prisonstats: %d errors in the inputs", failed.List.Errors())
		if args[0] == "build" || args[0] == "serve" {
			msg += "; nothing was published"
		}
		fmt.Fprintln(stderr, msg)
		return exitFailure
	}
	for _, line := range strings.Split(err.Error(), "\n") {
		if line = strings.TrimSpace(line); line != "" {
			fmt.Fprintln(stderr, "prisonstats:", line)
		}
	}
	return exitFailure
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return usageError{"no command given"}
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "build":
		return cmdBuild(ctx, rest, stdout, stderr)
	case "check":
		return cmdCheck(ctx, rest, stdout, stderr)
	case "inspect":
		return cmdInspect(ctx, rest, stdout, stderr)
	case "export":
		return cmdExport(ctx, rest, stdout, stderr)
	case "serve":
		return cmdServe(ctx, rest, stdout, stderr)
	case "packs":
		return cmdPacks(ctx, rest, stdout, stderr)
	case "add":
		return cmdAdd(ctx, rest, stdout, stderr)
	case "diff":
		return cmdDiff(ctx, rest, stdout, stderr)
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usage)
		return nil
	}
	fmt.Fprint(stderr, usage)
	return usageError{fmt.Sprintf("unknown command %q", cmd)}
}

// newFlags makes a flag set that reports errors as usage errors.
func newFlags(name string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("prisonstats "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	return fs
}

func parse(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return usageError{err.Error()}
	}
	return nil
}
