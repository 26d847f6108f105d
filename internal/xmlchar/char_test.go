package xmlchar

import (
	"encoding/xml"
	"strings"
	"testing"
)

// Valid agrees with encoding/xml on every rune class boundary.
func TestValidAgreesWithEncodingXML(t *testing.T) {
	for _, r := range []rune{0, 0x08, 0x09, 0x0A, 0x0B, 0x0D, 0x1F, 0x20, 'a', 0xD7FF, 0xE000, 0xFFFD, 0xFFFE, 0xFFFF, 0x10000, 0x10FFFF} {
		d := xml.NewDecoder(strings.NewReader("<a>" + string(r) + "</a>"))
		var err error
		for err == nil {
			_, err = d.Token()
		}
		xmlOK := err.Error() == "EOF"
		if Valid(r) != xmlOK {
			t.Errorf("Valid(%U) = %v, encoding/xml: %v", r, Valid(r), err)
		}
	}
}
