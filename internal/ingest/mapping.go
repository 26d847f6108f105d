package ingest

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/prisonstats/prisonstats/internal/obs"
)

// Mapping is one mapping file: a list of sources (docs/mappings.md).
type Mapping struct {
	Path    string   `toml:"-"`
	Sources []Source `toml:"source"`
}

// Source maps one layout (a file or a glob of files) onto observations.
type Source struct {
	Name string `toml:"name"`
	// File is a path or glob relative to the project root.
	File string `toml:"file"`
	// Places names a gazetteer for this source (relative to the root);
	// empty means Options.Places.
	Places string `toml:"places"`
	// Sheets lists sheet names, globs or "#N" (1-based index). Empty means
	// every visible sheet. Hidden sheets are read only when named exactly.
	Sheets []string `toml:"sheets"`

	Encoding  string `toml:"encoding"`  // CSV: auto, utf-8, utf-16, windows-1252
	Delimiter string `toml:"delimiter"` // CSV: one character, default ","

	HeaderRows  []int    `toml:"header_rows"`  // 1-based rows holding the header
	HeaderFind  []string `toml:"header_find"`  // or: the first row holding all these names
	HeaderDepth int      `toml:"header_depth"` // rows in the header from the found row (default 1)
	HeaderJoin  string   `toml:"header_join"`  // joins multi-row headers (default " | ")
	HeaderFill  bool     `toml:"header_fill"`  // blank cells in upper header rows repeat the one to their left
	DataStart   int      `toml:"data_start"`   // first data row (default: after the header)

	StopAt    []string            `toml:"stop_at"`    // stop at a row whose first non-blank cell matches
	BlankRows string              `toml:"blank_rows"` // "stop" (default) or "skip"
	Missing   map[string]string   `toml:"missing"`
	Footnotes string              `toml:"footnotes"` // regexp of footnote markers, "default" or "none"
	Decimal   string              `toml:"decimal"`   // "." (default) or ","
	Keep      map[string][]string `toml:"keep"`      // column -> values a kept row must hold
	Drop      map[string][]string `toml:"drop"`      // column -> values that drop a row
	Fields    map[string]Field    `toml:"fields"`
	Values    []ValueSpec         `toml:"values"`
	Personal  Personal            `toml:"personal"`

	// compiled
	footRe  *regexp.Regexp
	missing map[string]obs.Missing
}

// ValueSpec selects value columns and says what their cells count.
type ValueSpec struct {
	Column  string            `toml:"column"`  // one header name, or $B for column B
	Columns []string          `toml:"columns"` // header names or globs (* and ?)
	Cols    string            `toml:"cols"`    // a letter range: "D", "D:F", "B:" (to the last column)
	Sum     bool              `toml:"sum"`     // one value: the sum of the selected cells
	Percent string            `toml:"percent"` // "points" (12.5 = 12.5%) or "fraction" (0.125); stored as fractions
	Set     map[string]string `toml:"set"`     // fields given for these columns
	Header  map[string]Field  `toml:"header"`  // fields parsed from each column's header text
}

// Personal configures personal-data detection.
type Personal struct {
	Headers []string `toml:"headers"` // extra header patterns (regexp, case-insensitive)
	Allow   []string `toml:"allow"`   // header names that are not personal data
}

// Field says where an observation field comes from. In TOML it is a string
// (a constant) or a table.
type Field struct {
	Value    string            // constant
	Column   []string          // header names or $letters; the first non-blank wins
	From     string            // "sheet" or "file": the sheet or file name
	Pattern  string            // regexp; group 1 (or the whole match) is kept
	Format   string            // template with {0} (whole value) and {1}… (groups)
	Map      map[string]string // value map (case-insensitive keys)
	Unmapped string            // what a value outside Map does: "error" (default), "skip", "keep"
	Skip     []string          // values that drop the row (globs)
	Type     string            // "date": Excel serials, ISO dates, years, Layouts
	Layouts  []string          // Go time layouts for type = "date"
	Day      string            // MM-DD used when a date is a year alone (default 12-31)
	Codes    bool              // place: values are gazetteer codes, not names
	Section  bool              // a matching row sets the field for the rows below it
	Resets   []string          // section fields reset to their default when this one changes
	Default  string            // a section field's value before any section row

	re   *regexp.Regexp
	mapl map[string]string // lower-cased keys
}

