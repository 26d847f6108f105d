// Package compute turns observations into the indicator catalogue: series of
// standard prison figures and women-specific ones per place and date, and
// key findings written out as sentences in every language.
//
// In: observations (after check), the gazetteer, the rules, the i18n
// catalog. Out: a Result (catalogue, series, key findings).
// Always: children are never added to prisoners, shares are never summed,
// a figure that cannot be computed is absent with a reason, never zero.
package compute
