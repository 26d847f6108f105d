// Package pack prints the briefing packs: the A4 print pages that Hugo made
// for each audience × scope × language (layouts/briefs/page.html, listed in
// the site's /briefs/index.json) become PDFs.
//
// What comes in: the finished site tree (what Hugo wrote, before it is
// published), which holds the print pages and the index of them.
//
// What goes out: briefs/<audience>-<scope>-<lang>.pdf in the tree for the
// packs marked public, the same names under a folder outside the published
// tree for the packs marked restricted, and a [Report] of what was written.
// The PDF's title, subject and language come from the page's <title>,
// <meta name="description"> and <html lang>; each page carries its number
// and the data release in the footer.
//
// What always holds:
//
//   - The pages are printed by one headless Chromium (internal/browser) with
//     JavaScript off and no network beyond 127.0.0.1, from a local
//     httptest server over the tree.
//   - After Run, neither a restricted pack nor its print page is left in the
//     tree, and the index is gone: also when Run fails, and when Chromium is
//     missing ([ErrNoChromium]), so that a build that skips the packs never
//     publishes a restricted page.
//   - A PDF is written whole or not at all (written aside, then renamed).
//   - Printing the same page twice gives the same bytes: the PDF's
//     creation and modification dates are the data release's day (the
//     index's release, or Options.Date), not the time of printing, and
//     Chromium's own clock times are blanked in place.
//   - Case studies whose consent covers print only (casestudy.PrintData,
//     web false) appear in restricted packs only: the print page of a
//     public pack, published as HTML and PDF, shows only cases also
//     allowed on the web (layouts/briefs/page.html).
//   - File names are stable: scope is the country's slug ("kh") or the
//     province's ("kh-12").
package pack
