package casestudy

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/prisonstats/prisonstats/internal/i18n"
)

func printCases(t *testing.T, data map[string]any, lang string) []printCase {
	t.Helper()
	byLang, ok := data["cases"].(map[string][]printCase)
	if !ok {
		t.Fatalf("PrintData cases = %T, want per-language lists", data["cases"])
	}
	return byLang[lang]
}

func TestPrintDataMarksPrintOnlyCasesOffTheWeb(t *testing.T) {
	printOnly := edit(goodFile, `pseudonym = "Sokha"`, `pseudonym = "Rachana"`, `scope = ["web", "print"]`, `scope = ["print"]`,
		"outcome_date = 2014-05-13", "outcome_date = 2013-01-21", "to = 2014-05-13", "to = 2013-01-21")
	publishPrint := edit(goodFile, `pseudonym = "Sokha"`, `pseudonym = "Chenda"`, `offence = "drugs"`, "offence = \"drugs\"\npublish = [\"print\"]")
	webOnly := edit(goodFile, `pseudonym = "Sokha"`, `pseudonym = "Maly"`, `scope = ["web", "print"]`, `scope = ["web"]`)
	refused := edit(goodFile, `pseudonym = "Sokha"`, `pseudonym = "Vanna"`, "given = true\n", "given = false\n")
	dir := caseDir(t, map[string]string{
		"sokha.md": goodFile, "rachana.md": printOnly, "chenda.md": publishPrint, "maly.md": webOnly, "vanna.md": refused,
		"sokha.km.md": "+++\ntitle = \"សុខា\"\n+++\n\nសុខា លក់បន្លែនៅផ្សារ។\n",
	})
	cases, _, err := Load(dir, gazetteer(t), today)
	if err != nil {
		t.Fatal(err)
	}
	if len(cases) != 5 {
		t.Fatalf("Load = %d cases, want 5", len(cases))
	}
	offences, err := LoadOffences(dir + "/../" + OffencesFile)
	if err != nil {
		t.Fatal(err)
	}
	// PrintData gates again: it is given every case here, and must keep
	// the web-only and the refused ones out.
	data, err := PrintData(cases, SiteOptions{Places: gazetteer(t), Offences: offences, Langs: []string{"en", "km"}, Digits: i18n.Native})
	if err != nil {
		t.Fatalf("PrintData = %v", err)
	}
	want := []struct {
		pseudonym string
		web       bool
		year      string
	}{
		// newest first, then by slug
		{"Chenda", false, "2014"},
		{"Sokha", true, "2014"},
		{"Rachana", false, "2013"},
	}
	for _, lang := range []string{"en", "km"} {
		got := printCases(t, data, lang)
		if len(got) != len(want) {
			t.Fatalf("%s: PrintData = %d cases %+v, want %d", lang, len(got), got, len(want))
		}
		for i, w := range want {
			g := got[i]
			if g.Pseudonym != w.pseudonym || g.Web != w.web {
				t.Errorf("%s: case %d = %s web=%v, want %s web=%v", lang, i, g.Pseudonym, g.Web, w.pseudonym, w.web)
			}
			if g.Province != "KH-12" {
				t.Errorf("%s: %s province = %q, want KH-12", lang, g.Pseudonym, g.Province)
			}
			year := w.year
			if lang == "km" {
				year = i18n.Digitize("km", year, i18n.Native)
			}
			if g.Year != year {
				t.Errorf("%s: %s year = %q, want %q", lang, g.Pseudonym, g.Year, year)
			}
		}
	}
	en, km := printCases(t, data, "en")[1], printCases(t, data, "km")[1]
	for _, c := range []struct{ name, got, want string }{
		{"en summary", en.Summary, "Sokha sold vegetables at a market."},
		{"km summary", km.Summary, "សុខា លក់បន្លែនៅផ្សារ។"},
		{"km title", km.Title, "សុខា"},
		{"en outcome", en.Outcome, "Pardoned"},
		{"en mechanism", en.Mechanism, "Royal pardon"},
		{"km outcome", km.Outcome, "ទទួលបានការលើកលែងទោស"},
		{"en province", en.ProvinceName, "Phnom Penh"},
	} {
		if c.got != c.want {
			t.Errorf("%s = %q, want %q", c.name, c.got, c.want)
		}
	}
}

func TestPrintDataRefusesAnUnresolvedProvince(t *testing.T) {
	dir := caseDir(t, map[string]string{"sokha.md": edit(goodFile, `province = "Phnom Penh"`, `province = "Atlantis"`, `prison = "Correctional Centre 2"`, "")})
	cases, _, err := Load(dir, gazetteer(t), today)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := PrintData(cases, SiteOptions{Places: gazetteer(t), Langs: []string{"en"}}); err == nil || !strings.Contains(err.Error(), "sokha.md") {
		t.Errorf("PrintData(unresolved province) = %v, want an error naming the file", err)
	}
}

func TestPrintDataWithNoCasesGivesEmptyLists(t *testing.T) {
	data, err := PrintData(nil, SiteOptions{Places: gazetteer(t), Langs: []string{"en", "km"}})
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range []string{"en", "km"} {
		if got := printCases(t, data, lang); got == nil || len(got) != 0 {
			t.Errorf("%s: cases = %#v, want an empty list", lang, got)
		}
	}
}

func TestSummary(t *testing.T) {
	long := strings.Repeat("word ", 100)
	tests := []struct {
		name, body string
		max        int
		want       string
	}{
		{"skips the illustrative note", "*This case is invented.*\n\nShe sold vegetables. She was arrested.\n\nMore.", 100,
			"She sold vegetables. She was arrested."},
		{"joins lines and drops marks", "She sold **vegetables** at\na [market](http://x).", 100, "She sold vegetables at a market."},
		{"cuts at a sentence end", "One two three. Four five six seven.", 20, "One two three."},
		{"cuts at a space", "One two three four five", 12, "One two…"},
		{"cuts a Khmer sentence at the khan", "សុខា លក់បន្លែ។ គាត់ត្រូវបានចាប់ខ្លួននៅឆ្នាំ២០១២ ដោយសារ", 20, "សុខា លក់បន្លែ។"},
		{"cuts a long word", "abcdefghij", 4, "abcd…"},
		{"skips a heading", "# Title\n\nText.", 100, "Text."},
		{"empty", "", 100, ""},
		{"long", long, 50, strings.TrimSpace(long[:50]) + "…"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Summary(tt.body, tt.max)
			if got != tt.want {
				t.Errorf("Summary(%q, %d) = %q, want %q", tt.body, tt.max, got, tt.want)
			}
			if n := utf8.RuneCountInString(got); n > tt.max+1 {
				t.Errorf("Summary is %d characters, want at most %d", n, tt.max+1)
			}
		})
	}
}
