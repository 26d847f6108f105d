// Package finding defines a finding: something wrong or doubtful in the
// inputs, with a code (Frictionless vocabulary where one fits), a severity and
// the position (file, sheet, cell or line, column) it is about.
//
// In: produced by ingest and check. Out: sorted lists printed by the CLI one
// per line, errors first, or as JSON.
// Always: a finding names where it is; Error() is "position: code: message".
package finding
