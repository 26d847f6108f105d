package chart

import (
	"context"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"
)

// startsWithMark reports whether s begins with a Khmer vowel sign, mark,
// coeng or subscript, which cannot begin a line.
func startsWithMark(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return r >= 0x17B4 && r <= 0x17D3 || r == 0x17DD
}

func TestWrapKhmer(t *testing.T) {
	tests := []struct {
		s     string
		width int
		want  []string
	}{
		{"ស្ត្រី", 600, []string{"ស្ត្រី"}},
		// A space is the preferred break.
		{"កុមាររស់នៅក្នុងពន្ធនាគារជាមួយម្តាយ តាមអាយុ", 300, []string{"កុមាររស់នៅក្នុងពន្ធនាគារជាមួយម្តាយ", "តាមអាយុ"}},
		// Without a space, between syllables: never before ាំ or a subscript.
		{"ភាគរយស្ត្រីក្នុងចំណោមអ្នកជាប់ឃុំទាំងអស់", 200, nil},
		{"Women in prison, Phnom Penh", 200, []string{"Women in prison,", "Phnom Penh"}},
	}
	for _, tt := range tests {
		got := wrapKhmer(tt.s, 18, tt.width)
		if strings.Join(got, "") != strings.ReplaceAll(tt.s, " ", "") && strings.Join(got, " ") != tt.s {
			t.Errorf("wrapKhmer(%q) = %q: lost or changed text", tt.s, got)
		}
		for _, l := range got {
			if startsWithMark(l) {
				t.Errorf("wrapKhmer(%q) = %q: a line starts inside a syllable", tt.s, got)
			}
			w, p := 0.0, rune(0)
			for _, r := range l {
				w += khmerAdvance(r, p)
				p = r
			}
			if w*18 > float64(tt.width) {
				t.Errorf("wrapKhmer(%q, %d px): line %q is about %.0f px", tt.s, tt.width, l, w*18)
			}
		}
		if tt.want != nil && strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("wrapKhmer(%q, %d) = %q, want %q", tt.s, tt.width, got, tt.want)
		}
		if tt.want == nil && len(got) < 2 {
			t.Errorf("wrapKhmer(%q, %d) = %q, want it broken", tt.s, tt.width, got)
		}
	}
}

func TestKhmerSVGTitleLinesStartOnASyllable(t *testing.T) {
	r := newRenderer(t, "")
	defs, err := LoadDefs("../../charts")
	if err != nil {
		t.Fatal(err)
	}
	cs, err := Build(defs, testResult(), Options{Places: testGazetteer(t), Langs: []string{"km"}})
	if err != nil {
		t.Fatal(err)
	}
	if err := r.Render(context.Background(), cs); err != nil {
		t.Fatal(err)
	}
	text := regexp.MustCompile(`<text[^>]*>([^<]*)</text>`)
	for _, c := range cs {
		for _, m := range text.FindAllStringSubmatch(c.SVG, -1) {
			if startsWithMark(m[1]) {
				t.Errorf("%s: SVG text line %q starts inside a syllable", c.ID, m[1])
			}
		}
	}
}
