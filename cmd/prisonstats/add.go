package main

import (
	"context"
	"fmt"
	"io"
	"path/filepath"

	"github.com/prisonstats/prisonstats/internal/manifest"
)

// cmdAdd records a raw export in data/raw/MANIFEST.toml, copying it into
// data/raw first when it is elsewhere.
func cmdAdd(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("add", stderr)
	root := fs.String("root", ".", "project folder")
	var meta manifest.Meta
	fs.StringVar(&meta.Publisher, "publisher", "", "who issued the file (required)")
	fs.StringVar(&meta.Licence, "licence", "", "its licence, an SPDX id such as CC-BY-4.0 where one fits (required)")
	fs.StringVar(&meta.Received, "received", "", "the date it was received, YYYY-MM-DD (required)")
	fs.StringVar(&meta.Notes, "notes", "", "what a later reader should know about it")
	fs.BoolVar(&meta.NewRelease, "new-release", false, "the publisher reissued a recorded file under the same name")
	file, err := parseOneArg(fs, args, "add takes one FILE: prisonstats add --publisher NAME --licence LICENCE --received YYYY-MM-DD FILE")
	if err != nil {
		return err
	}
	m, err := manifest.Add(*root, file, meta)
	if err != nil {
		return err
	}
	if err := m.Save(filepath.Join(*root, filepath.FromSlash(manifest.Path))); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "prisonstats: recorded %s in %s\n", file, manifest.Path)
	return nil
}
