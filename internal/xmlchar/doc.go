// Package xmlchar says which characters XML 1.0 allows, as encoding/xml
// checks them: the fast readers of spreadsheet XML (internal/ingest) and
// of chart SVGs (internal/chart) must refuse exactly what encoding/xml
// refuses before they may skip it.
package xmlchar
