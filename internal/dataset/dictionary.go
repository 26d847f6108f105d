package dataset

import (
	"fmt"
	"slices"
	"strings"

	"github.com/prisonstats/prisonstats/internal/compute"
	"github.com/prisonstats/prisonstats/internal/obs"
)

// Entry is one line of the data dictionary: a field, or one code of a
// field, and what it means.
type Entry struct {
	File        string `json:"file"`
	Field       string `json:"field"`
	Code        string `json:"code,omitempty"`
	Description string `json:"description"`
}

var fieldDescriptions = []Entry{
	{"observations.csv", "indicator", "", "What the value measures: an id of the indicator catalogue (codes below; the methodology page defines each). series/<indicator>.csv holds one indicator each, with the same fields from place on."},
	{"observations.csv", "unit", "", "The unit of the value: count, percent, per 100,000, index. observations.csv holds the counts; series files hold every unit."},
	{"observations.csv", "place", "", "Gazetteer code of the place (data/places.toml): KH is Cambodia, KH-<n> a province (ISO 3166-2:KH), KH-<n>-<short name> a prison."},
	{"observations.csv", "place_level", "", "country, province or facility (a prison)."},
	{"observations.csv", "date", "", "Reference date of the count, YYYY-MM-DD (31 December of the year for the sample)."},
	{"observations.csv", "year", "", "The year of the reference date."},
	{"observations.csv", "breakdown", "", "The sex (female, male, total), or the category of the indicator (a child's age band, a release mechanism); empty when the indicator has none."},
	{"observations.csv", "value", "", "The number; empty when status is not published. Never a hidden number."},
	{"observations.csv", "status", "", "published, or why the value is absent (codes below)."},
	{"observations.csv", "reason", "", "Why a value is absent, in words (\"fewer than 5\", \"no capacity reported\")."},
	{"observations.csv", "note", "", "How a value was obtained when not read directly (\"male = total − female\", a sum over prisons), or a note on the whole series."},
	{"observations.csv", "sources", "", "The cells the value was read or computed from: file:sheet!cell or file:line:column, separated by \"; \"; further cells of the same sheet follow the first after a comma (file:sheet!M5,M6,M9)."},
	{"sources.csv", "file", "", "The authority's export, as received (kept unmodified)."},
	{"sources.csv", "publisher", "", "Who published or sent the file."},
	{"sources.csv", "date_received", "", "When the file was received, YYYY-MM-DD."},
	{"sources.csv", "licence", "", "The terms the file may be reused under."},
	{"sources.csv", "sha256", "", "SHA-256 of the file: check that a copy is the one the figures come from."},
	{"sources.csv", "observations", "", "How many values were read from the file."},
}

var statusDescriptions = []Entry{
	{"observations.csv", "status", "published", "The value is published."},
	{"observations.csv", "status", obs.Suppressed.String(), "Hidden by this site's disclosure control: a count from 1 to 4 of pregnant or breastfeeding women, women with children or children in a prison or province (reason \"fewer than 5\"), another value hidden so that it cannot be worked out by subtraction, or a share computed from a hidden count."},
	{"observations.csv", "status", obs.Blank.String(), "The source's cell was empty."},
	{"observations.csv", "status", obs.NotAvailable.String(), "The source marked the figure as not collected or not available, or it cannot be computed (see reason)."},
	{"observations.csv", "status", obs.SuppressedAtSource.String(), "The source itself hid the figure."},
	{"observations.csv", "status", obs.NotApplicable.String(), "The figure does not exist for this place and date (see reason)."},
}

// breakdownDescriptions explain the breakdown codes the sample uses; a
// code not listed is described generically.
var breakdownDescriptions = map[string]string{
	obs.Female: "Women (female prisoners).", obs.Male: "Men.", obs.Total: "Everyone, women and men together; or all categories.",
	"under_1": "Children under 1 year old.", "1_2": "Children aged 1 to under 2.", "2_3": "Children aged 2 to under 3.",
	"over_3": "Children aged 3 or more.", "royal_pardon": "Released by royal pardon.",
	"early_release": "Released early (parole, good behaviour).", "court_decision": "Released by a court decision (acquittal, appeal, end of pretrial detention).",
}

// dictionary lists the fields, then the codes used in this release:
// statuses, indicators (from the catalogue) and breakdowns.
func dictionary(res *compute.Result) []Entry {
	out := slices.Clone(fieldDescriptions)
	out = append(out, statusDescriptions...)
	used := map[string]bool{}
	breakdowns := map[string]bool{}
	for _, s := range res.Series {
		used[s.Indicator] = true
		if s.Breakdown != "" {
			breakdowns[s.Breakdown] = true
		}
	}
	for _, ind := range res.Catalogue {
		if !used[ind.ID] {
			continue
		}
		d := fmt.Sprintf("%s (%s). %s", ind.Name, ind.Unit, ind.Definition)
		if ind.Caveats != "" {
			d += " Caveats: " + ind.Caveats
		}
		out = append(out, Entry{"observations.csv", "indicator", ind.ID, d})
	}
	codes := make([]string, 0, len(breakdowns))
	for b := range breakdowns {
		codes = append(codes, b)
	}
	slices.Sort(codes)
	for _, b := range codes {
		d := breakdownDescriptions[b]
		if d == "" {
			d = "A category of the indicator: " + strings.ReplaceAll(b, "_", " ") + "."
		}
		out = append(out, Entry{"observations.csv", "breakdown", b, d})
	}
	return out
}

func dictionaryCSV(entries []Entry) ([]byte, error) {
	var recs [][]string
	for _, e := range entries {
		recs = append(recs, []string{e.File, e.Field, e.Code, e.Description})
	}
	return writeCSV([]string{"file", "field", "code", "description"}, recs, nil)
}
