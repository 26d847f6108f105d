package obs

import (
	"fmt"
	"strconv"
)

// Field values used across stages. Sources map their own labels onto these.
const (
	Female = "female"
	Male   = "male"
	Total  = "total"

	Pretrial  = "pretrial"
	Sentenced = "sentenced"

	Adult    = "adult"
	Juvenile = "juvenile"
)

// Measures an observation can count (ARCHITECTURE.md). A source may add
// others; check warns about measures not listed here.
const (
	Prisoners         = "prisoners"
	Capacity          = "capacity"
	Pregnant          = "pregnant"
	Breastfeeding     = "breastfeeding"
	ChildrenInPrison  = "children_in_prison"
	WomenWithChildren = "women_with_children"
	Admissions        = "admissions"
	Releases          = "releases"
	// ChildrenReleased counts children released with their mothers.
	ChildrenReleased = "children_released"
	Population       = "population"
	// PrisonersRate is prisoners per 100,000 of the population, as published
	// by a source (Eurostat's P_HTHAB, UNODC's rates).
	PrisonersRate = "prisoners_rate"
)

// Measures lists the known measures in a stable order.
var Measures = []string{Prisoners, Capacity, Pregnant, Breastfeeding,
	ChildrenInPrison, WomenWithChildren, Admissions, Releases, ChildrenReleased, Population, PrisonersRate}

// Observation is one count: what was counted, where, when, and where in
// which file the number came from.
type Observation struct {
	// Date is the reference date of the count, YYYY-MM-DD.
	Date string `json:"date"`
	// Place is a gazetteer code (country, province or facility).
	Place  string `json:"place"`
	Sex    string `json:"sex"`    // female, male, total
	Status string `json:"status"` // pretrial, sentenced, total
	Age    string `json:"age"`    // adult, juvenile, total
	// Measure is what is counted: prisoners, capacity, pregnant, ...
	Measure string `json:"measure"`
	// Category is an extra breakdown (a child's age band, a release
	// mechanism); empty when the measure has none.
	Category string `json:"category,omitempty"`
	Value    Value  `json:"value"`
	Source   Source `json:"source"`
}

// Year returns the year of the reference date, or 0 if the date is malformed.
func (o Observation) Year() int {
	if len(o.Date) < 4 {
		return 0
	}
	y, err := strconv.Atoi(o.Date[:4])
	if err != nil {
		return 0
	}
	return y
}

// Key identifies what an observation counts, without its value or source.
// Two observations with the same key and different values are a conflict.
type Key struct {
	Date, Place, Sex, Status, Age, Measure, Category string
}

// Key returns the observation's key.
func (o Observation) Key() Key {
	return Key{o.Date, o.Place, o.Sex, o.Status, o.Age, o.Measure, o.Category}
}

func (k Key) String() string {
	s := fmt.Sprintf("%s %s %s sex=%s status=%s age=%s", k.Measure, k.Place, k.Date, k.Sex, k.Status, k.Age)
	if k.Category != "" {
		s += " category=" + k.Category
	}
	return s
}
