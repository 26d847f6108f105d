package casestudy

import (
	"strings"
	"testing"
)

func TestSplitFrontMatter(t *testing.T) {
	tests := []struct {
		in      string
		body    string
		line    int
		wantErr bool
	}{
		{"+++\na = 1\n+++\n\nStory.\n", "Story.", 5, false},
		{"\ufeff+++\r\na = 1\r\n+++\r\nStory.\r\nMore.", "Story.\nMore.", 4, false},
		{"+++\na = 1\n+++", "", 3, false},
		{"---\na: 1\n---\n", "", 0, true},
		{"+++\na = 1\n", "", 0, true},
		{"Story.", "", 0, true},
		{"+++\na = \n+++\n", "", 0, true},
	}
	for _, tt := range tests {
		fm, body, line, err := splitFrontMatter([]byte(tt.in))
		if (err != nil) != tt.wantErr {
			t.Errorf("splitFrontMatter(%q) error = %v, want error %v", tt.in, err, tt.wantErr)
			continue
		}
		if err != nil {
			continue
		}
		if body != tt.body || line != tt.line || fm["a"] != int64(1) {
			t.Errorf("splitFrontMatter(%q) = %v, %q, line %d; want a = 1, %q, line %d", tt.in, fm, body, line, tt.body, tt.line)
		}
	}
}

func FuzzSplitFrontMatter(f *testing.F) {
	f.Add("+++\npseudonym = \"Sokha\"\n[custody]\nfrom = 2012-03-02\n+++\n\nStory.\n")
	f.Add("+++\n+++\n")
	f.Add("+++\n\n+++\n+++\n")
	f.Fuzz(func(t *testing.T, s string) {
		fm, body, line, err := splitFrontMatter([]byte(s))
		if err != nil {
			return
		}
		if fm == nil || line < 1 || strings.Count(s, "\n")+1 < line {
			t.Errorf("splitFrontMatter(%q) = %v, %q, line %d", s, fm, body, line)
		}
	})
}
