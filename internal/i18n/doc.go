// Package i18n reads the UI strings in i18n/<lang>.toml (the same files Hugo
// reads) so that Go code generating text (key findings, chart alt text)
// uses one set of translations with the pages, and formats numbers per
// language.
//
// In: the i18n folder. Out: a Catalog that renders a string by id with
// parameters, as Hugo's i18n function does ({{ .name }} placeholders).
// Always: a missing translation falls back to English and is reported by
// Missing, never silently dropped.
package i18n
