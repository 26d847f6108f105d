package chart

import (
	"encoding/xml"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// echartsSVGs are SVGs as echarts 6.1.0 wrote them for the sample (a line
// chart, a Khmer bar chart with decal patterns, a small one), before
// finishSVG.
func echartsSVGs(t testing.TB) map[string]string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", "echarts-svg", "*.svg"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no testdata/echarts-svg: %v", err)
	}
	out := map[string]string{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		out[filepath.Base(f)] = string(b)
	}
	return out
}

// slowElements is what encoding/xml sees: every start element, with names
// reduced to what scanSVG gives (the prefix as Space).
func slowElements(s string) ([]xml.StartElement, error) {
	d := xml.NewDecoder(strings.NewReader(s))
	d.Strict = true
	d.Entity = xml.HTMLEntity
	var els []xml.StartElement
	for {
		tok, err := d.RawToken() // names untranslated: Space is the prefix
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		if el, ok := tok.(xml.StartElement); ok {
			els = append(els, el.Copy())
		}
	}
	// RawToken does not match end tags to start tags; Token does.
	d = xml.NewDecoder(strings.NewReader(s))
	d.Strict = true
	d.Entity = xml.HTMLEntity
	for {
		_, err := d.Token()
		if err == io.EOF {
			return els, nil
		}
		if err != nil {
			return nil, err
		}
	}
}

func fastElements(s string) ([]xml.StartElement, bool) {
	var els []xml.StartElement
	ok, _ := scanSVG(s, func(el xml.StartElement) error {
		els = append(els, el)
		return nil
	})
	return els, ok
}

// compareScan fails when scanSVG accepts s and encoding/xml does not, or
// they see different elements. (scanSVG giving up is always allowed.)
func compareScan(t *testing.T, s string) (fast bool) {
	t.Helper()
	got, ok := fastElements(s)
	if !ok {
		return false
	}
	want, err := slowElements(s)
	if err != nil {
		t.Fatalf("scanSVG accepted what encoding/xml refuses (%v): %.300q", err, s)
	}
	for _, els := range [][]xml.StartElement{got, want} {
		for i := range els {
			if len(els[i].Attr) == 0 {
				els[i].Attr = nil
			}
		}
	}
	if len(got) != len(want) {
		t.Fatalf("scanSVG saw %d elements, encoding/xml %d, in %.300q", len(got), len(want), s)
	}
	for i := range got {
		if !reflect.DeepEqual(got[i], want[i]) {
			t.Fatalf("element %d: scanSVG %v, encoding/xml %v, in %.300q", i, got[i], want[i], s)
		}
	}
	return true
}

func TestScanSVGReadsEChartsOutput(t *testing.T) {
	for name, raw := range echartsSVGs(t) {
		finished, err := finishSVG(raw, "x-en", `Women's share & "more"`)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		// The raw SVG's <style> holds CDATA, which the fast path leaves
		// to encoding/xml; finishSVG removes it.
		compareScan(t, raw)
		if !compareScan(t, finished) {
			t.Errorf("%s: scanSVG gave up on a finished chart: the fast path is never taken", name)
		}
	}
}

func TestScanSVGAgreesWithEncodingXML(t *testing.T) {
	cases := []string{
		`<svg><g a="1"></g></svg>`,
		`<svg xmlns:xlink="u"><use xlink:href="#a"/></svg>`,
		`<svg><text>a &amp; b &#39; &#x41; &lt;</text></svg>`,
		`<svg><text a="&quot;x&apos;"/></svg>`,
		`<svg><g></h></svg>`,          // mismatched: both refuse
		`<svg><g></svg>`,              // mismatched
		`<svg><g>`,                    // unclosed
		`<svg><text>]]></text></svg>`, // refused by encoding/xml
		`<svg a="1"b="2"></svg>`,      // no space between attributes: left to encoding/xml
		`<svg a='1'></svg>`,
		`<svg><!-- c --></svg>`,
		`<svg><![CDATA[x]]></svg>`,
		`<svg><?pi x?></svg>`,
		`<svg><text>&nbsp;</text></svg>`,
		`<svg><text>&#0;</text></svg>`,
		`<svg><text>&#xD800;</text></svg>`,
		`<svg><text>&bogus;</text></svg>`,
		"<svg><text>a\rb</text></svg>",
		"<svg><text>\x01</text></svg>",
		"<svg><text>\xff</text></svg>",
		`<svg><a:b:c/></svg>`,
		`<svg><:a/></svg>`,
		`<svg><a: x="1"/></svg>`,
		`<svg><é/></svg>`,
		`<svg><text>ខ្មែរ</text></svg>`,
		`<svg><g a="<"/></svg>`,
		`<svg><g a="1" /></svg>`,
		`<svg><g a="1" ></g ></svg>`,
		`<svg></svg><g/>`,
		`<svg/>trailing`,
		`<svg><script>alert(1)</script></svg>`,
		`<svg><a href="javascript:x"/></svg>`,
		`<svg><a href="&#x6A;avascript:x"/></svg>`,
	}
	for _, s := range cases {
		compareScan(t, s)
		// and walkSVG, fast or slow, agrees with a plain encoding/xml walk
		_, slowErr := slowElements(s)
		walkErr := walkSVG(s, func(xml.StartElement) error { return nil })
		if (slowErr == nil) != (walkErr == nil) {
			t.Errorf("walkSVG(%q) = %v; encoding/xml: %v", s, walkErr, slowErr)
		}
	}
}

