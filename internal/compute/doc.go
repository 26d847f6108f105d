// Package compute turns observations into the indicator catalogue: series of
// standard prison figures and women-specific ones per place and date, and
// key findings written out as sentences in every language.
//
// In: observations (after check), the gazetteer, the rules, the i18n
// catalog, optionally other countries' observations (Options.Reference).
// Out: a Result: the catalogue (Catalogue, from which the methodology page
// is generated), one Series per indicator, place and breakdown with points
// in date order, the country's rank among countries by women's share, and
// KeyFindings rendered in every language of Options.Langs. Ranking, Growth
// and CAGR work on a Result or a Series.
//
// How a count is found, for a place and date: the source's own figure;
// else the sum over its sub-places (facilities → province → country) that
// have any data on that date; else, for a total over categories, the sum of
// the categories; else male = total − female, pretrial = total − sentenced.
// Every point carries the cells it stands on and, when derived, a note.
//
// Always: children are never added to prisoners (no sum crosses measures);
// shares and rates are never summed, they are computed from summed counts;
// two counts are only combined (share, difference) when they stand on the
// same places' figures, so a source's own national total is never divided
// by a sum over its prisons; a figure that cannot be computed is absent
// with a reason in words, never zero; a missing prison in a sum makes the
// sum absent, naming the prison. Key findings name their period, round
// growth to whole percents and shares to one decimal, and never claim a
// trend across a missing or absent year.
package compute
