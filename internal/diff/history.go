package diff

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/prisonstats/prisonstats/internal/manifest"
	"github.com/prisonstats/prisonstats/internal/obs"
)

// ErrNoHistory is returned by History outside a git repository (a project
// copied without its .git): the site then shows one release.
var ErrNoHistory = errors.New("not a git repository: no release history")

// History returns one Summary per commit of repo's current branch that
// changed data/raw, oldest first: what that commit changed against the
// previous one (the first against nothing). Old and New are short commit
// ids; Date is the latest date received among the manifest records the
// commit added or changed (data/raw/MANIFEST.toml), else the commit date.
// Every such commit is read with ingest, so the cost grows with the number
// of releases. A commit that ingest cannot read (a tree older than the
// current mapping format, or one that was never published) is skipped, and
// the next release is compared with the last one read; when no commit can be
// read, the last error is returned. A shallow clone sees only the commits it holds (CI checks out
// with fetch-depth: 0).
func History(ctx context.Context, repo string, ingest IngestFunc) ([]Summary, error) {
	if _, err := git(ctx, repo, "rev-parse", "--git-dir"); err != nil {
		return nil, ErrNoHistory
	}
	out, err := git(ctx, repo, "log", "--reverse", "--format=%H %cs", "HEAD", "--", manifest.RawDir)
	if err != nil {
		return nil, err
	}
	var (
		hist     []Summary
		prev     []obs.Observation
		prevRecs map[string]string // file → sha256 of the previous manifest
		prevID   string
		lastErr  error
	)
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		if line == "" {
			continue
		}
		commit, date, _ := strings.Cut(line, " ")
		st, err := atRevision(ctx, repo, commit, func(root string) (state, error) {
			l, err := ingest(root)
			if err != nil {
				return state{}, fmt.Errorf("%s: %w", commit[:12], err)
			}
			recs := map[string]manifest.Record{}
			if m, err := manifest.Load(filepath.Join(root, filepath.FromSlash(manifest.Path))); err == nil {
				for _, r := range m.Files {
					recs[r.File] = r
				}
			}
			return state{l, recs}, nil
		})
		if err != nil {
			// A tree the current tool cannot read (older than the mapping
			// format, or broken and never published) is not a release.
			lastErr = err
			continue
		}
		s := Compare(prev, st.obs)
		s.Old, s.New, s.Date = prevID, commit[:12], date
		if d := received(st.recs, prevRecs); d != "" {
			s.Date = d
		}
		hist = append(hist, s)
		prev, prevID = st.obs, commit[:12]
		prevRecs = map[string]string{}
		for f, r := range st.recs {
			prevRecs[f] = r.SHA256
		}
	}
	if len(hist) == 0 && lastErr != nil {
		return nil, lastErr
	}
	return hist, nil
}

// state is one commit's observations and manifest records.
type state struct {
	obs  []obs.Observation
	recs map[string]manifest.Record
}

// received is the latest date received of the records that are new or
// changed since the previous manifest, or "" when none are.
func received(recs map[string]manifest.Record, prev map[string]string) string {
	d := ""
	for f, r := range recs {
		if prev[f] != r.SHA256 && r.Received > d {
			d = r.Received
		}
	}
	return d
}
