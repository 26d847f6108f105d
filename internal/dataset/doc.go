// Package dataset makes the whole dataset downloadable: one tidy table of
// every published count, one table per indicator, a data dictionary and
// the list of source files, as CSV and XLSX, under a stable URL per data
// release.
//
// In: the observations (after check), the protected compute result (after
// internal/protect), the source files' descriptions and the release name.
// Out: published files by path (Build), for site.Input.Files, and the Data
// page's data (Page), for site.Input.Data["dataset"]:
//
//	downloads/<release>/observations.csv    every published count, tidy
//	downloads/<release>/observations.xlsx   the same, plus dictionary and sources sheets
//	downloads/<release>/data-dictionary.csv each field and code explained
//	downloads/<release>/series/<indicator>.csv
//	downloads/<release>/sources.csv         file, publisher, date received, licence, sha256
//	downloads/latest/…                      the same files, for a link that follows releases
//
// Why the table is built from the protected result and not from the raw
// observations: disclosure control (internal/protect) decides per published
// figure, not per spreadsheet cell, and it hides complementary cells so
// that no small count can be worked out by subtraction. A raw observation
// table would publish the very cells protect hid (a facility's "3 pregnant
// women") or enough of their neighbours to recover them. So observations.csv
// is the protected result's count series, one row per place, date,
// indicator and breakdown, each with its value or the reason it is absent
// ("suppressed": fewer than 5, or hidden to protect another cell), and the
// source cells it was read or summed from, so every number stays traceable
// to its file, sheet and cell. The raw observations serve only to count the
// observations per source file in sources.csv.
//
// Always:
//   - a point the protected result hides (obs.Suppressed) appears with an
//     empty value and status "suppressed", never with a number, in every
//     file;
//   - text cells of the CSV files go through ingest.SafeCell (formula
//     injection); numbers are written as numbers; XLSX text cells are
//     stored as strings, never as formulas;
//   - files under downloads/<release>/ and downloads/latest/ are byte for
//     byte the same; the release name is a safe path segment;
//   - rows are in a stable order (indicator, place, breakdown, date), so
//     two builds of the same data give the same files.
package dataset
