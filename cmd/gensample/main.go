// Command gensample writes the illustrative sample export
// (data/raw/gdp-prisons-2008-2015.xlsx) from the gazetteer. The same
// gazetteer always gives the same bytes. See internal/sample and
// docs/sample-layout.md.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/prisonstats/prisonstats/internal/places"
	"github.com/prisonstats/prisonstats/internal/sample"
)

func main() {
	fs := flag.NewFlagSet("gensample", flag.ContinueOnError)
	out := fs.String("o", "data/raw/gdp-prisons-2008-2015.xlsx", "workbook to write")
	placesFile := fs.String("places", "data/places.toml", "gazetteer whose facilities are the prisons")
	if err := fs.Parse(os.Args[1:]); err != nil {
		os.Exit(2)
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(os.Stderr, "gensample: unexpected argument %q\n", fs.Arg(0))
		os.Exit(2)
	}
	if err := run(*placesFile, *out); err != nil {
		fmt.Fprintf(os.Stderr, "gensample: %v\n", err)
		os.Exit(1)
	}
}

func run(placesFile, out string) error {
	g, err := places.Load(placesFile)
	if err != nil {
		return err
	}
	d, err := sample.Generate(g)
	if err != nil {
		return fmt.Errorf("%s: %w", placesFile, err)
	}
	return sample.WriteFile(out, d)
}
