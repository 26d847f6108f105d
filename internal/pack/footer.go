package pack

import (
	"fmt"
	"html"
)

// footer is Chromium's footer template for a brief: its title and the data
// release on the left, "Page n of m" on the right. Chromium fills the
// elements of class pageNumber and totalPages; everything else is text from
// the site, escaped here.
func footer(b Brief, ix *Index) string {
	left := b.Title
	if ix.Release != "" {
		left += " · " + ix.Release
	}
	if b.Marking == Restricted {
		left = "RESTRICTED · " + left
	}
	return fmt.Sprintf(`<div style="width:100%%;margin:0 16mm;display:flex;justify-content:space-between;gap:6mm;`+
		`font-family:'DejaVu Sans','Noto Sans','Khmer OS','Noto Sans Khmer',sans-serif;font-size:7pt;color:#555">`+
		`<span>%s</span><span style="white-space:nowrap">%s <span class="pageNumber"></span> %s <span class="totalPages"></span></span></div>`,
		html.EscapeString(left), html.EscapeString(b.PageLabel), html.EscapeString(b.OfLabel))
}
