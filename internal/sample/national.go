package sample

// Year is the national picture of one year: women and men in prison on
// 31 December, summed over prisons.
type Year struct {
	Year  int
	Women int
	Men   int
}

// National is the table the sample follows exactly (docs/sample-layout.md):
// women +98.0% and men +38.0% from 2008 to 2012.
var National = []Year{
	{2008, 820, 12400},
	{2009, 1010, 13500},
	{2010, 1220, 14700},
	{2011, 1430, 15900},
	{2012, 1624, 17112},
	{2013, 1780, 18000},
	{2014, 1950, 19100},
	{2015, 2100, 20500},
}

// ReleasesIn2015 is the number of women released with their children in
// 2015, summed over mechanisms.
const ReleasesIn2015 = 16
