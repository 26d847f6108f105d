package ingest

// SafeCell neutralises a text cell that a spreadsheet would read as a
// formula (it starts with = + - @, tab, CR or LF) by prefixing an
// apostrophe, as WriteCSV does. Other stages writing CSV use it, so that
// there is one rule for the whole project. Do not pass numbers: "-3" would
// become text.
func SafeCell(s string) string { return safe(s) }
