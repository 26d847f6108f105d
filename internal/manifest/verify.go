package manifest

import (
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/prisonstats/prisonstats/internal/finding"
	"github.com/prisonstats/prisonstats/internal/obs"
)

// Verify compares the records with the raw files under root/data/raw and
// returns one error finding (code source-error, naming the raw file) per
// changed file, file without a record and record without its file, sorted.
func (m *Manifest) Verify(root string) finding.List {
	var l finding.List
	files, err := rawFiles(root)
	if err != nil {
		l = append(l, finding.Errorf(obs.Source{File: RawDir}, finding.SourceError, "cannot list the raw files: %v", err))
	}
	onDisk := map[string]bool{}
	for _, f := range files {
		onDisk[f] = true
	}
	for _, r := range m.Files {
		src := obs.Source{File: r.File}
		if !onDisk[r.File] {
			l = append(l, finding.Errorf(src, finding.SourceError,
				"recorded in %s but missing from %s (restore it from git, or remove its record)", Path, RawDir))
			continue
		}
		sum, size, err := hashFile(filepath.Join(root, filepath.FromSlash(r.File)))
		if err != nil {
			l = append(l, finding.Errorf(src, finding.SourceError, "cannot read: %v", err))
			continue
		}
		if sum != r.SHA256 || size != r.Size {
			l = append(l, finding.Errorf(src, finding.SourceError,
				"changed since it was recorded in %s (recorded sha256 %s, %d bytes; now sha256 %s, %d bytes): raw exports are never edited; restore it, or if the publisher reissued it, run prisonstats add --new-release --publisher NAME --licence LICENCE --received YYYY-MM-DD %s",
				Path, short(r.SHA256), r.Size, short(sum), size, r.File))
		}
	}
	for _, f := range files {
		if _, ok := m.Record(f); !ok {
			l = append(l, finding.Errorf(obs.Source{File: f}, finding.SourceError,
				"has no record in %s: run prisonstats add --publisher NAME --licence LICENCE --received YYYY-MM-DD %s", Path, f))
		}
	}
	l.Sort()
	return l
}

// VerifyRoot loads root/data/raw/MANIFEST.toml and verifies it; a manifest
// that cannot be read or is invalid is itself a source-error finding. A
// project with no file under data/raw needs no manifest.
func VerifyRoot(root string) finding.List {
	m, err := Load(filepath.Join(root, filepath.FromSlash(Path)))
	if err != nil {
		msg := err.Error()
		if os.IsNotExist(err) {
			if files, lerr := rawFiles(root); lerr == nil && len(files) == 0 {
				return nil
			}
			msg = "missing: every raw export needs a record; run prisonstats add --publisher NAME --licence LICENCE --received YYYY-MM-DD FILE"
		} else {
			// Load's errors start with the path given; the finding names it already.
			msg = strings.TrimPrefix(msg, filepath.Join(root, filepath.FromSlash(Path))+": ")
		}
		return finding.List{finding.Errorf(obs.Source{File: Path}, finding.SourceError, "%s", msg)}
	}
	return m.Verify(root)
}

// rawFiles lists the regular files under root/data/raw as slash paths from
// root, skipping the manifest and names starting with ".", in lexical order.
func rawFiles(root string) ([]string, error) {
	dir := filepath.Join(root, filepath.FromSlash(RawDir))
	var out []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if strings.HasPrefix(d.Name(), ".") && p != dir {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		rel, err := filepath.Rel(root, p)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		if rel == Path {
			return nil
		}
		if !d.Type().IsRegular() {
			return fmt.Errorf("%s: not a regular file", rel)
		}
		out = append(out, rel)
		return nil
	})
	if os.IsNotExist(err) {
		return nil, nil
	}
	return out, err
}

func short(sum string) string {
	if len(sum) > 12 {
		return sum[:12]
	}
	return sum
}

// rel turns a path under root into a clean slash path from root, or fails
// when it is outside root.
func rel(root, p string) (string, error) {
	ar, err := filepath.Abs(root)
	if err != nil {
		return "", err
	}
	ap, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	r, err := filepath.Rel(ar, ap)
	if err != nil || r == ".." || strings.HasPrefix(r, ".."+string(filepath.Separator)) {
		return "", fmt.Errorf("%s is outside %s", p, root)
	}
	return path.Clean(filepath.ToSlash(r)), nil
}
