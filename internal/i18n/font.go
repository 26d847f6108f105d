package i18n

import (
	"fmt"
	"os"
	"path/filepath"
)

// FontPackage is the npm package that ships the Khmer web font (package.json
// pins it; `npm ci` installs it under node_modules).
const FontPackage = "@fontsource/noto-sans-khmer"

// FontDir is where the site publishes the font files; assets/css/site.css
// refers to them as ../fonts/<name> from the published style sheet in /css/.
const FontDir = "fonts"

// fontFiles are the files of FontPackage the site publishes: the Khmer
// subset in the two weights the style sheet uses, and the licence (SIL OFL
// 1.1 asks that it travel with the font).
var fontFiles = []struct{ from, to string }{
	{"files/noto-sans-khmer-khmer-400-normal.woff2", "noto-sans-khmer-khmer-400-normal.woff2"},
	{"files/noto-sans-khmer-khmer-700-normal.woff2", "noto-sans-khmer-khmer-700-normal.woff2"},
	{"LICENSE", "noto-sans-khmer-OFL.txt"},
}

// FontFiles reads the Khmer web font from the node_modules folder and
// returns the files to publish, by path under the site root
// ("fonts/….woff2"), ready for site.Input.Files. A missing file is an error
// that says how to install it.
func FontFiles(nodeModules string) (map[string][]byte, error) {
	pkg := filepath.Join(nodeModules, filepath.FromSlash(FontPackage))
	out := make(map[string][]byte, len(fontFiles))
	for _, f := range fontFiles {
		p := filepath.Join(pkg, filepath.FromSlash(f.from))
		b, err := os.ReadFile(p)
		if err != nil {
			if os.IsNotExist(err) {
				return nil, fmt.Errorf("%s: missing: the Khmer font comes from npm %s (run `npm ci`)", p, FontPackage)
			}
			return nil, err
		}
		out[FontDir+"/"+f.to] = b
	}
	return out, nil
}