var fieldKeys = []string{"value", "column", "columns", "from", "pattern", "format", "map", "unmapped",
	"skip", "type", "layouts", "day", "codes", "section", "resets", "default"}

// UnmarshalTOML reads a field given as a string or as a table.
func (f *Field) UnmarshalTOML(v any) error {
	switch t := v.(type) {
	case string:
		f.Value = t
		return nil
	case map[string]any:
		for k, x := range t {
			if !slices.Contains(fieldKeys, k) {
				return fmt.Errorf("unknown key %q (want one of %s)", k, strings.Join(fieldKeys, ", "))
			}
			var err error
			switch k {
			case "value":
				f.Value, err = asString(k, x)
			case "column", "columns":
				var ss []string
				ss, err = asStrings(k, x)
				f.Column = append(f.Column, ss...)
			case "from":
				f.From, err = asString(k, x)
			case "pattern":
				f.Pattern, err = asString(k, x)
			case "format":
				f.Format, err = asString(k, x)
			case "map":
				f.Map, err = asMap(k, x)
			case "unmapped":
				f.Unmapped, err = asString(k, x)
			case "skip":
				f.Skip, err = asStrings(k, x)
			case "type":
				f.Type, err = asString(k, x)
			case "layouts":
				f.Layouts, err = asStrings(k, x)
			case "day":
				f.Day, err = asString(k, x)
			case "codes":
				f.Codes, err = asBool(k, x)
			case "section":
				f.Section, err = asBool(k, x)
			case "resets":
				f.Resets, err = asStrings(k, x)
			case "default":
				f.Default, err = asString(k, x)
			}
			if err != nil {
				return err
			}
		}
		return nil
	}
	return fmt.Errorf("want a string or a table, got %T", v)
}

func asString(k string, v any) (string, error) {
	s, ok := v.(string)
	if !ok {
		return "", fmt.Errorf("%s: want a string, got %T", k, v)
	}
	return s, nil
}

func asBool(k string, v any) (bool, error) {
	b, ok := v.(bool)
	if !ok {
		return false, fmt.Errorf("%s: want true or false, got %T", k, v)
	}
	return b, nil
}

func asStrings(k string, v any) ([]string, error) {
	switch t := v.(type) {
	case string:
		return []string{t}, nil
	case []any:
		out := make([]string, 0, len(t))
		for _, x := range t {
			s, ok := x.(string)
			if !ok {
				return nil, fmt.Errorf("%s: want strings, got %T", k, x)
			}
			out = append(out, s)
		}
		return out, nil
	}
	return nil, fmt.Errorf("%s: want a string or a list of strings, got %T", k, v)
}

func asMap(k string, v any) (map[string]string, error) {
	t, ok := v.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("%s: want a table, got %T", k, v)
	}
	out := make(map[string]string, len(t))
	for kk, x := range t {
		s, ok := x.(string)
		if !ok {
			return nil, fmt.Errorf("%s.%s: want a string, got %T", k, kk, x)
		}
		out[kk] = s
	}
	return out, nil
}

// fieldNames are the observation fields a mapping can fill.
var fieldNames = []string{"date", "place", "sex", "status", "age", "measure", "category"}

// defaultMissing are the markers every source knows; a mapping adds or
// overrides them.
var defaultMissing = map[string]obs.Missing{
	"":    obs.Blank,
	"..":  obs.NotAvailable,
	"...": obs.NotAvailable,
	":":   obs.NotAvailable,
	"-":   obs.NotAvailable,
	"n/a": obs.NotAvailable,
	"na":  obs.NotAvailable,
}

// defaultFootnotes strips markers glued to labels: Alaska/c, Utah/d,i,
// 30-Jun-09(1), Secure homes(3,4), Federal*.
const defaultFootnotes = `(\s*/[a-z](,[a-z])*|\s*\(\d+(,\s*\d+)*\)|\*+)$`

