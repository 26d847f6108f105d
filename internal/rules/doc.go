// Package rules reads data/rules.toml: the rules in force with their dates
// (the legal age limit for a child living with a mother in prison) and the
// disclosure-control thresholds.
//
// In: a TOML file. Out: Rules.
// Always: age-limit periods are ordered and do not overlap.
package rules
