package places

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"unicode"

	"github.com/BurntSushi/toml"
	"golang.org/x/text/unicode/norm"
)

// Levels of the hierarchy, from the top.
const (
	Country  = "country"
	Province = "province"
	Facility = "facility"
)

// Place is one entry of the gazetteer.
type Place struct {
	Code    string   `toml:"code" json:"code"`
	Level   string   `toml:"level" json:"level"`
	Parent  string   `toml:"parent" json:"parent,omitempty"`
	Name    string   `toml:"name" json:"name"`
	NameKm  string   `toml:"name_km" json:"name_km,omitempty"`
	Aliases []string `toml:"aliases" json:"aliases,omitempty"`
}

// Slug is the code lower-cased, for URLs and file names.
func (p Place) Slug() string { return strings.ToLower(p.Code) }

// Gazetteer holds the places and resolves names to codes.
type Gazetteer struct {
	places []Place
	byCode map[string]int
	byName map[string]string // normalised name -> code
}

type file struct {
	Place []Place `toml:"place"`
}

// Load reads a gazetteer file. Errors name the file and the entry.
func Load(path string) (*Gazetteer, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var f file
	md, err := toml.Decode(string(b), &f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if und := md.Undecoded(); len(und) > 0 {
		return nil, fmt.Errorf("%s: unknown key %s", path, und[0])
	}
	g, err := New(f.Place)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return g, nil
}

// New builds a gazetteer from places, checking codes, parents and names.
func New(ps []Place) (*Gazetteer, error) {
	g := &Gazetteer{places: ps, byCode: map[string]int{}, byName: map[string]string{}}
	for i, p := range ps {
		if p.Code == "" {
			return nil, fmt.Errorf("place[%d]: code is empty", i)
		}
		if _, dup := g.byCode[p.Code]; dup {
			return nil, fmt.Errorf("place[%d]: code %q is used twice", i, p.Code)
		}
		switch p.Level {
		case Country, Province, Facility:
		default:
			return nil, fmt.Errorf("place[%d] (%s): level %q is not country, province or facility", i, p.Code, p.Level)
		}
		g.byCode[p.Code] = i
	}
	want := map[string]string{Province: Country, Facility: Province}
	for i, p := range ps {
		if p.Level == Country {
			continue
		}
		j, ok := g.byCode[p.Parent]
		if !ok {
			return nil, fmt.Errorf("place[%d] (%s): parent %q is not in the gazetteer", i, p.Code, p.Parent)
		}
		if ps[j].Level != want[p.Level] {
			return nil, fmt.Errorf("place[%d] (%s): a %s's parent must be a %s, %q is a %s", i, p.Code, p.Level, want[p.Level], p.Parent, ps[j].Level)
		}
	}
	for i, p := range ps {
		names := append([]string{p.Code, p.Name, p.NameKm}, p.Aliases...)
		for _, n := range names {
			k := Normalize(n)
			if k == "" {
				continue
			}
			if other, ok := g.byName[k]; ok && other != p.Code {
				return nil, fmt.Errorf("place[%d] (%s): name %q also names %s", i, p.Code, n, other)
			}
			g.byName[k] = p.Code
		}
	}
	return g, nil
}

// Normalize folds case, Unicode form, spaces and punctuation so that
// "Kampong  Cham", "kampong-cham" and "KAMPONG CHAM" match.
func Normalize(s string) string {
	s = norm.NFC.String(s)
	var b strings.Builder
	space := false
	for _, r := range s {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(unicode.ToLower(r))
		default:
			space = true
		}
	}
	return b.String()
}

// Resolve returns the code a name (or code, or alias) stands for.
func (g *Gazetteer) Resolve(name string) (string, bool) {
	c, ok := g.byName[Normalize(name)]
	return c, ok
}

// Get returns the place with a code.
func (g *Gazetteer) Get(code string) (Place, bool) {
	i, ok := g.byCode[code]
	if !ok {
		return Place{}, false
	}
	return g.places[i], true
}

// All returns every place in file order.
func (g *Gazetteer) All() []Place { return slices.Clone(g.places) }

// Level returns the places of one level in file order.
func (g *Gazetteer) Level(level string) []Place {
	var out []Place
	for _, p := range g.places {
		if p.Level == level {
			out = append(out, p)
		}
	}
	return out
}

// Children returns the places whose parent is code, in file order.
func (g *Gazetteer) Children(code string) []Place {
	var out []Place
	for _, p := range g.places {
		if p.Parent == code {
			out = append(out, p)
		}
	}
	return out
}

// Ancestor returns the code of the place at level above code (or code itself
// when it is at that level).
func (g *Gazetteer) Ancestor(code, level string) (string, bool) {
	for {
		p, ok := g.Get(code)
		if !ok {
			return "", false
		}
		if p.Level == level {
			return p.Code, true
		}
		if p.Parent == "" {
			return "", false
		}
		code = p.Parent
	}
}

// Suggest returns up to n known names closest to name, nearest first, for
// "unknown place" messages.
func (g *Gazetteer) Suggest(name string, n int) []string {
	k := Normalize(name)
	type cand struct {
		name string
		d    int
	}
	var cs []cand
	seen := map[string]bool{}
	for _, p := range g.places {
		for _, nm := range append([]string{p.Name}, p.Aliases...) {
			if nm == "" || seen[nm] {
				continue
			}
			seen[nm] = true
			cs = append(cs, cand{nm, distance(k, Normalize(nm))})
		}
	}
	slices.SortStableFunc(cs, func(a, b cand) int { return a.d - b.d })
	var out []string
	for _, c := range cs {
		if len(out) == n || c.d > max(3, len([]rune(k))/2) {
			break
		}
		out = append(out, c.name)
	}
	return out
}

// distance is the Levenshtein distance between a and b, in runes.
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			c := 1
			if ra[i-1] == rb[j-1] {
				c = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+c)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
