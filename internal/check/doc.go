// Package check validates observations before anything is computed from
// them, and reports every problem it finds, not just the first.
//
// In: the observations ingest produced ([]obs.Observation) and Options (the
// gazetteer, the rules, the plausibility bounds). Out: a finding.List,
// sorted errors first, and Write, which prints it as text or JSON.
//
// Always: every finding has a code from package finding and names the cell
// of the offending value; for a pair of values it is the one that comes
// later in the input (later year, for changes), and the other is named in
// the message; for a sum it is the total's cell. Errors are what must not
// be published; warnings are doubts a reader of the numbers should know
// about. Missing values (blank, not available, suppressed) are never
// compared. A key holding two different values is reported (each repeat,
// as primary-key) and left out of every comparison, since which value is
// right is unknown. Run's time grows about linearly with the number of
// observations (about half a second for a million on one core;
// BenchmarkRun), and Run does not modify them.
//
// The rules, by code:
//
//   - constraint-error (error): a negative value; a count that is not whole
//     (every known measure but prisoners_rate is a count); a date that is
//     not YYYY-MM-DD. As warnings: a measure, sex, status or age outside the
//     vocabulary of package obs, one finding per unknown name and file.
//   - foreign-key (error, only with Options.Places): a place code not in the
//     gazetteer, one finding per code and file.
//   - primary-key (error): one key (obs.Key) with two different values (a
//     blank and a zero differ). duplicate-row (warning): one key twice with
//     the same value.
//   - row-constraint: a part above its whole within a measure (female or
//     male above sex total, pretrial or sentenced above the status total of
//     the same sex, adult or juvenile above the age total, a category above
//     the measure's uncategorised total) is an error; pregnant, breastfeeding
//     or women_with_children above the female prisoners of the same place,
//     date, status and age is an error. Warnings, because real sources
//     differ: parts not adding up to their whole (female + male, pretrial +
//     sentenced, adult + juvenile; skipped when a part is above the whole,
//     which is already an error); more children living in a prison than
//     women in it, or more women with children than children (children are
//     the category-less total, or else the sum of the age bands); with
//     Options.Places, a country's or province's count that the places under
//     it do not add up to (hierarchy.go). Rates are never compared.
//   - implausible (warning): a year outside MinYear..MaxYear (one finding
//     per date and file); a value more than MaxChange away from the value of
//     the same key on the same day one year earlier (see Options).
//
// Children above the legal age limit (rules.AgeLimitOn) are not a finding:
// they are a fact the site reports, not a fault in the data. Options.Rules
// is accepted for the wiring and unused.
//
// ValidateCaseStudy checks a case study's front matter (casestudy.go). Its
// findings name the file as Source and start the message with the field's
// dotted name ("consent.date: ..."), the way configuration errors are
// written, rather than putting the field in Source.Cell, which is a
// spreadsheet cell everywhere else and which Source.String does not print
// without a sheet.
package check
