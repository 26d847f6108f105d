// Package obs defines the observation, the one data model every stage after
// ingest sees: a tidy long table of counts, each tied to the file, sheet and
// cell it was read from.
//
// In: nothing (it is a type package). Out: Observation, Value, Source.
// Always: a Value is either a number or missing with a reason; blank, zero,
// "not available" and "suppressed at source" are four different values.
package obs