// LoadMappings reads a mapping file, or every *.toml in a folder, and
// validates it. Errors name the file and the field.
func LoadMappings(path string) ([]*Mapping, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	files := []string{path}
	if st.IsDir() {
		files, err = filepath.Glob(filepath.Join(path, "*.toml"))
		if err != nil {
			return nil, err
		}
		sort.Strings(files)
		if len(files) == 0 {
			return nil, fmt.Errorf("%s: no *.toml mapping in the folder", path)
		}
	}
	var out []*Mapping
	for _, f := range files {
		m, err := LoadMapping(f)
		if err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, nil
}

// LoadMapping reads and validates one mapping file.
func LoadMapping(path string) (*Mapping, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	m, err := ParseMapping(string(b))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	m.Path = path
	return m, nil
}

// ParseMapping decodes and validates mapping text.
func ParseMapping(text string) (*Mapping, error) {
	var m Mapping
	md, err := toml.Decode(text, &m)
	if err != nil {
		return nil, err
	}
	if und := md.Undecoded(); len(und) > 0 {
		return nil, fmt.Errorf("unknown key %s", und[0])
	}
	if len(m.Sources) == 0 {
		return nil, fmt.Errorf("no [[source]] entry")
	}
	for i := range m.Sources {
		if err := m.Sources[i].validate(); err != nil {
			return nil, fmt.Errorf("source[%d]%s: %w", i, nameSuffix(m.Sources[i].Name), err)
		}
	}
	return &m, nil
}

func nameSuffix(n string) string {
	if n == "" {
		return ""
	}
	return " (" + n + ")"
}

func (s *Source) validate() error {
	if s.File == "" {
		return fmt.Errorf("file: missing (a path or glob relative to the project root)")
	}
	if len(s.HeaderRows) > 0 && len(s.HeaderFind) > 0 {
		return fmt.Errorf("header_rows and header_find: give one, not both")
	}
	if len(s.HeaderRows) == 0 && len(s.HeaderFind) == 0 {
		s.HeaderRows = []int{1}
	}
	for i, r := range s.HeaderRows {
		if r < 1 || (i > 0 && r <= s.HeaderRows[i-1]) {
			return fmt.Errorf("header_rows: want increasing row numbers from 1, got %v", s.HeaderRows)
		}
	}
	if s.HeaderDepth < 0 || s.HeaderDepth > 10 {
		return fmt.Errorf("header_depth: want 1 to 10, got %d", s.HeaderDepth)
	}
	if s.HeaderDepth == 0 {
		s.HeaderDepth = 1
	}
	if s.HeaderJoin == "" {
		s.HeaderJoin = " | "
	}
	switch strings.ToLower(s.Encoding) {
	case "", "auto", "utf-8", "utf8", "utf-16", "utf16", "windows-1252", "cp1252", "latin1", "iso-8859-1":
	default:
		return fmt.Errorf("encoding: %q is not auto, utf-8, utf-16 or windows-1252", s.Encoding)
	}
	if s.Delimiter != "" && len([]rune(s.Delimiter)) != 1 && s.Delimiter != `\t` {
		return fmt.Errorf("delimiter: want one character, got %q", s.Delimiter)
	}
	switch s.BlankRows {
	case "", "stop", "skip":
	default:
		return fmt.Errorf("blank_rows: want stop or skip, got %q", s.BlankRows)
	}
	switch s.Decimal {
	case "", ".", ",":
	default:
		return fmt.Errorf("decimal: want \".\" or \",\", got %q", s.Decimal)
	}
	switch s.Footnotes {
	case "", "default":
		s.footRe = regexp.MustCompile(defaultFootnotes)
	case "none":
	default:
		re, err := regexp.Compile(s.Footnotes)
		if err != nil {
			return fmt.Errorf("footnotes: %v", err)
		}
		s.footRe = re
	}
	s.missing = map[string]obs.Missing{}
	for k, v := range defaultMissing {
		s.missing[k] = v
	}
	for k, v := range s.Missing {
		m, err := obs.ParseMissing(v)
		if err != nil {
			return fmt.Errorf("missing.%q: %v", k, err)
		}
		s.missing[strings.ToLower(strings.TrimSpace(k))] = m
	}
	for _, p := range s.Personal.Headers {
		if _, err := regexp.Compile("(?i)" + p); err != nil {
			return fmt.Errorf("personal.headers: %v", err)
		}
	}
	for name := range s.Fields {
		if !slices.Contains(fieldNames, name) {
			return fmt.Errorf("fields.%s: unknown field (want one of %s)", name, strings.Join(fieldNames, ", "))
		}
	}
	for name, f := range s.Fields {
		if err := f.compile(); err != nil {
			return fmt.Errorf("fields.%s: %w", name, err)
		}
		if f.From != "" && f.From != "sheet" && f.From != "file" {
			return fmt.Errorf("fields.%s.from: want sheet or file, got %q", name, f.From)
		}
		for _, r := range f.Resets {
			if g, ok := s.Fields[r]; !ok || !g.Section {
				return fmt.Errorf("fields.%s.resets: %q is not a section field", name, r)
			}
		}
		s.Fields[name] = f
	}
	if len(s.Values) == 0 {
		return fmt.Errorf("values: no [[source.values]] entry (which columns hold the counts?)")
	}
	for i := range s.Values {
		v := &s.Values[i]
		n := 0
		for _, set := range []bool{v.Column != "", len(v.Columns) > 0, v.Cols != ""} {
			if set {
				n++
			}
		}
		if n != 1 {
			return fmt.Errorf("values[%d]: give exactly one of column, columns, cols", i)
		}
		if v.Percent != "" && v.Percent != "points" && v.Percent != "fraction" {
			return fmt.Errorf("values[%d].percent: want points or fraction, got %q", i, v.Percent)
		}
		if v.Cols != "" {
			if _, _, err := parseColRange(v.Cols); err != nil {
				return fmt.Errorf("values[%d].cols: %w", i, err)
			}
		}
		for k := range v.Set {
			if !slices.Contains(fieldNames, k) {
				return fmt.Errorf("values[%d].set.%s: unknown field", i, k)
			}
		}
		for k, f := range v.Header {
			if !slices.Contains(fieldNames, k) {
				return fmt.Errorf("values[%d].header.%s: unknown field", i, k)
			}
			if err := f.compile(); err != nil {
				return fmt.Errorf("values[%d].header.%s: %w", i, k, err)
			}
			v.Header[k] = f
		}
		// every field must come from somewhere
		for _, name := range fieldNames {
			if name == "category" {
				continue
			}
			_, a := s.Fields[name]
			_, b := v.Set[name]
			_, c := v.Header[name]
			if !a && !b && !c {
				return fmt.Errorf("values[%d]: field %s is given nowhere (fields.%s, values.set.%s or values.header.%s)", i, name, name, name, name)
			}
		}
	}
	return nil
}

func (f *Field) compile() error {
	if f.Pattern != "" {
		re, err := regexp.Compile(f.Pattern)
		if err != nil {
			return fmt.Errorf("pattern: %v", err)
		}
		f.re = re
	}
	switch f.Unmapped {
	case "", "error", "skip", "keep":
	default:
		return fmt.Errorf("unmapped: want error, skip or keep, got %q", f.Unmapped)
	}
	switch f.Type {
	case "", "date", "text":
	default:
		return fmt.Errorf("type: want date or text, got %q", f.Type)
	}
	if f.Day != "" && !regexp.MustCompile(`^\d\d-\d\d$`).MatchString(f.Day) {
		return fmt.Errorf("day: want MM-DD, got %q", f.Day)
	}
	if f.Value != "" && (len(f.Column) > 0 || f.From != "") {
		return fmt.Errorf("value: a constant takes no column or from")
	}
	if len(f.Column) > 0 && f.From != "" {
		return fmt.Errorf("column and from: give one, not both")
	}
	if f.Map != nil {
		f.mapl = make(map[string]string, len(f.Map))
		for k, v := range f.Map {
			f.mapl[strings.ToLower(strings.TrimSpace(k))] = v
		}
	}
	return nil
}
