package diff

import (
	"archive/tar"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/prisonstats/prisonstats/internal/obs"
)

// IngestFunc reads the observations of the project at root (the pipeline's
// ingest and check; the caller decides whether error findings stop it).
type IngestFunc func(root string) ([]obs.Observation, error)

// Load reads the observations of spec: a folder holding a project, or a git
// revision of the repository at repo (a branch, a tag, origin/main, HEAD~1,
// a commit). A revision is exported with `git archive` into a temporary
// folder, read there and the folder removed. "." or a path compares the
// working tree as it is.
func Load(ctx context.Context, repo, spec string, ingest IngestFunc) ([]obs.Observation, error) {
	if st, err := os.Stat(spec); err == nil && st.IsDir() {
		return ingest(spec)
	}
	commit, err := resolve(ctx, repo, spec)
	if err != nil {
		return nil, err
	}
	return atRevision(ctx, repo, commit, func(root string) ([]obs.Observation, error) {
		l, err := ingest(root)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", spec, err)
		}
		return l, nil
	})
}

// LoadPair loads two specs and compares them, naming the sides by their
// specs: what `prisonstats diff OLD NEW` prints.
func LoadPair(ctx context.Context, repo, old, new string, ingest IngestFunc) (Summary, error) {
	o, err := Load(ctx, repo, old, ingest)
	if err != nil {
		return Summary{}, err
	}
	n, err := Load(ctx, repo, new, ingest)
	if err != nil {
		return Summary{}, err
	}
	s := Compare(o, n)
	s.Old, s.New = old, new
	return s, nil
}

// resolve turns a revision into a full commit id.
func resolve(ctx context.Context, repo, rev string) (string, error) {
	if strings.HasPrefix(rev, "-") {
		return "", fmt.Errorf("%q is neither a folder nor a git revision", rev)
	}
	out, err := git(ctx, repo, "rev-parse", "--verify", "--quiet", rev+"^{commit}")
	if err != nil {
		return "", fmt.Errorf("%q is neither a folder nor a git revision of %s", rev, repo)
	}
	return strings.TrimSpace(string(out)), nil
}

// atRevision exports commit into a temporary folder and calls f on it.
func atRevision[T any](ctx context.Context, repo, commit string, f func(root string) (T, error)) (T, error) {
	var zero T
	dir, err := os.MkdirTemp("", "prisonstats-diff-")
	if err != nil {
		return zero, err
	}
	defer os.RemoveAll(dir)
	if err := export(ctx, repo, commit, dir); err != nil {
		return zero, err
	}
	return f(dir)
}

// export writes the tree of commit into dir.
func export(ctx context.Context, repo, commit, dir string) error {
	cmd := exec.CommandContext(ctx, "git", "-C", repo, "archive", "--format=tar", commit)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		return err
	}
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("git archive: %w", err)
	}
	xerr := untar(out, dir)
	if xerr != nil {
		io.Copy(io.Discard, out)
	}
	werr := cmd.Wait()
	if werr != nil {
		return fmt.Errorf("git archive %s: %w: %s", commit, werr, strings.TrimSpace(stderr.String()))
	}
	return xerr
}

// untar extracts the regular files and folders of a git archive into dir.
// Symbolic links are skipped (a revision's raw data is read only from
// inside it), and no path may leave dir.
func untar(r io.Reader, dir string) error {
	tr := tar.NewReader(r)
	for {
		h, err := tr.Next()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("git archive: %w", err)
		}
		if h.Typeflag == tar.TypeXGlobalHeader {
			continue // git's comment holding the commit id
		}
		name := filepath.FromSlash(h.Name)
		if !filepath.IsLocal(name) {
			return fmt.Errorf("git archive: unsafe path %q", h.Name)
		}
		p := filepath.Join(dir, name)
		switch h.Typeflag {
		case tar.TypeDir:
			if err := os.MkdirAll(p, 0o755); err != nil {
				return err
			}
		case tar.TypeReg:
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				return err
			}
			f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
			if err != nil {
				return err
			}
			_, err = io.Copy(f, tr)
			if cerr := f.Close(); err == nil {
				err = cerr
			}
			if err != nil {
				return err
			}
		}
	}
}

// git runs git in repo and returns its standard output.
func git(ctx context.Context, repo string, args ...string) ([]byte, error) {
	cmd := exec.CommandContext(ctx, "git", append([]string{"-C", repo}, args...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("git %s: %w: %s", strings.Join(args, " "), err, strings.TrimSpace(stderr.String()))
	}
	return out, nil
}
