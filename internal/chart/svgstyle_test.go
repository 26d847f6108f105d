package chart

import (
	"context"
	"strings"
	"testing"
)

func TestWithoutInlineStyle(t *testing.T) {
	tests := []struct {
		in, want string
		bad      bool
	}{
		{
			in:   `<svg><text x="1" style="font-size:14px;font-family:'Noto Sans Khmer', sans-serif;" fill="#333">a;b:c</text></svg>`,
			want: `<svg><text x="1" fill="#333" font-size="14px" font-family="'Noto Sans Khmer', sans-serif">a;b:c</text></svg>`,
		},
		{
			in:   `<svg><style>.a:hover{cursor:pointer}</style><path d="M0 0" style="fill:red" fill="blue"/></svg>`,
			want: `<svg><path d="M0 0" fill="red"/></svg>`,
		},
		{in: `<svg><text style="font-weight:700">x</text></svg>`, want: `<svg><text font-weight="700">x</text></svg>`},
		{in: `<svg><text style="font-family:&quot;A B&quot;">x</text></svg>`, want: `<svg><text font-family="&quot;A B&quot;">x</text></svg>`},
		{in: `<svg><g style="transform:rotate(3deg)"/></svg>`, bad: true},
		{in: `<svg><g style="background:url(x)"/></svg>`, bad: true},
	}
	for _, tt := range tests {
		got, err := withoutInlineStyle(tt.in)
		if tt.bad {
			if err == nil {
				t.Errorf("withoutInlineStyle(%q) = %q, want an error", tt.in, got)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("withoutInlineStyle(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
}

func TestRenderedSVGHasNoInlineStyle(t *testing.T) {
	r := newRenderer(t, "")
	defs, err := LoadDefs("../../charts")
	if err != nil {
		t.Fatal(err)
	}
	cs, err := Build(defs, testResult(), Options{Places: testGazetteer(t), Langs: []string{"en", "km"}})
	if err != nil {
		t.Fatal(err)
	}
	if err := r.Render(context.Background(), cs); err != nil {
		t.Fatal(err)
	}
	for _, c := range cs {
		for _, name := range markup(t, c.SVG) {
			if name == "style" || name == "@style" {
				t.Errorf("%s (%s): SVG holds %s, which style-src 'self' blocks", c.ID, c.Lang, name)
			}
		}
		if !strings.Contains(c.SVG, `font-size="`) || !strings.Contains(c.SVG, `font-family="`) {
			t.Errorf("%s (%s): SVG text has no font-size/font-family attributes", c.ID, c.Lang)
		}
	}
}
