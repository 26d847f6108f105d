package chart

import "testing"

func TestCheckSVGRefusesActiveContentAndRemoteLinks(t *testing.T) {
	good := []string{
		`<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><text>&lt;script&gt;alert(1)&lt;/script&gt;</text><path d="M0 0L1 1"/></svg>`,
		`<svg><use href="#a"/></svg>`,
	}
	bad := []string{
		`<svg><script>alert(1)</script></svg>`,
		`<svg><rect onclick="alert(1)"/></svg>`,
		`<svg><foreignObject><div/></foreignObject></svg>`,
		`<svg><image href="https://example.org/x.png"/></svg>`,
		`<svg><a href="javascript:alert(1)"><text>x</text></a></svg>`,
		`<div>not svg</div>`,
	}
	for _, s := range good {
		if err := CheckSVG(s); err != nil {
			t.Errorf("CheckSVG(%q) = %v, want nil", s, err)
		}
	}
	for _, s := range bad {
		if err := CheckSVG(s); err == nil {
			t.Errorf("CheckSVG(%q) = nil, want an error", s)
		}
	}
}
