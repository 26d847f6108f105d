package pack

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func TestReadMetaReadsMinifiedHead(t *testing.T) {
	tests := []struct {
		name, page string
		want       docMeta
	}{
		{"minified", `<!doctype html><html lang=km><head><meta charset=utf-8><title>ឯកសារ: ចៅក្រម · ភ្នំពេញ</title><meta name=description content="សង្ខេប ក"></head><body><title>not this</title>`,
			docMeta{Title: "ឯកសារ: ចៅក្រម · ភ្នំពេញ", Subject: "សង្ខេប ក", Lang: "km"}},
		{"escaped", `<html lang="en"><title>Pack: &lt;script&gt;alert(1)&lt;/script&gt;</title><meta content="a &amp; b" name="Description">`,
			docMeta{Title: "Pack: <script>alert(1)</script>", Subject: "a & b", Lang: "en"}},
		{"empty", `<p>no head`, docMeta{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := readMeta(strings.NewReader(tt.page)); got != tt.want {
				t.Errorf("readMeta = %+v, want %+v", got, tt.want)
			}
		})
	}
}

// tinyPDF is a one-page PDF with a classic trailer and an Info object, the
// shape Chromium writes.
func tinyPDF() []byte { return tinyPDFAt("20261126080339") }

// tinyPDFAt is tinyPDF printed at a time (YYYYMMDDHHmmSS).
func tinyPDFAt(when string) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	objs := []string{
		"<</Type /Catalog /Pages 2 0 R /Lang (en)>>",
		"<</Type /Pages /Kids [3 0 R] /Count 1>>",
		"<</Type /Page /Parent 2 0 R /MediaBox [0 0 595 842]>>",
		"<</Title (Old \\(title\\))\n/Creator (HeadlessChrome)\n/Producer (Skia/PDF m148)\n/CreationDate (D:" + when + "+00'00')\n/ModDate (D:" + when + "+00'00')>>",
	}
	var offs []int
	for i, o := range objs {
		offs = append(offs, b.Len())
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	x := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, o := range offs {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<</Size %d\n/Root 1 0 R\n/Info 4 0 R>>\nstartxref\n%d\n%%%%EOF", len(objs)+1, x)
	return b.Bytes()
}

func TestSetInfoAddsSubjectAndKeepsProducer(t *testing.T) {
	pdf := tinyPDF()
	got, err := setInfo(pdf, docMeta{Title: "Briefing pack: Judges · ភ្នំពេញ", Subject: "For judges (a) & <b>"})
	if err != nil {
		t.Fatalf("setInfo: %v", err)
	}
	if !bytes.HasPrefix(got, pdf) {
		t.Fatalf("setInfo changed the original bytes; want an incremental update appended")
	}
	tail := string(got[len(pdf):])
	for _, want := range []string{"/Prev ", "/Producer (Skia/PDF m148)", "/CreationDate (D:20261126080339+00'00')", "/Subject <FEFF", "4 0 obj"} {
		if !strings.Contains(tail, want) {
			t.Errorf("update lacks %q:\n%s", want, tail)
		}
	}
	tool, err := exec.LookPath("pdfinfo")
	if err != nil {
		t.Skip("pdfinfo not installed (poppler-utils)")
	}
	f := filepath.Join(t.TempDir(), "x.pdf")
	if err := os.WriteFile(f, got, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(tool, f).CombinedOutput()
	if err != nil {
		t.Fatalf("pdfinfo: %v\n%s", err, out)
	}
	for _, want := range []string{"Title:           Briefing pack: Judges · ភ្នំពេញ", "Subject:         For judges (a) & <b>", "Producer:        Skia/PDF m148", "Pages:           1"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("pdfinfo lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(string(out), "Syntax Error") {
		t.Errorf("pdfinfo reports a syntax error:\n%s", out)
	}
}

func TestSetInfoRefusesAFileWithoutTrailer(t *testing.T) {
	if _, err := setInfo([]byte("%PDF-1.7\n1 0 obj\n<<>>\nendobj\n"), docMeta{Title: "x"}); err == nil {
		t.Errorf("setInfo(no trailer) = nil error, want one")
	}
}

func TestFooterEscapesSiteText(t *testing.T) {
	f := footer(Brief{Title: "Judges · <script>alert(1)</script>", PageLabel: "Page", OfLabel: "of", Marking: Restricted}, &Index{Release: "2015-12-31"})
	if strings.Contains(f, "<script>") {
		t.Errorf("footer holds an unescaped tag: %s", f)
	}
	for _, want := range []string{"&lt;script&gt;", `class="pageNumber"`, `class="totalPages"`, "2015-12-31", "RESTRICTED"} {
		if !strings.Contains(f, want) {
			t.Errorf("footer lacks %q: %s", want, f)
		}
	}
}

func TestReadIndexRejectsBadEntries(t *testing.T) {
	good := `{"audience":"judges","scope":"kh-12","lang":"en","marking":"public","path":"/briefs/judges-kh-12/"}`
	tests := []struct {
		name, briefs string
		ok           bool
	}{
		{"good", good, true},
		{"bad marking", strings.Replace(good, `"public"`, `"secret"`, 1), false},
		{"path outside", strings.Replace(good, `/briefs/judges-kh-12/`, `/../etc/`, 1), false},
		{"audience with slash", strings.Replace(good, `"judges"`, `"a/b"`, 1), false},
		{"twice", good + "," + good, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.MkdirAll(filepath.Join(dir, "briefs"), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, IndexPath), []byte(`{"briefs":[`+tt.briefs+`]}`), 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := readIndex(dir)
			if (err == nil) != tt.ok {
				t.Errorf("readIndex = %v, want ok=%v", err, tt.ok)
			}
		})
	}
}

func TestBriefFileName(t *testing.T) {
	b := Brief{Audience: "judges", Scope: "kh-12", Lang: "km"}
	if got, want := b.File(), "judges-kh-12-km.pdf"; got != want {
		t.Errorf("File() = %q, want %q", got, want)
	}
}

func TestSetInfoStampsTheReleaseDateAndLeavesNoClockTime(t *testing.T) {
	pdf := tinyPDF()
	got, err := setInfo(pdf, docMeta{Title: "Pack", Date: "2015-12-31"})
	if err != nil {
		t.Fatalf("setInfo: %v", err)
	}
	if len(got) <= len(pdf) || bytes.Contains(got, []byte("20261126")) {
		t.Errorf("setInfo left Chromium's clock time in the file:\n%s", got)
	}
	for _, want := range []string{"/CreationDate (D:20151231000000+00'00')", "/ModDate (D:20151231000000+00'00')"} {
		if !bytes.Contains(got[len(pdf):], []byte(want)) {
			t.Errorf("update lacks %q:\n%s", want, got[len(pdf):])
		}
	}
	// The original revision keeps its length, so its offsets hold.
	if !bytes.Equal(got[:100], pdf[:100]) || !bytes.Contains(got[:len(pdf)], []byte("/Producer (Skia/PDF m148)")) {
		t.Errorf("setInfo changed more than the dates in the original revision")
	}
	again, err := setInfo(tinyPDFAt("20261127093001"), docMeta{Title: "Pack", Date: "2015-12-31"})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, again) {
		t.Errorf("PDFs printed at different times differ after setInfo:\n%s\n---\n%s", got, again)
	}
	if _, err := setInfo(pdf, docMeta{Date: "31/12/2015"}); err == nil {
		t.Errorf("setInfo(Date 31/12/2015) = nil error, want one")
	}
	tool, err := exec.LookPath("pdfinfo")
	if err != nil {
		t.Skip("pdfinfo not installed (poppler-utils)")
	}
	f := filepath.Join(t.TempDir(), "x.pdf")
	if err := os.WriteFile(f, got, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(tool, "-isodates", f).CombinedOutput()
	if err != nil || strings.Contains(string(out), "Syntax Error") {
		t.Fatalf("pdfinfo: %v\n%s", err, out)
	}
	for _, want := range []string{"CreationDate:    2015-12-31T00:00:00", "ModDate:         2015-12-31T00:00:00"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("pdfinfo lacks %q:\n%s", want, out)
		}
	}
}

func TestRenumberNodeIDsKeepsOrderAndLength(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"two prints, one numbering",
			"/ID (node00000054)\n/Headers [(node00000054) (node00000057)]\n/Limits [(node00000054) (node00000060)]\n/Names [(node00000054) 1 0 R (node00000057) 2 0 R (node00000060) 3 0 R]",
			"/ID (node00000001)\n/Headers [(node00000001) (node00000002)]\n/Limits [(node00000001) (node00000003)]\n/Names [(node00000001) 1 0 R (node00000002) 2 0 R (node00000003) 3 0 R]"},
		{"other print",
			"/ID (node00000046)\n/Headers [(node00000046) (node00000049)]\n/Limits [(node00000046) (node00000052)]\n/Names [(node00000046) 1 0 R (node00000049) 2 0 R (node00000052) 3 0 R]",
			"/ID (node00000001)\n/Headers [(node00000001) (node00000002)]\n/Limits [(node00000001) (node00000003)]\n/Names [(node00000001) 1 0 R (node00000002) 2 0 R (node00000003) 3 0 R]"},
		{"hex order kept", "(node0000000A) (node00000009)", "(node00000002) (node00000001)"},
		{"mixed widths left alone", "(node0001) (node00000002)", "(node0001) (node00000002)"},
		{"none", "%PDF-1.4 (nodes) (node)", "%PDF-1.4 (nodes) (node)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := string(renumberNodeIDs([]byte(tt.in))); got != tt.want {
				t.Errorf("renumberNodeIDs(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}
