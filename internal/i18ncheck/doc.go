// Package i18ncheck lists what is not yet translated, so that the Khmer
// site can be completed before it is published.
//
// In: the project folder: i18n/*.toml (UI strings), the ids that layouts/
// and content adapters use ({{ i18n "id" }}), charts/*.toml (chart
// words in [text.<lang>]), content/ (hand-written pages, x.md and its
// translation x.<lang>.md) and data/places.toml (name and name_<lang>).
// The languages are those of the i18n files; English (i18n.Default) is the
// one every other is checked against.
//
// Out: a finding.List of warnings, never errors (an untranslated string
// shows in English, with a note on pages; the site still builds), each
// with the file to edit, the line where known, and the key:
//
//	i18n/km.toml: missing-translation: no [nav_home] (English, i18n/en.toml:12: "Home")
//	layouts/_partials/chart-embed-snippet.html:18: missing-translation: uses [chart_embed], which i18n/km.toml lacks
//	charts/female-share.toml:19: missing-translation: [text.km] has no subtitle (English: "Percent of …")
//	content/about.md: missing-translation: no Khmer translation content/about.km.md
//	data/places.toml:9: missing-translation: place KH-5 "Kampong Speu" has no name_km
//
// and mismatches that would break or lose words: a translation that uses
// other {{ .placeholders }} than English, a chart whose [text.km] names
// another number of series, a string only the translation has, numerals
// written as Khmer ០-៩ instead of 0-9 (the digits setting chooses them).
//
// Always: a file that cannot be read or parsed is an error (the check
// cannot vouch for it), not a finding; findings come sorted.
package i18ncheck
