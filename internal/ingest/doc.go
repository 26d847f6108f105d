// Package ingest reads the authorities' spreadsheet exports (XLSX, CSV)
// through source mappings and yields observations tied to their cells.
//
// In: a mapping (data/sources.toml, or a folder of *.toml) naming files,
// sheets, header rows, where tables stop, and how headers and cells map onto
// observation fields; the gazetteer; the files themselves.
// Out: observations (one per value cell), findings (errors and warnings
// about the files, each with its position), Inspect's description of a
// workbook for people writing mappings, and a tidy CSV of observations.
//
// Always: no code is written for one particular file, only mapping
// features; a file that cannot be read safely (encrypted, legacy format,
// zip bomb, over-long line) ends in one error finding naming it, never a
// panic; XLSX sheets are streamed by the fast sheet reader (fastread.go),
// which hands any sheet it cannot read exactly as excelize's Rows iterator
// would back to that iterator (excelize always reads the workbook's
// structure: sheets, shared strings, styles, merges, date system), so
// memory grows with the observations kept, not with the rows read; cells in
// columns that look like personal data never reach an observation; blank,
// zero, not available and suppressed at source stay four different values.
package ingest
