package compute

// Indicator ids. The chart definitions and the site use them.
const (
	IndPrisoners         = "prisoners"
	IndFemaleShare       = "female_share"
	IndPrisonersIndex    = "prisoners_index"
	IndPretrialShare     = "pretrial_share"
	IndOccupancy         = "occupancy"
	IndCapacity          = "capacity"
	IndPregnant          = "pregnant"
	IndBreastfeeding     = "breastfeeding"
	IndWomenWithChildren = "women_with_children"
	IndChildrenInPrison  = "children_in_prison"
	IndChildrenOverLimit = "children_over_limit"
	IndReleases          = "releases"
	IndChildrenReleased  = "children_released"
	IndRatePer100k       = "rate_per_100k"
)

const refDate = "the reference date of the count (as the source states it, e.g. 31 December of the year)"

// Catalogue returns the indicators in a stable order; the methodology page
// is generated from it.
func Catalogue() []Indicator {
	return []Indicator{
		{
			ID: IndPrisoners, Name: "Prisoners",
			Definition: "Persons held in prisons, penal or correctional institutions on the reference date, " +
				"pretrial and sentenced, by sex. Children living with their mothers are not prisoners and are never counted here.",
			Formula: "count; where a source gives facilities only, the sum over facilities (province) and provinces (country); " +
				"male = total − female where male is not given",
			Unit: "count", ReferenceDate: refDate,
			Caveats:          "A source's own province or country figure is preferred to a sum over its facilities.",
			DefinitionSource: "UNODC, UN-CTS \"persons held\"; World Prison Brief; UN Bangkok Rules, rule 49",
		},
		{
			ID: IndFemaleShare, Name: "Women's share of prisoners",
			Definition:       "Women as a percentage of all prisoners.",
			Formula:          "female prisoners ÷ all prisoners × 100, from counts (summed counts for provinces and the country, never averaged shares)",
			Unit:             "percent",
			ReferenceDate:    refDate,
			DefinitionSource: "World Prison Brief, \"female prisoners (percentage of prison population)\"; UNODC",
		},
		{
			ID: IndPrisonersIndex, Name: "Prisoners, index (first year = 100)",
			Definition:       "The number of prisoners of each sex relative to the first year with data for the place.",
			Formula:          "prisoners in year ÷ prisoners in the first year with data × 100; the base year is named in the series note",
			Unit:             "index",
			ReferenceDate:    refDate,
			Caveats:          "Women and men may have different base years when one was reported later.",
			DefinitionSource: "this project",
		},
		{
			ID: IndPretrialShare, Name: "Unsentenced detainees' share of prisoners",
			Definition: "Persons held who have not been sentenced (pretrial, awaiting trial or appeal) as a percentage of all prisoners, by sex.",
			Formula:    "unsentenced prisoners ÷ all prisoners × 100; unsentenced = total − sentenced where not given",
			Unit:       "percent", ReferenceDate: refDate,
			DefinitionSource: "SDG indicator 16.3.2 metadata (UNODC): unsentenced detainees as a proportion of overall prison population",
		},
		{
			ID: IndOccupancy, Name: "Occupancy",
			Definition:       "Prisoners as a percentage of the official capacity.",
			Formula:          "all prisoners × 100 ÷ official capacity; absent when no capacity is reported",
			Unit:             "percent",
			ReferenceDate:    refDate,
			Caveats:          "Official capacity is defined by each authority; above 100 means overcrowding by its own measure.",
			DefinitionSource: "World Prison Brief, \"occupancy level (based on official capacity)\"",
		},
		{
			ID: IndCapacity, Name: "Official capacity",
			Definition:       "The number of places the authority declares for the prison or prisons.",
			Formula:          "count; summed over facilities where the source gives no total",
			Unit:             "count",
			ReferenceDate:    refDate,
			DefinitionSource: "World Prison Brief, \"official capacity of prison system\"",
		},
		{
			ID: IndPregnant, Name: "Pregnant women in prison",
			Definition: "Women prisoners who are pregnant on the reference date.", Formula: "count",
			Unit: "count", ReferenceDate: refDate,
			DefinitionSource: "UN Bangkok Rules, rule 48; the authority's register",
		},
		{
			ID: IndBreastfeeding, Name: "Breastfeeding women in prison",
			Definition: "Women prisoners who are breastfeeding on the reference date.", Formula: "count",
			Unit: "count", ReferenceDate: refDate,
			DefinitionSource: "UN Bangkok Rules, rule 48; the authority's register",
		},
		{
			ID: IndWomenWithChildren, Name: "Women living in prison with their children",
			Definition: "Women prisoners who have one or more of their children living with them in prison.", Formula: "count",
			Unit: "count", ReferenceDate: refDate,
			DefinitionSource: "UN Bangkok Rules, rules 49–52; the authority's register",
		},
		{
			ID: IndChildrenInPrison, Name: "Children living in prison with their mothers",
			Definition: "Children living in prison with their imprisoned mothers, by age band and in total. They are not prisoners.",
			Formula:    "count by age band; total = the source's total, or the sum of the bands",
			Unit:       "count", ReferenceDate: refDate,
			DefinitionSource: "UN Bangkok Rules, rules 49–52; the authority's register",
		},
		{
			ID: IndChildrenOverLimit, Name: "Children above the legal age limit",
			Definition: "Children living in prison who are older than the age limit in force on the reference date (rules.toml: child_age_limit).",
			Formula:    "sum of the age bands that lie wholly above the limit; absent when a band straddles the limit",
			Unit:       "count", ReferenceDate: refDate,
			Caveats:          "With bands under 1, 1–2, 2–3 and over 3, children over a 6-year limit cannot be counted: the figure is absent, not zero.",
			DefinitionSource: "national law (Cambodia: Law on Prisons 2011, 3 years; 6 years before); this project",
		},
		{
			ID: IndReleases, Name: "Women released with their children",
			Definition: "Women living in prison with their children who were released during the year, by release mechanism (pardon, early release, court decision) and in total.",
			Formula:    "count by mechanism; total = the source's total, or the sum of the mechanisms",
			Unit:       "count", ReferenceDate: "the year of release",
			DefinitionSource: "this project, from the authority's release register",
		},
		{
			ID: IndChildrenReleased, Name: "Children released with their mothers",
			Definition: "Children who left prison because their mothers were released, by release mechanism and in total.",
			Formula:    "count by mechanism; total = the source's total, or the sum of the mechanisms",
			Unit:       "count", ReferenceDate: "the year of release",
			DefinitionSource: "this project, from the authority's release register",
		},
		{
			ID: IndRatePer100k, Name: "Prisoners per 100,000 population",
			Definition: "Prisoners per 100,000 of the population, by sex; computed only where population figures are supplied, or as published by the source.",
			Formula:    "prisoners × 100,000 ÷ population; for women the base is the female population where given, else the whole population (the point's note says which)",
			Unit:       "per 100,000", ReferenceDate: refDate,
			DefinitionSource: "World Prison Brief, \"prison population rate\"; UNODC; Eurostat P_HTHAB",
		},
	}
}
