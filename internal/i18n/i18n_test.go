package i18n

import (
	"os"
	"path/filepath"
	"testing"
)

func TestTFallsBackToEnglishAndReportsMissing(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "en.toml"), []byte("[growth]\nother = \"Women rose by {{ .pct }}%.\"\n[only_en]\nother = \"English only\"\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "km.toml"), []byte("[growth]\nother = \"ស្ត្រី {{ .pct }}%\"\n"), 0o644)
	c, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	got, err := c.T("km", "growth", map[string]any{"pct": "98"})
	if err != nil || got != "ស្ត្រី 98%" {
		t.Errorf("T(km, growth) = %q, %v", got, err)
	}
	got, err = c.T("km", "only_en", nil)
	if err != nil || got != "English only" {
		t.Errorf("T(km, only_en) = %q, %v, want English fallback", got, err)
	}
	if _, err := c.T("en", "growth", map[string]any{}); err == nil {
		t.Error("T with a missing parameter succeeded")
	}
	if m := c.Missing()["km"]; len(m) != 1 || m[0] != "only_en" {
		t.Errorf("Missing()[km] = %v, want [only_en]", m)
	}
}

func TestFormat(t *testing.T) {
	tests := []struct {
		lang string
		x    float64
		dec  int
		d    Digits
		want string
	}{
		{"en", 1465158, 0, Western, "1,465,158"},
		{"en", 8.666, 1, Western, "8.7"},
		{"en", -0.04, 1, Western, "0.0"},
		{"en", -12.5, 1, Western, "-12.5"},
		{"km", 1624, 0, Native, "១,៦២៤"},
		{"km", 1624, 0, Western, "1,624"},
	}
	for _, tt := range tests {
		if got := Format(tt.lang, tt.x, tt.dec, tt.d); got != tt.want {
			t.Errorf("Format(%s, %v, %d) = %q, want %q", tt.lang, tt.x, tt.dec, got, tt.want)
		}
	}
}
