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
func tinyPDF() []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	objs := []string{
		"<</Type /Catalog /Pages 2 0 R /Lang (en)>>",
		"<</Type /Pages /Kids [3 0 R] /Count 1>>",
		"<</Type /Page /Parent 2 0 R /MediaBox [0 0 595 842]>>",
		"<</Title (Old \\(title\\))\n/Creator (HeadlessChrome)\n/Producer (Skia/PDF m148)\n/CreationDate (D:20261126080339+00'00')>>",
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
