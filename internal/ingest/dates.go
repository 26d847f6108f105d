package ingest

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// defaultLayouts are the unambiguous date spellings every source knows.
// Day-month order (03/04/2015) is ambiguous: a mapping names its layout.
var defaultLayouts = []string{
	"2006-01-02", "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006/01/02",
	"02-Jan-06", "02-Jan-2006", "2-Jan-2006", "2 January 2006", "2 Jan 2006", "January 2, 2006",
}

// parseDate reads a date given as an Excel serial, a year alone (with day
// "MM-DD"), or text in one of the layouts, and returns YYYY-MM-DD.
func parseDate(v string, layouts []string, day string, date1904 bool) (string, error) {
	v = strings.TrimSpace(v)
	if day == "" {
		day = "12-31"
	}
	if len(v) == 4 && allDigits(v) {
		return v + "-" + day, nil
	}
	if plainFloat(v) {
		f, err := strconv.ParseFloat(v, 64)
		if err == nil {
			return serialDate(f, date1904)
		}
	}
	for _, l := range append(layouts, defaultLayouts...) {
		if t, err := time.Parse(l, v); err == nil {
			return t.Format("2006-01-02"), nil
		}
	}
	return "", fmt.Errorf("%q is not a date", v)
}

// serialDate converts an Excel date serial. In the 1900 system Excel counts
// 29 February 1900, which never was, so serials below 61 are ambiguous.
func serialDate(f float64, date1904 bool) (string, error) {
	if math.IsNaN(f) || f < 0 || f > 2958465 {
		return "", fmt.Errorf("%v is not a date serial", f)
	}
	n := int(math.Floor(f))
	if date1904 {
		return time.Date(1904, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, n).Format("2006-01-02"), nil
	}
	if n < 61 {
		return "", fmt.Errorf("date serial %d is ambiguous (Excel's 1900 leap-year bug makes serials below 61 off by a day); write the date as text YYYY-MM-DD", n)
	}
	return time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC).AddDate(0, 0, n).Format("2006-01-02"), nil
}

func allDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}
