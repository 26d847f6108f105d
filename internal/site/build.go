package site

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// Options say where the site is built and published.
type Options struct {
	Root string // the project: hugo.toml, content/, layouts/, i18n/, assets/
	Out  string // the published folder, e.g. root/public
	Hugo string // the Hugo binary (FindHugo)
	// Work is where build folders are made. Default: root/.prisonstats.
	Work string
	// BeforePublish, when set, runs on the finished tree before it is
	// swapped in (the briefing packs and chart pictures are made there, so
	// they are published with the pages or not at all). dir is the new tree;
	// serve it to print or screenshot pages.
	BeforePublish func(ctx context.Context, dir string) error
	// Part, when set, is called at the end of each part of the build
	// ("data", "hugo", "downloads", "pngs", "before-publish", "publish"),
	// for timings.
	Part func(name string)
}

// Build writes the generated data, runs Hugo and publishes the result to
// opt.Out. On any error the published folder is untouched and the build
// folders are removed. A build killed outright (SIGKILL) leaves its folders
// behind; the next build removes them. Builds may run at once: each has its
// own folders and the last to finish publishes.
func Build(ctx context.Context, in Input, opt Options) (err error) {
	if opt.Work == "" {
		opt.Work = filepath.Join(opt.Root, ".prisonstats")
	}
	part := opt.Part
	if part == nil {
		part = func(string) {}
	}
	if err := os.MkdirAll(opt.Work, 0o755); err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(opt.Out), 0o755); err != nil {
		return err
	}
	removeStale(opt.Work, opt.Out)
	work, unlock, err := newBuildDir(opt.Work)
	if err != nil {
		return err
	}
	defer unlock()
	defer os.RemoveAll(work)
	files := filepath.Join(work, "gen", "files")
	if err := writeData(in, filepath.Join(work, "gen", "data"), files, opt.Out); err != nil {
		return fmt.Errorf("write data: %w", err)
	}
	if _, err := writeConfig(opt.Root, work); err != nil {
		return fmt.Errorf("hugo config: %w", err)
	}
	part("data")
	// Hugo writes next to the published folder so that the swap is a rename.
	dest := destFor(opt.Out, work)
	if err := os.Mkdir(dest, 0o755); err != nil {
		return err
	}
	defer os.RemoveAll(dest)
	if err := runHugo(ctx, opt.Hugo, work, dest); err != nil {
		return err
	}
	part("hugo")
	// The downloads go straight into the new tree: Hugo would only copy
	// them, and they are most of the site's bytes.
	if err := moveTree(files, dest); err != nil {
		return fmt.Errorf("downloads: %w", err)
	}
	part("downloads")
	if err := writePNGs(ctx, in, dest, opt.Out); err != nil {
		return err
	}
	part("pngs")
	if opt.BeforePublish != nil {
		if err := opt.BeforePublish(ctx, dest); err != nil {
			return err
		}
		part("before-publish")
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	err = publish(dest, opt.Out)
	part("publish")
	return err
}

// destFor names the folder Hugo renders into: beside out, tied to the build
// folder by its suffix so a stale one can be found.
func destFor(out, work string) string {
	suffix := strings.TrimPrefix(filepath.Base(work), "build-")
	return filepath.Join(filepath.Dir(out), "."+filepath.Base(out)+".new-"+suffix)
}
