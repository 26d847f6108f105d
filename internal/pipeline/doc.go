// Package pipeline runs the stages in order — ingest, check, compute,
// chart, site — and wraps each stage's error with its name, so a failure
// says where it happened ("check: data/raw/x.xlsx:2012!D7: …").
//
// In: the project root (data/, charts/, content/, layouts/, i18n/, hugo.toml).
// Out: the published site, or the findings that stopped it.
// Always: the order listed in Build is the order of execution; a stage only
// reads what the previous stages returned.
package pipeline
