package sample

import "github.com/prisonstats/prisonstats/internal/places"

// Bands are the category codes of the children's age bands, in column order
// (N…Q: under 1, 1–2, 2–3, over 3).
var Bands = [4]string{"under_1", "1_2", "2_3", "over_3"}

// Mechanism is a way women were released, with its label in the workbook and
// its category code.
type Mechanism struct {
	Label string
	Code  string
}

// Mechanisms are the release mechanisms, in the order of the Releases sheet.
var Mechanisms = []Mechanism{
	{"Royal pardon", "royal_pardon"},
	{"Early release", "early_release"},
	{"Court decision", "court_decision"},
}

// Row is one prison on one year's sheet.
type Row struct {
	Facility places.Place // column B is its Name
	Province places.Place // column C is its Name

	Female, Male, Total             int
	PretrialFemale, PretrialTotal   int
	SentencedFemale, SentencedTotal int

	Capacity   int
	CapacityNA bool // the capacity cell holds "-" (Capacity is then not written)

	Pregnant           int
	Breastfeeding      int
	BreastfeedingBlank bool // the breastfeeding cell is blank (not collected)

	Children          [4]int // by band, as Bands
	WomenWithChildren int
}

// ChildrenTotal is the number of children living with their mothers.
func (r Row) ChildrenTotal() int {
	return r.Children[0] + r.Children[1] + r.Children[2] + r.Children[3]
}

// Sheet is one year's sheet: the prisons in gazetteer order.
type Sheet struct {
	Year int
	Rows []Row
}

// Release is one row of the Releases sheet.
type Release struct {
	Year      int
	Mechanism Mechanism
	Women     int // women released with their children
	Children  int // children released with them
}

// Data is everything the workbook holds.
type Data struct {
	Sheets   []Sheet
	Releases []Release
}
