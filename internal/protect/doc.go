// Package protect is disclosure control: it hides the small counts that
// would identify women and children in a prison, hides enough other cells
// that none of them can be worked out from the published figures, hides the
// shares, rates and indices computed from hidden counts, and then audits
// the result.
//
// In: a *compute.Result, the gazetteer, the rules ([[disclosure]] entries of
// data/rules.toml). Out: a protected copy of the result and a Report of
// every hidden value and why it was hidden, and of the key findings
// withheld because they quote one.
//
// Always:
//   - the input result is never modified;
//   - a count from 1 to below−1 of a protected measure at a protected level
//     is never published; it reads "fewer than 5"; zeros are published;
//   - no hidden count can be determined from the published numbers through
//     the sums that tie them together (facilities → province → country, age
//     bands → total, female + male → total, children over the age limit =
//     the bands above it), whether by subtraction, by combining several sums,
//     or by using the ranges the labels state ("fewer than 5" means 1 to 4);
//     where such a range would give a cell away, the cell is labelled
//     "hidden to protect small numbers" like a complementary cell instead;
//   - complementary cells are the smallest non-zero cells that do the job
//     (a hidden zero protects little); country figures are hidden only when
//     nothing else will do;
//   - a published share, rate or index never rests on a hidden count, nor on
//     the exact value behind a rounded one; a share of 0% or 100% over fewer
//     than below people is hidden;
//   - Apply returns no result when the audit fails, when the rules name an
//     unknown level or indicator, or when there are no disclosure rules: it
//     fails closed rather than publish less protected figures.
package protect
