package ingest

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestInspectDescribesTheSample(t *testing.T) {
	path := filepath.Join(projectRoot(t), "data/raw/gdp-prisons-2008-2015.xlsx")
	if _, err := os.Stat(path); err != nil {
		t.Skip("sample export not there")
	}
	var b bytes.Buffer
	if err := Inspect(&b, path); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{`"Releases"`, "merged: A1:R1", "header row(s) [3 4]", `"Prisoners | Female"`, "[[source]]"} {
		if !strings.Contains(out, want) {
			t.Errorf("Inspect output lacks %q:\n%s", want, out)
		}
	}
	if testing.Verbose() {
		t.Log(out)
	}
}
