package check_test

import (
	"os"

	"github.com/prisonstats/prisonstats/internal/check"
	"github.com/prisonstats/prisonstats/internal/obs"
)

func ExampleRun() {
	at := func(cell string) obs.Source { return obs.Source{File: "gdp.xlsx", Sheet: "2012", Cell: cell} }
	row := func(cell, sex, status, measure string, v float64) obs.Observation {
		return obs.Observation{Date: "2012-12-31", Place: "KH-12-CC2", Sex: sex, Status: status, Age: obs.Total,
			Measure: measure, Value: obs.Num(v), Source: at(cell)}
	}
	in := []obs.Observation{
		row("D7", obs.Female, obs.Total, obs.Prisoners, 120),
		row("E7", obs.Male, obs.Total, obs.Prisoners, 1000),
		row("F7", obs.Total, obs.Total, obs.Prisoners, 1100),
		row("G7", obs.Female, obs.Pretrial, obs.Prisoners, 130),
		row("L7", obs.Female, obs.Total, obs.Pregnant, 121),
		row("D8", obs.Female, obs.Total, obs.Prisoners, 120),
	}
	in[5].Place = "KH-12-CC1"
	in = append(in, in[5])
	in[6].Value, in[6].Source = obs.Num(12), at("D9")
	l := check.Run(in, check.Options{MinYear: 1950, MaxYear: 2026})
	check.Write(os.Stdout, l, "text")
	// Output:
	// gdp.xlsx:2012!G7: row-constraint: prisoners KH-12-CC2 2012-12-31 sex=female status=pretrial age=total is 130, above its whole (status=total) 120 at gdp.xlsx:2012!D7
	// gdp.xlsx:2012!L7: row-constraint: pregnant KH-12-CC2 2012-12-31 sex=female status=total age=total is 121, above the 120 female prisoners at gdp.xlsx:2012!D7
	// gdp.xlsx:2012!D9: primary-key: prisoners KH-12-CC1 2012-12-31 sex=female status=total age=total is 12 here and 120 at gdp.xlsx:2012!D8: two values for one key
	// gdp.xlsx:2012!F7: row-constraint: prisoners KH-12-CC2 2012-12-31 sex=total status=total age=total is 1,100, but female 120 (at gdp.xlsx:2012!D7) + male 1,000 (at gdp.xlsx:2012!E7) = 1,120, 20 over it
	// 3 errors, 1 warning
}
