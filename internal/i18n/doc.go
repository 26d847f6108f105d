// Package i18n reads the UI strings in i18n/<lang>.toml (the same files Hugo
// reads) so that Go code generating text (key findings, chart alt text)
// uses one set of translations with the pages, and writes numbers and
// dates per language.
//
// In: the i18n folder; for FontFiles, the node_modules folder.
//
// Out: a Catalog that renders a string by id with parameters, as Hugo's
// i18n function does ({{ .name }} placeholders); Format for numbers
// (thousands separators, Khmer or Western digits); FormatDate for
// reference dates ("2015-12-31" → "31 December 2015", "31 ធ្នូ 2015");
// Digitize and Catalog.Text to apply the digits setting (ParseDigits reads
// it: "western" or "khmer") to a whole string; FontFiles, the Khmer web
// font files the site publishes under fonts/ for assets/css/site.css.
//
// Always: a missing translation falls back to English and is reported by
// Missing, never silently dropped; translations write numerals as 0-9 and
// the digits setting alone decides whether Khmer pages show ០-៩; the month
// names FormatDate uses are the i18n keys month_1 … month_12 that the Hugo
// partial date.html uses (a test keeps them equal).
package i18n