func TestCheckSVGFastPathRefusesActiveContent(t *testing.T) {
	for _, s := range []string{
		`<svg><script>alert(1)</script></svg>`,
		`<svg><g onload="x"/></svg>`,
		`<svg><a xlink:href="javascript:x"/></svg>`,
		`<svg><a href=" &#x6A;avascript:x"/></svg>`,
		`<svg><image href="http://example.org/x.png"/></svg>`,
		`<svg><foreignObject/></svg>`,
	} {
		if _, ok := fastElements(s); !ok {
			t.Errorf("%q: expected the fast path to read it", s)
		}
		if err := CheckSVG(s); err == nil {
			t.Errorf("CheckSVG(%q) = nil, want an error", s)
		}
	}
}

func FuzzScanSVG(f *testing.F) {
	for _, s := range echartsSVGs(f) {
		f.Add(s[:min(len(s), 2000)])
	}
	f.Add(`<svg a="&amp;" b="x"><g/></svg>`)
	f.Fuzz(func(t *testing.T, s string) {
		compareScan(t, s)
	})
}

// zrIDRegexp is how renumber found zrender's names before zrName.
var zrIDRegexp = regexp.MustCompile(`\bzr\d+-((?:cls-)?[a-z]*)(\d+)\b`)

func renumberRegexp(s, prefix string) string {
	seen := map[string]string{}
	next := map[string]int{}
	return zrIDRegexp.ReplaceAllStringFunc(s, func(m string) string {
		if r, ok := seen[m]; ok {
			return r
		}
		kind := zrIDRegexp.FindStringSubmatch(m)[1]
		r := prefix + kind + strconv.Itoa(next[kind])
		next[kind]++
		seen[m] = r
		return r
	})
}

func TestRenumberMatchesTheRegexp(t *testing.T) {
	inputs := []string{
		"zr1-c0 zr1-cls-3 xzr1-c0 zr1-c0x zr12-p4 zr-c0 zr1c0 zr1-cls-x7 zr1-clsa2 zr1-cls- zr1-9 _zr1-c0 zr1-c0_",
		"url(#zr3-c1)\"zr3-cls-0\";zr99-",
	}
	for _, s := range echartsSVGs(t) {
		inputs = append(inputs, s)
	}
	for _, s := range inputs {
		if got, want := renumber(s, "ps-x-"), renumberRegexp(s, "ps-x-"); got != want {
			t.Errorf("renumber differs from the regexp on %.200q", s)
		}
	}
}

func FuzzRenumber(f *testing.F) {
	f.Add("zr1-c0 zr1-cls-3 xzr1-c0 zr12-p4")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := renumber(s, "p-"), renumberRegexp(s, "p-"); got != want {
			t.Fatalf("renumber(%q) = %q, regexp %q", s, got, want)
		}
	})
}

func TestRestyleScanMatchesTheRegexp(t *testing.T) {
	for name, s := range echartsSVGs(t) {
		if strings.Contains(s, "<style") {
			s = styleElement.ReplaceAllString(s, "")
		}
		fast, ok, err := restyleScan(s)
		if !ok || err != nil {
			t.Fatalf("%s: restyleScan gave up (%v)", name, err)
		}
		slow, err := restyleRegexp(s)
		if err != nil {
			t.Fatal(err)
		}
		if fast != slow {
			t.Errorf("%s: restyleScan and restyleRegexp differ", name)
		}
		if !strings.Contains(s, ` style="`) || strings.Contains(fast, ` style="`) {
			t.Errorf("%s: no style rewritten", name)
		}
	}
}
