package sample

// profile is how big a prison is in the sample, relative to the others.
type profile struct {
	women float64 // weight in the allocation of women
	men   float64 // weight in the allocation of men
	hot   bool    // holds many pregnant women and children
	opens int     // first year with a row (0: from the first sheet)
}

// defaultProfile is used for a facility that profiles does not name, so that
// any gazetteer gives a workbook.
var defaultProfile = profile{women: 2, men: 2.5}

// profiles sizes the 28 facilities of data/places.toml. Correctional Centres
// 1 and 2 in Phnom Penh are the biggest; CC2 holds the most women. The five
// hot spots hold most pregnant women and children.
var profiles = map[string]profile{
	"KH-12-CC1": {women: 1, men: 20},
	"KH-12-CC2": {women: 26, men: 6, hot: true},
	"KH-3-CC3":  {women: 3, men: 7},
	"KH-15-CC4": {women: 2, men: 3},
	"KH-1-PP":   {women: 6, men: 5, hot: true},
	"KH-2-PP":   {women: 6, men: 5.5, hot: true},
	"KH-3-PP":   {women: 4, men: 4.5},
	"KH-4-PP":   {women: 2.5, men: 2.5},
	"KH-5-PP":   {women: 3, men: 3},
	"KH-6-PP":   {women: 2.5, men: 3},
	"KH-7-PP":   {women: 3, men: 3},
	"KH-8-PP":   {women: 7, men: 5, hot: true},
	"KH-23-PP":  {women: 0.6, men: 0.5},
	"KH-9-PP":   {women: 1.5, men: 1.5},
	"KH-10-PP":  {women: 2, men: 2},
	"KH-11-PP":  {women: 0.7, men: 0.6},
	"KH-22-PP":  {women: 1.2, men: 1.5},
	"KH-24-PP":  {women: 0.8, men: 0.8},
	"KH-18-PP":  {women: 3.5, men: 4},
	"KH-13-PP":  {women: 1, men: 1},
	"KH-14-PP":  {women: 3, men: 3.5},
	"KH-15-PP":  {women: 2, men: 2},
	"KH-16-PP":  {women: 1, men: 1},
	"KH-17-PP":  {women: 6, men: 6, hot: true},
	"KH-19-PP":  {women: 1, men: 1},
	"KH-20-PP":  {women: 2.5, men: 3},
	"KH-21-PP":  {women: 3, men: 3.5},
	"KH-25-PP":  {women: 2.5, men: 3, opens: 2014},
}

// The warts: a capacity cell holding "-" and breastfeeding cells left blank.
const (
	capacityNAYear       = 2009
	capacityNAFacility   = "KH-13-PP" // Preah Vihear Provincial Prison
	breastfeedBlankYear  = 2008
	breastfeedBlankFirst = "KH-11-PP" // Mondulkiri Provincial Prison
	breastfeedBlankOther = "KH-16-PP" // Ratanakiri Provincial Prison
)
