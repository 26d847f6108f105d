package casestudy

import (
	"fmt"
	"os"

	"github.com/BurntSushi/toml"
)

// Offence is one entry of the short offence list (data/offences.toml).
type Offence struct {
	ID   string            `toml:"id" json:"id"`
	Name map[string]string `toml:"name" json:"name"` // lang -> label
}

// LoadOffences reads the offence list. Errors name the file and the entry.
func LoadOffences(path string) ([]Offence, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var f struct {
		Offence []Offence `toml:"offence"`
	}
	md, err := toml.Decode(string(b), &f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if und := md.Undecoded(); len(und) > 0 {
		return nil, fmt.Errorf("%s: unknown key %s", path, und[0])
	}
	seen := map[string]bool{}
	for i, o := range f.Offence {
		switch {
		case o.ID == "":
			return nil, fmt.Errorf("%s: offence[%d].id: is required", path, i)
		case seen[o.ID]:
			return nil, fmt.Errorf("%s: offence[%d].id: %q is listed twice", path, i, o.ID)
		case o.Name["en"] == "":
			return nil, fmt.Errorf("%s: offence[%d].name.en: is required", path, i)
		}
		seen[o.ID] = true
	}
	if len(f.Offence) == 0 {
		return nil, fmt.Errorf("%s: no [[offence]] entries", path)
	}
	return f.Offence, nil
}
