// Package site publishes the statistics site: it writes the data Hugo reads
// (places, key findings, key-figure tables, the indicator catalogue, charts)
// and the downloads into a fresh build folder, runs Hugo over this
// project's content/, layouts/, i18n/ and assets/ with that folder mounted,
// and swaps the result into place only when everything succeeded.
//
// In: the compute result, the rendered charts, the gazetteer, the i18n
// catalog. Out: the published folder (public/ by default).
// Always: the previous published folder stays whole until the new one is
// complete; a failed build leaves no build folder behind; no published page
// requests anything from another host.
package site
