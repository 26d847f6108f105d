package manifest

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path"
	"slices"
	"strings"
	"time"

	"github.com/BurntSushi/toml"
)

// Where the raw exports and their manifest live, from the project root
// (slash-separated).
const (
	RawDir = "data/raw"
	Path   = RawDir + "/MANIFEST.toml"
)

// Manifest is the list of raw exports.
type Manifest struct {
	Files []Record `toml:"file"`
}

// Record describes one raw export as it was received.
type Record struct {
	// File is the path from the project root, under data/raw/.
	File   string `toml:"file"`
	SHA256 string `toml:"sha256"`
	Size   int64  `toml:"size"`
	// Publisher is who issued the file (the authority, or the office that
	// passed it on).
	Publisher string `toml:"publisher"`
	// Received is the date the file arrived, YYYY-MM-DD.
	Received string `toml:"received"`
	// Licence is an SPDX identifier where one fits ("CC0-1.0"), else the
	// terms in words.
	Licence string `toml:"licence"`
	Notes   string `toml:"notes,omitempty"`
	// Previous are the sha256 of earlier releases of the same file name,
	// oldest first (see Meta.NewRelease).
	Previous []string `toml:"previous,omitempty"`
}

// Load reads and validates a manifest. Errors name the file and the record:
// "data/raw/MANIFEST.toml: file[2].sha256: ...".
func Load(file string) (*Manifest, error) {
	b, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	var m Manifest
	md, err := toml.Decode(string(b), &m)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	if und := md.Undecoded(); len(und) > 0 {
		return nil, fmt.Errorf("%s: unknown key %s", file, und[0])
	}
	if err := m.validate(); err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	return &m, nil
}

// validate checks every record and that no file is recorded twice.
func (m *Manifest) validate() error {
	var errs []error
	seen := map[string]int{}
	for i, r := range m.Files {
		for _, err := range r.problems() {
			errs = append(errs, fmt.Errorf("file[%d]%s", i+1, err))
		}
		if j, ok := seen[r.File]; ok {
			errs = append(errs, fmt.Errorf("file[%d].file: %q is already recorded by file[%d]", i+1, r.File, j+1))
		}
		seen[r.File] = i
	}
	return errors.Join(errs...)
}

// problems lists what is wrong with a record, each as ".field: cause".
func (r Record) problems() []error {
	var errs []error
	bad := func(field, format string, args ...any) {
		errs = append(errs, fmt.Errorf(".%s: %s", field, fmt.Sprintf(format, args...)))
	}
	if err := checkRawPath(r.File); err != nil {
		bad("file", "%v", err)
	}
	if !isSHA256(r.SHA256) {
		bad("sha256", "%q is not 64 lowercase hex digits", r.SHA256)
	}
	if r.Size < 0 {
		bad("size", "%d is negative", r.Size)
	}
	if strings.TrimSpace(r.Publisher) == "" {
		bad("publisher", "missing")
	}
	if strings.TrimSpace(r.Licence) == "" {
		bad("licence", "missing")
	}
	if err := checkDate(r.Received); err != nil {
		bad("received", "%v", err)
	}
	for i, p := range r.Previous {
		if !isSHA256(p) {
			bad(fmt.Sprintf("previous[%d]", i+1), "%q is not 64 lowercase hex digits", p)
		}
	}
	return errs
}

// checkRawPath accepts a clean slash path under data/raw/ that is not the
// manifest.
func checkRawPath(p string) error {
	switch {
	case p == "":
		return errors.New("missing")
	case path.Clean(p) != p || strings.Contains(p, `\`):
		return fmt.Errorf("%q is not a clean slash-separated path", p)
	case !strings.HasPrefix(p, RawDir+"/"):
		return fmt.Errorf("%q is not under %s/", p, RawDir)
	case p == Path:
		return fmt.Errorf("%q is the manifest itself", p)
	}
	return nil
}

func checkDate(s string) error {
	if s == "" {
		return errors.New("missing (want YYYY-MM-DD)")
	}
	if _, err := time.Parse(time.DateOnly, s); err != nil {
		return fmt.Errorf("%q is not a date YYYY-MM-DD", s)
	}
	return nil
}

func isSHA256(s string) bool {
	if len(s) != 64 {
		return false
	}
	for _, c := range s {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return false
		}
	}
	return true
}

// Record returns the record of a file (a path from the project root), or
// false.
func (m *Manifest) Record(file string) (Record, bool) {
	for _, r := range m.Files {
		if r.File == file {
			return r, true
		}
	}
	return Record{}, false
}

const header = `# Raw exports: one record per file under data/raw, written by
# "prisonstats add". The files are never edited; a changed file, a file without
# a record or a record without its file stops check and build.
`

// Save writes the manifest, records sorted by file. It writes a temporary
// file beside it and renames it into place.
func (m *Manifest) Save(file string) error {
	if err := m.validate(); err != nil {
		return fmt.Errorf("%s: %w", file, err)
	}
	recs := slices.Clone(m.Files)
	slices.SortFunc(recs, func(a, b Record) int { return strings.Compare(a.File, b.File) })
	var buf bytes.Buffer
	buf.WriteString(header)
	for _, r := range recs {
		buf.WriteString("\n[[file]]\n")
		if err := toml.NewEncoder(&buf).Encode(r); err != nil {
			return fmt.Errorf("%s: %w", file, err)
		}
	}
	return writeFileAtomic(file, buf.Bytes())
}
