package site

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
)

// HugoVersion is the Hugo release the site is built with (go.mod pins it).
const HugoVersion = "v0.165.0"

// FindHugo returns the Hugo binary to run: $PRISONSTATS_HUGO, else
// root/bin/hugo (what `make site` builds from the module cache).
func FindHugo(root string) (string, error) {
	if p := os.Getenv("PRISONSTATS_HUGO"); p != "" {
		return p, nil
	}
	p := filepath.Join(root, "bin", "hugo")
	if _, err := os.Stat(p); err == nil {
		return p, nil
	}
	return "", fmt.Errorf("hugo %s not found at %s: run `make site` (it builds bin/hugo from the Go module cache) or set PRISONSTATS_HUGO", HugoVersion, p)
}

// projectMounts are this project's folders Hugo reads.
var projectMounts = []struct{ source, target string }{
	{"content", "content"},
	{"layouts", "layouts"},
	{"i18n", "i18n"},
	{"assets", "assets"},
	{"static", "static"},
}

// writeConfig writes the Hugo configuration for one build: the project's
// hugo.toml followed by the mounts of the project's folders and of the
// build's generated data (the downloads are added to Hugo's output after).
func writeConfig(root, work string) (string, error) {
	base, err := os.ReadFile(filepath.Join(root, "hugo.toml"))
	if err != nil {
		return "", err
	}
	if bytes.Contains(base, []byte("[module")) {
		return "", fmt.Errorf("%s: remove the [module] section: the build writes the mounts itself", filepath.Join(root, "hugo.toml"))
	}
	var b bytes.Buffer
	b.Write(base)
	b.WriteString("\n\n# Added by prisonstats for this build.\n[module]\n")
	mount := func(src, target string) {
		fmt.Fprintf(&b, "[[module.mounts]]\nsource = %s\ntarget = %s\n", strconv.Quote(src), strconv.Quote(target))
	}
	for _, m := range projectMounts {
		src := filepath.Join(root, m.source)
		if _, err := os.Stat(src); err == nil {
			mount(src, m.target)
		}
	}
	mount(filepath.Join(work, "gen", "data"), "data")
	p := filepath.Join(work, "hugo.toml")
	return p, os.WriteFile(p, b.Bytes(), 0o644)
}

// runHugo builds the site from work into dest.
func runHugo(ctx context.Context, hugo, work, dest string) error {
	cmd := exec.CommandContext(ctx, hugo,
		"--source", work,
		"--destination", dest,
		"--cacheDir", filepath.Join(work, "cache"),
		"--noBuildLock",
		"--panicOnWarning",
	)
	cmd.Env = append(os.Environ(), "HUGO_ENVIRONMENT=production", "HUGO_NUMWORKERMULTIPLIER=2")
	var out bytes.Buffer
	cmd.Stdout = &out
	cmd.Stderr = &out
	if err := cmd.Run(); err != nil {
		msg := strings.TrimSpace(out.String())
		if errors.Is(ctx.Err(), context.Canceled) || errors.Is(ctx.Err(), context.DeadlineExceeded) {
			return ctx.Err()
		}
		if msg == "" {
			return fmt.Errorf("hugo: %w", err)
		}
		return fmt.Errorf("hugo: %s", msg)
	}
	return nil
}
