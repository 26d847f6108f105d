// Package sample generates the illustrative sample export,
// data/raw/gdp-prisons-2008-2015.xlsx: a synthetic workbook shaped like what a
// national prison department sends, laid out as docs/sample-layout.md says.
//
// In: the gazetteer (data/places.toml); its facilities, in file order, are the
// prisons. Out: Data (one Sheet per year 2008–2015 with one Row per prison,
// and the Releases rows), and the workbook built from it by Workbook, Write or
// WriteFile.
//
// Always:
//   - the same gazetteer gives the same Data and the same bytes (fixed PCG
//     seed, fixed document properties, no timestamps);
//   - the women and men summed over prisons equal National for every year;
//   - per prison: female + male = total, pretrial + sentenced = total for
//     women and for all, pretrial female ≤ pretrial total, pregnant,
//     breastfeeding and women with children ≤ female, children ≥ women with
//     children, and children > 0 exactly when women with children > 0;
//   - women released (Releases sheet) sum to 16 in 2015 and 5–14 in the other
//     years; children released with them lie between the women released and
//     1.5 times that number;
//   - the figures are illustrative, not official; the workbook says so in its
//     title and notes.
//
// Warts a mapping must handle, on purpose: one capacity cell holding "-" (not
// available) and, in 2008, two blank breastfeeding cells (not collected).
package sample
