package obs

import (
	"encoding/json"
	"fmt"
	"strconv"
)

// Missing says why a value is absent. The zero value means it is present.
type Missing uint8

const (
	// Present: the value holds a number (possibly zero).
	Present Missing = iota
	// Blank: the cell was empty.
	Blank
	// NotAvailable: the source marked it not collected or not available.
	NotAvailable
	// SuppressedAtSource: the source hid it (confidentiality).
	SuppressedAtSource
	// NotApplicable: the figure does not exist for this key.
	NotApplicable
	// Suppressed: hidden by this tool's disclosure control.
	Suppressed
)

var missingNames = [...]string{"", "blank", "not_available", "suppressed_at_source", "not_applicable", "suppressed"}

func (m Missing) String() string {
	if int(m) < len(missingNames) {
		return missingNames[m]
	}
	return "missing(" + strconv.Itoa(int(m)) + ")"
}

// ParseMissing turns a reason name back into a Missing.
func ParseMissing(s string) (Missing, error) {
	for i, n := range missingNames {
		if i > 0 && n == s {
			return Missing(i), nil
		}
	}
	return 0, fmt.Errorf("unknown missing-value reason %q (want one of blank, not_available, suppressed_at_source, not_applicable)", s)
}

// Value is a count or a missing value with its reason.
type Value struct {
	Num     float64
	Missing Missing
}

// Num returns a present value.
func Num(f float64) Value { return Value{Num: f} }

// Absent returns a missing value with its reason.
func Absent(m Missing) Value { return Value{Missing: m} }

// OK reports whether the value holds a number.
func (v Value) OK() bool { return v.Missing == Present }

func (v Value) String() string {
	if !v.OK() {
		return v.Missing.String()
	}
	return strconv.FormatFloat(v.Num, 'f', -1, 64)
}

// MarshalJSON writes a number, or the reason as a string.
func (v Value) MarshalJSON() ([]byte, error) {
	if v.OK() {
		return json.Marshal(v.Num)
	}
	return json.Marshal(v.Missing.String())
}

// UnmarshalJSON reads what MarshalJSON writes.
func (v *Value) UnmarshalJSON(b []byte) error {
	var f float64
	if err := json.Unmarshal(b, &f); err == nil {
		*v = Num(f)
		return nil
	}
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	m, err := ParseMissing(s)
	if err != nil {
		return err
	}
	*v = Absent(m)
	return nil
}
