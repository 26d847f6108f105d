package pipeline

import (
	"context"
	"fmt"
	"github.com/prisonstats/prisonstats/internal/chart"
	"io"
	"os"
	"path/filepath"

	"github.com/BurntSushi/toml"
)

// Config says where a run reads and writes. Zero fields take defaults
// relative to Root.
type Config struct {
	Root        string    // project root
	Sources     string    // mapping file or folder; default data/sources.toml
	Places      string    // default data/places.toml
	Rules       string    // default data/rules.toml
	Release     string    // default data/release.toml
	Charts      string    // default charts/
	CaseStudies string    // default data/case-studies/
	I18n        string    // default i18n/
	Out         string    // default public/
	Hugo        string    // default: site.FindHugo
	NodeModules string    // default node_modules/
	Work        string    // build folders; default $PRISONSTATS_WORK or .prisonstats/
	Log         io.Writer // warnings and progress; default os.Stderr
	// Renderers, when set, draw the charts (serve keeps one pool for its
	// whole life, so a rebuild does not start node again); nil: a pool per
	// build.
	Renderers *chart.Pool
	// BeforePublish runs on the finished tree before it is published (the
	// briefing packs print there). Nil: restricted print pages are removed
	// and no packs are printed.
	BeforePublish func(ctx context.Context, dir string) error
}

func (c Config) withDefaults() Config {
	if abs, err := filepath.Abs(c.Root); err == nil {
		c.Root = abs
	}
	// Paths given are relative to the working directory; defaults are
	// relative to the root.
	def := func(p *string, rel string) {
		if *p == "" {
			*p = filepath.Join(c.Root, rel)
		} else if abs, err := filepath.Abs(*p); err == nil {
			*p = abs
		}
	}
	def(&c.Sources, "data/sources.toml")
	def(&c.Places, "data/places.toml")
	def(&c.Rules, "data/rules.toml")
	def(&c.Release, "data/release.toml")
	def(&c.Charts, "charts")
	def(&c.CaseStudies, "data/case-studies")
	def(&c.I18n, "i18n")
	def(&c.Out, "public")
	def(&c.NodeModules, "node_modules")
	if c.Work == "" {
		c.Work = os.Getenv("PRISONSTATS_WORK")
	}
	def(&c.Work, ".prisonstats")
	if c.Log == nil {
		c.Log = os.Stderr
	}
	return c
}

// Release describes the data release (data/release.toml).
type Release struct {
	Title        string `toml:"title"`
	Illustrative bool   `toml:"illustrative"`
	Publisher    string `toml:"publisher"`
	// HeadlineYears are end years of the growth headline ("between the
	// first year and Y"), besides the latest year, which is always given.
	HeadlineYears []int `toml:"headline_years"`
	// Digits are the numerals of the Khmer pages: "western" (0-9, the
	// default) or "khmer" (០-៩).
	Digits string `toml:"digits"`
}

func loadRelease(path string) (Release, error) {
	var r Release
	b, err := os.ReadFile(path)
	if err != nil {
		return r, err
	}
	md, err := toml.Decode(string(b), &r)
	if err != nil {
		return r, fmt.Errorf("%s: %w", path, err)
	}
	if und := md.Undecoded(); len(und) > 0 {
		return r, fmt.Errorf("%s: unknown key %s", path, und[0])
	}
	return r, nil
}
