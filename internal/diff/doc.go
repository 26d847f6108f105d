// Package diff says what a new data release changes: new and vanished
// periods (reference dates), places and measures, values revised (the same
// key, old value → new value, with the cell of each), and how many
// observations were added or removed.
//
// In: two sets of observations (Compare), or two folders or git revisions
// of the project, each read by an ingest function the caller gives (Load,
// History), so this package does not depend on the pipeline. Out: a Summary,
// written as Markdown (for a GitHub job summary) or plain text by Write, and
// the data of the site's "data releases" page (Releases).
//
// Always:
//   - observations are matched by obs.Key; when a set holds one key twice,
//     the first is used (check reports the repeat as primary-key);
//   - a value is revised when the number or the missing reason differs
//     (blank → 0 is a revision; the source cell moving is not);
//   - every list in a Summary is sorted, so the same inputs give the same
//     bytes;
//   - a git revision is read from `git archive` into a temporary folder that
//     is removed afterwards; the working tree and the index are never
//     touched. A spec naming an existing folder is a folder, else a revision.
package diff
