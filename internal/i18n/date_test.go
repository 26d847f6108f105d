package i18n

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"
)

func TestFormatDate(t *testing.T) {
	tests := []struct {
		lang, date string
		d          Digits
		want       string
	}{
		{"en", "2015-12-31", Western, "31 December 2015"},
		{"km", "2015-12-31", Western, "31 ធ្នូ 2015"},
		{"km", "2015-12-31", Native, "៣១ ធ្នូ ២០១៥"},
		{"en", "2015-12-31", Native, "31 December 2015"},
		{"km", "2011-02-05", Western, "5 កុម្ភៈ 2011"},
		{"en", "2009-06", Western, "June 2009"},
		{"km", "2009-06", Native, "មិថុនា ២០០៩"},
		{"km", "2012", Native, "២០១២"},
		{"en", "2012", Western, "2012"},
		{"fr", "2015-01-31", Western, "31 January 2015"},
	}
	for _, tt := range tests {
		got, err := FormatDate(tt.lang, tt.date, tt.d)
		if err != nil || got != tt.want {
			t.Errorf("FormatDate(%s, %s, %v) = %q, %v, want %q", tt.lang, tt.date, tt.d, got, err, tt.want)
		}
	}
}

func TestFormatDateRejectsWhatIsNotADate(t *testing.T) {
	for _, date := range []string{"", "2015-02-30", "2015-13", "31/12/2015", "15", "2015-12-31T00:00", "year"} {
		if got, err := FormatDate("km", date, Western); err == nil {
			t.Errorf("FormatDate(km, %q) = %q, want an error", date, got)
		}
	}
}

func TestParseDigits(t *testing.T) {
	tests := []struct {
		in      string
		want    Digits
		wantErr bool
	}{
		{"", Western, false},
		{"western", Western, false},
		{"Khmer", Native, false},
		{"native", Native, false},
		{"arabic", Western, true},
	}
	for _, tt := range tests {
		got, err := ParseDigits(tt.in)
		if got != tt.want || (err != nil) != tt.wantErr {
			t.Errorf("ParseDigits(%q) = %v, %v, want %v (error %v)", tt.in, got, err, tt.want, tt.wantErr)
		}
		if err == nil {
			if back, _ := ParseDigits(got.String()); back != got {
				t.Errorf("ParseDigits(%v.String()) = %v", got, back)
			}
		}
	}
}

// The Hugo partial date.html reads the month names from the i18n files
// (month_1 … month_12); they must be the names FormatDate uses.
func TestMonthKeysInTheI18nFilesMatchFormatDate(t *testing.T) {
	c, err := Load(filepath.Join("..", "..", "i18n"))
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range c.Languages() {
		for m := time.January; m <= time.December; m++ {
			id := fmt.Sprintf("month_%d", m)
			if !c.Has(lang, id) {
				t.Errorf("i18n/%s.toml has no [%s]", lang, id)
				continue
			}
			got, _ := c.T(lang, id, nil)
			if want := MonthName(lang, m); got != want {
				t.Errorf("i18n/%s.toml [%s] = %q, want %q (internal/i18n/date.go)", lang, id, got, want)
			}
		}
	}
}

func TestTextAppliesTheDigitsToTheWholeString(t *testing.T) {
	c := load(t, map[string]string{
		"en": "[index]\nother = \"Index, {{ .year }} = 100\"\n",
		"km": "[index]\nother = \"សន្ទស្សន៍ ឆ្នាំ{{ .year }} = 100\"\n",
	})
	tests := []struct {
		lang string
		d    Digits
		want string
	}{
		{"km", Native, "សន្ទស្សន៍ ឆ្នាំ២០០៨ = ១០០"},
		{"km", Western, "សន្ទស្សន៍ ឆ្នាំ2008 = 100"},
		{"en", Native, "Index, 2008 = 100"},
	}
	for _, tt := range tests {
		got, err := c.Text(tt.lang, "index", map[string]any{"year": 2008}, tt.d)
		if err != nil || got != tt.want {
			t.Errorf("Text(%s, index, %v) = %q, %v, want %q", tt.lang, tt.d, got, err, tt.want)
		}
	}
}

func load(t *testing.T, files map[string]string) *Catalog {
	t.Helper()
	dir := t.TempDir()
	for lang, text := range files {
		if err := os.WriteFile(filepath.Join(dir, lang+".toml"), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	c, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	return c
}
