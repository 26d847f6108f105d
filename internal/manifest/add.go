package manifest

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// Meta is what the person adding an export knows about it.
type Meta struct {
	Publisher string
	Licence   string
	Received  string // YYYY-MM-DD
	Notes     string
	// NewRelease allows replacing the record of a file whose bytes changed:
	// the publisher reissued it under the same name. The old sha256 is kept
	// in Record.Previous.
	NewRelease bool
}

// Add records file in the manifest of the project at root
// (root/data/raw/MANIFEST.toml; an absent manifest is an empty one) and
// returns the updated manifest, which the caller writes with Save.
//
// A file outside root/data/raw is first copied to root/data/raw/<base name>;
// when a file of that name is already there, Add refuses unless it holds
// the same bytes. A file already under root/data/raw is recorded where it
// is. Adding a file whose record already says the same bytes updates its
// metadata; a record with a different sha256 is replaced only with
// meta.NewRelease. Empty meta.Notes keep the record's notes.
func Add(root, file string, meta Meta) (*Manifest, error) {
	m, err := Load(filepath.Join(root, filepath.FromSlash(Path)))
	if errors.Is(err, os.ErrNotExist) {
		m, err = &Manifest{}, nil
	}
	if err != nil {
		return nil, err
	}
	if err := checkMeta(meta); err != nil {
		return nil, err
	}
	st, err := os.Stat(file)
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, fmt.Errorf("%s: not a regular file", file)
	}
	name, err := rawName(root, file)
	if err != nil {
		return nil, err
	}
	sum, size, err := hashFile(file)
	if err != nil {
		return nil, err
	}
	dst := filepath.Join(root, filepath.FromSlash(name))
	if !sameFile(file, dst) {
		if err := copyIn(file, dst, sum); err != nil {
			return nil, err
		}
	}
	rec := Record{File: name, SHA256: sum, Size: size, Publisher: meta.Publisher,
		Licence: meta.Licence, Received: meta.Received, Notes: meta.Notes}
	for i, old := range m.Files {
		if old.File != name {
			continue
		}
		rec.Previous = old.Previous
		if rec.Notes == "" {
			rec.Notes = old.Notes
		}
		if old.SHA256 != sum {
			if !meta.NewRelease {
				return nil, fmt.Errorf("%s: already recorded with sha256 %s, and the file now has sha256 %s: raw exports are never edited; if the publisher reissued it, add it again as a new release (prisonstats add --new-release)", name, short(old.SHA256), short(sum))
			}
			rec.Previous = append(append([]string(nil), old.Previous...), old.SHA256)
		}
		m.Files[i] = rec
		return m, nil
	}
	m.Files = append(m.Files, rec)
	return m, nil
}

// checkMeta checks the fields a record needs.
func checkMeta(meta Meta) error {
	var errs []error
	if strings.TrimSpace(meta.Publisher) == "" {
		errs = append(errs, errors.New("publisher: missing"))
	}
	if strings.TrimSpace(meta.Licence) == "" {
		errs = append(errs, errors.New("licence: missing"))
	}
	if err := checkDate(meta.Received); err != nil {
		errs = append(errs, fmt.Errorf("received: %w", err))
	}
	return errors.Join(errs...)
}

// rawName is where file is recorded: its own path when it lies under
// root/data/raw, else data/raw/<base name>.
func rawName(root, file string) (string, error) {
	if r, err := rel(root, file); err == nil && strings.HasPrefix(r, RawDir+"/") {
		if r == Path {
			return "", fmt.Errorf("%s: is the manifest itself", file)
		}
		for _, part := range strings.Split(r, "/") {
			if strings.HasPrefix(part, ".") {
				return "", fmt.Errorf("%s: names starting with \".\" under %s are not raw files", file, RawDir)
			}
		}
		return r, nil
	}
	base := filepath.Base(file)
	if strings.HasPrefix(base, ".") || base == filepath.Base(Path) {
		return "", fmt.Errorf("%s: cannot be a raw file name (starts with \".\" or is the manifest's)", file)
	}
	return RawDir + "/" + base, nil
}

// copyIn copies file to dst unless dst already holds the same bytes; a
// different file at dst is never overwritten.
func copyIn(file, dst, sum string) error {
	have, _, err := hashFile(dst)
	switch {
	case err == nil && have == sum:
		return nil
	case err == nil:
		return fmt.Errorf("%s: a different file is already there (sha256 %s, the new file's is %s): raw exports are never overwritten; give the new release its own name", dst, short(have), short(sum))
	case !errors.Is(err, os.ErrNotExist):
		return err
	}
	return copyNew(file, dst)
}

func sameFile(a, b string) bool {
	sa, err := os.Stat(a)
	if err != nil {
		return false
	}
	sb, err := os.Stat(b)
	if err != nil {
		return false
	}
	return os.SameFile(sa, sb)
}
