package site

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// checkSVG refuses an SVG that could run code or fetch from another host
// when inlined: script or foreignObject elements, on* event attributes, and
// links that are not fragment references. The SVG comes from ECharts'
// renderer, which escapes text; this is the second lock on the door.
func checkSVG(svg string) error {
	if !strings.HasPrefix(strings.TrimSpace(svg), "<svg") {
		return errors.New("rendered chart is not an SVG")
	}
	d := xml.NewDecoder(strings.NewReader(svg))
	d.Strict = false
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("rendered SVG does not parse: %w", err)
		}
		el, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch strings.ToLower(el.Name.Local) {
		case "script", "foreignobject", "iframe", "object", "embed":
			return fmt.Errorf("rendered SVG holds a <%s> element", el.Name.Local)
		}
		for _, a := range el.Attr {
			name := strings.ToLower(a.Name.Local)
			if strings.HasPrefix(name, "on") {
				return fmt.Errorf("rendered SVG holds an event attribute %s", a.Name.Local)
			}
			if (name == "href" || name == "src") && !strings.HasPrefix(a.Value, "#") && !strings.HasPrefix(a.Value, "data:image/") {
				return fmt.Errorf("rendered SVG links to %q", a.Value)
			}
		}
	}
}
