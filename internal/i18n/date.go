package i18n

import (
	"fmt"
	"time"
)

// months are the month names per language, January first. The same names
// are the i18n keys month_1 … month_12 that the Hugo partial date.html uses;
// a test keeps the two equal.
var months = map[string][12]string{
	"en": {"January", "February", "March", "April", "May", "June", "July",
		"August", "September", "October", "November", "December"},
	"km": {"មករា", "កុម្ភៈ", "មីនា", "មេសា", "ឧសភា", "មិថុនា", "កក្កដា",
		"សីហា", "កញ្ញា", "តុលា", "វិច្ឆិកា", "ធ្នូ"},
}

// MonthName returns the name of month m (1-12) in lang, or in English when
// lang has no month names.
func MonthName(lang string, m time.Month) string {
	names, ok := months[lang]
	if !ok {
		names = months[Default]
	}
	return names[m-1]
}

// FormatDate writes a reference date given as YYYY-MM-DD, YYYY-MM or YYYY
// as people read it in lang, day first: "31 December 2015",
// "31 ធ្នូ 2015" (or "៣១ ធ្នូ ២០១៥" with Native digits), "December 2015",
// "2015". A date that is not one of those forms, or not a real day, is an
// error.
func FormatDate(lang, date string, d Digits) (string, error) {
	var out string
	switch len(date) {
	case len("2006-01-02"):
		t, err := time.Parse("2006-01-02", date)
		if err != nil {
			return "", fmt.Errorf("date %q: not a YYYY-MM-DD day", date)
		}
		out = fmt.Sprintf("%d %s %d", t.Day(), MonthName(lang, t.Month()), t.Year())
	case len("2006-01"):
		t, err := time.Parse("2006-01", date)
		if err != nil {
			return "", fmt.Errorf("date %q: not a YYYY-MM month", date)
		}
		out = fmt.Sprintf("%s %d", MonthName(lang, t.Month()), t.Year())
	case len("2006"):
		t, err := time.Parse("2006", date)
		if err != nil {
			return "", fmt.Errorf("date %q: not a YYYY year", date)
		}
		out = fmt.Sprint(t.Year())
	default:
		return "", fmt.Errorf("date %q: want YYYY-MM-DD, YYYY-MM or YYYY", date)
	}
	return Digitize(lang, out, d), nil
}
