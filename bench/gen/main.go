// Command gen writes the benchmark's reference workload (issue 10), always
// the same bytes for the same flags (fixed seed):
//
//   - bench/out/site-25/ and bench/out/site-250/: self-contained project
//     folders for `prisonstats build -root`: one tidy export of prisoners by
//     year (2008–2023), province, sex and legal status (data/raw/, XLSX and
//     CSV, with their MANIFEST.toml records), places, sources (the XLSX;
//     data/sources-csv.toml maps the CSV), release and rules, five chart
//     definitions (home: women and men per year, women's share, women by
//     province in the latest year; each province: its women and men by
//     year, its pretrial share) and the content, layouts, i18n (English)
//     and assets copied from the repository; bin/ and node_modules/ are
//     links to the repository's.
//   - bench/out/register/: a register of N people (facility, province, sex,
//     status, age, admission date, pregnant, children with her) as XLSX
//     and CSV, with its mapping (register.toml) and gazetteer.
//
// With -change DIR it rewrites DIR's XLSX export with one value changed
// (and its manifest record): the "one export changed" build.
//
//	go run ./bench/gen [-out bench/out] [-repo .] [-rows 1000000] [-provinces 25,250]
//	go run ./bench/gen -change bench/out/site-25
package main

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

func main() {
	out := flag.String("out", "bench/out", "where to write")
	repo := flag.String("repo", ".", "the repository (layouts, i18n, assets, content, bin, node_modules)")
	rows := flag.Int("rows", 1_000_000, "register rows (0: no register)")
	provs := flag.String("provinces", "25,250", "province counts, one site each")
	change := flag.String("change", "", "a site folder: rewrite its export with one value changed")
	flag.Parse()
	if err := run(*out, *repo, *rows, *provs, *change); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(out, repo string, rows int, provs, change string) error {
	if change != "" {
		return changeExport(change)
	}
	for _, p := range strings.Split(provs, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(p))
		if err != nil || n < 1 {
			return fmt.Errorf("-provinces: %q is not a count", p)
		}
		dir := filepath.Join(out, fmt.Sprintf("site-%d", n))
		if err := writeSite(dir, repo, n, 0); err != nil {
			return fmt.Errorf("%s: %w", dir, err)
		}
		fmt.Println("wrote", dir)
	}
	if rows > 0 {
		dir := filepath.Join(out, "register")
		if err := writeRegister(dir, rows); err != nil {
			return fmt.Errorf("%s: %w", dir, err)
		}
		fmt.Println("wrote", dir)
	}
	return nil
}

const (
	firstYear = 2008
	lastYear  = 2023
)

// province is one generated province: its name and its prisoners in the
// first year, and growth rates.
type province struct {
	code, name       string
	men, women       float64
	menGrow, womGrow float64
	pretrial         float64 // share pretrial
}

func provinces(n int) []province {
	r := rand.New(rand.NewPCG(10, uint64(n)))
	ps := make([]province, n)
	for i := range ps {
		men := 300 + r.Float64()*2500
		ps[i] = province{
			code:     fmt.Sprintf("BX-%d", i+1),
			name:     fmt.Sprintf("Province %0*d", len(strconv.Itoa(n)), i+1),
			men:      men,
			women:    men * (0.04 + r.Float64()*0.05),
			menGrow:  0.02 + r.Float64()*0.05,
			womGrow:  0.05 + r.Float64()*0.12,
			pretrial: 0.25 + r.Float64()*0.4,
		}
	}
	return ps
}

// exportRow is one row of the tidy export.
type exportRow struct {
	year                 int
	province, sex, legal string
	n                    int
}

// exportRows lists the export's rows; bump (>= 0) moves one prisoner from
// sentenced to pretrial in one province, year and sex.
func exportRows(n, bump int) []exportRow {
	var out []exportRow
	for y := firstYear; y <= lastYear; y++ {
		t := float64(y - firstYear)
		for _, p := range provinces(n) {
			for _, sex := range []string{"Female", "Male"} {
				base, g := p.men, p.menGrow
				if sex == "Female" {
					base, g = p.women, p.womGrow
				}
				total := base
				for range int(t) {
					total *= 1 + g
				}
				pre := int(total * p.pretrial)
				out = append(out,
					exportRow{y, p.name, sex, "Pretrial", pre},
					exportRow{y, p.name, sex, "Sentenced", int(total) - pre},
					exportRow{y, p.name, sex, "Total", int(total)})
			}
		}
	}
	if bump >= 0 {
		// one more pretrial, one fewer sentenced: the total stands
		k := bump % (len(out) / 3) * 3
		out[k].n++
		out[k+1].n--
	}
	return out
}

// writeExport writes the export as XLSX and CSV under dir/data/raw and
// their manifest.
func writeExport(dir string, n, bump int) error {
	raw := filepath.Join(dir, "data", "raw")
	if err := os.MkdirAll(raw, 0o755); err != nil {
		return err
	}
	rows := exportRows(n, bump)
	hdr := []any{"Year", "Province", "Sex", "Legal status", "Prisoners"}
	err := writeXLSX(filepath.Join(raw, "prisoners.xlsx"), "Prisoners", func(s *sheetWriter) {
		s.writeRow(hdr...)
		for _, r := range rows {
			s.writeRow(r.year, r.province, r.sex, r.legal, r.n)
		}
	})
	if err != nil {
		return err
	}
	var b strings.Builder
	b.WriteString("Year,Province,Sex,Legal status,Prisoners\n")
	for _, r := range rows {
		fmt.Fprintf(&b, "%d,%s,%s,%s,%d\n", r.year, r.province, r.sex, r.legal, r.n)
	}
	if err := os.WriteFile(filepath.Join(raw, "prisoners.csv"), []byte(b.String()), 0o644); err != nil {
		return err
	}
	return writeManifest(dir, []string{"data/raw/prisoners.xlsx", "data/raw/prisoners.csv"})
}

func writeManifest(dir string, files []string) error {
	var b strings.Builder
	b.WriteString("# Written by bench/gen: one record per file under data/raw.\n")
	for _, f := range files {
		data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(f)))
		if err != nil {
			return err
		}
		sum := sha256.Sum256(data)
		fmt.Fprintf(&b, "\n[[file]]\nfile = %q\nsha256 = %q\nsize = %d\npublisher = \"prisonstats bench (synthetic)\"\nreceived = \"2024-01-31\"\nlicence = \"CC0-1.0\"\n",
			f, hex.EncodeToString(sum[:]), len(data))
	}
	return os.WriteFile(filepath.Join(dir, "data", "raw", "MANIFEST.toml"), []byte(b.String()), 0o644)
}

// changeExport rewrites a site's export with one more prisoner in one row
// (a different row each time: the count of changes so far picks it).
func changeExport(dir string) error {
	n, err := siteProvinces(dir)
	if err != nil {
		return err
	}
	stamp := filepath.Join(dir, ".changes")
	k := 0
	if b, err := os.ReadFile(stamp); err == nil {
		k, _ = strconv.Atoi(strings.TrimSpace(string(b)))
	}
	k++
	if err := writeExport(dir, n, k*7919); err != nil {
		return err
	}
	return os.WriteFile(stamp, []byte(strconv.Itoa(k)), 0o644)
}

// siteProvinces reads the province count from the site's places.toml.
func siteProvinces(dir string) (int, error) {
	b, err := os.ReadFile(filepath.Join(dir, "data", "places.toml"))
	if err != nil {
		return 0, err
	}
	return strings.Count(string(b), `level = "province"`), nil
}

func writeSite(dir, repo string, n, bump int) error {
	if err := os.RemoveAll(dir); err != nil {
		return err
	}
	for _, d := range []string{"data/raw", "charts", "content"} {
		if err := os.MkdirAll(filepath.Join(dir, d), 0o755); err != nil {
			return err
		}
	}
	// the site's look: copied from the repository, English only
	for _, d := range []string{"layouts", "assets", "static"} {
		if err := copyTree(filepath.Join(repo, d), filepath.Join(dir, d), nil); err != nil {
			return err
		}
	}
	if err := copyTree(filepath.Join(repo, "content"), filepath.Join(dir, "content"), func(rel string) bool {
		return strings.HasSuffix(rel, ".km.md") || rel == "_index.md"
	}); err != nil {
		return err
	}
	if err := copyFile(filepath.Join(repo, "i18n", "en.toml"), filepath.Join(dir, "i18n", "en.toml")); err != nil {
		return err
	}
	// rules and the other configuration the build reads (offences, ...):
	// the repository's, but for the bench's own places, sources and release
	tomls, _ := filepath.Glob(filepath.Join(repo, "data", "*.toml"))
	for _, f := range tomls {
		switch filepath.Base(f) {
		case "places.toml", "sources.toml", "release.toml":
			continue
		}
		if err := copyFile(f, filepath.Join(dir, "data", filepath.Base(f))); err != nil {
			return err
		}
	}
	hugo, err := os.ReadFile(filepath.Join(repo, "hugo.toml"))
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, "hugo.toml"), []byte(benchHugo(string(hugo))), 0o644); err != nil {
		return err
	}
	for _, l := range []string{"bin", "node_modules"} {
		abs, err := filepath.Abs(filepath.Join(repo, l))
		if err != nil {
			return err
		}
		if err := os.Symlink(abs, filepath.Join(dir, l)); err != nil {
			return err
		}
	}
	files := map[string]string{
		"data/places.toml":               placesTOML(n, 0),
		"data/sources.toml":              sourcesTOML("data/raw/prisoners.xlsx"),
		"data/sources-csv.toml":          sourcesTOML("data/raw/prisoners.csv"),
		"data/release.toml":              fmt.Sprintf("title = \"Benchmark: the province site, %d provinces\"\nillustrative = true\npublisher = \"prisonstats bench (synthetic)\"\nheadline_years = [2012]\n", n),
		"content/_index.md":              homeMD,
		"charts/women-men.toml":          chartWomenMen,
		"charts/female-share.toml":       chartFemaleShare,
		"charts/women-by-province.toml":  chartWomenByProvince,
		"charts/province-women-men.toml": chartProvinceWomenMen,
		"charts/province-pretrial.toml":  chartProvincePretrial,
	}
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(name)), []byte(body), 0o644); err != nil {
			return err
		}
	}
	return writeExport(dir, n, bump-1)
}

// benchHugo is the repository's hugo.toml with English only and the
// bench's province charts.
func benchHugo(s string) string {
	var out []string
	skip := false
	for _, line := range strings.Split(s, "\n") {
		t := strings.TrimSpace(line)
		if strings.HasPrefix(t, "[") {
			skip = t == "[languages.km]"
		}
		if skip {
			continue
		}
		if strings.HasPrefix(t, "provinceCharts") {
			line = `provinceCharts = ["province-women-men", "province-pretrial"]`
		}
		out = append(out, line)
	}
	return strings.Join(out, "\n")
}

func placesTOML(n, facilities int) string {
	var b strings.Builder
	b.WriteString("# Benchland: generated by bench/gen.\n\n[[place]]\ncode = \"BX\"\nlevel = \"country\"\nname = \"Benchland\"\n")
	for _, p := range provinces(n) {
		fmt.Fprintf(&b, "\n[[place]]\ncode = %q\nlevel = \"province\"\nparent = \"BX\"\nname = %q\n", p.code, p.name)
		for f := 1; f <= facilities; f++ {
			fmt.Fprintf(&b, "\n[[place]]\ncode = \"%s-F%d\"\nlevel = \"facility\"\nparent = %q\nname = \"%s prison %d\"\n", p.code, f, p.code, p.name, f)
		}
	}
	return b.String()
}

func sourcesTOML(file string) string {
	return `# The province export: one row per year, province, sex and legal status.
[[source]]
name = "prisoners-by-province"
file = "` + file + `"

[source.fields]
date = { column = "Year", pattern = '^(\d{4})$', format = "{1}-12-31" }
place = { column = "Province" }
sex = { column = "Sex", map = { Female = "female", Male = "male" } }
status = { column = "Legal status", map = { Pretrial = "pretrial", Sentenced = "sentenced", Total = "total" } }
age = "total"
measure = "prisoners"

[[source.values]]
column = "Prisoners"
`
}

// writeRegister writes a register of n people under dir.
func writeRegister(dir string, n int) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	const nProv, nFac = 25, 4
	ps := provinces(nProv)
	if err := os.WriteFile(filepath.Join(dir, "places.toml"), []byte(placesTOML(nProv, nFac)), 0o644); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, "register.toml"), []byte(registerTOML), 0o644); err != nil {
		return err
	}
	csvf, err := os.Create(filepath.Join(dir, "register.csv"))
	if err != nil {
		return err
	}
	defer csvf.Close()
	cw := bufio.NewWriterSize(csvf, 1<<20)
	hdr := []string{"Facility", "Province", "Sex", "Status", "Age", "Admission date", "Pregnant", "Children with her"}
	cw.WriteString(strings.Join(hdr, ",") + "\n")
	r := rand.New(rand.NewPCG(10, 1))
	err = writeXLSX(filepath.Join(dir, "register.xlsx"), "Register", func(s *sheetWriter) {
		h := make([]any, len(hdr))
		for i, x := range hdr {
			h[i] = x
		}
		s.writeRow(h...)
		for range n {
			p := ps[r.IntN(nProv)]
			fac := fmt.Sprintf("%s prison %d", p.name, 1+r.IntN(nFac))
			sex, pregnant, children := "Male", "No", 0
			if r.IntN(10) == 0 {
				sex = "Female"
				if r.IntN(20) == 0 {
					pregnant = "Yes"
				}
				if r.IntN(8) == 0 {
					children = 1 + r.IntN(2)
				}
			}
			status := "Sentenced"
			if r.IntN(3) == 0 {
				status = "Pretrial"
			}
			age := 18 + r.IntN(50)
			// admission between 2008-01-01 (serial 39448) and 2023-12-31
			adm := date(39448 + r.IntN(5844))
			s.writeRow(fac, p.name, sex, status, age, adm, pregnant, children)
			fmt.Fprintf(cw, "%s,%s,%s,%s,%d,%s,%s,%d\n", fac, p.name, sex, status, age, serialISO(int(adm)), pregnant, children)
		}
	})
	if err != nil {
		return err
	}
	return cw.Flush()
}

// serialISO is an Excel serial date as YYYY-MM-DD.
func serialISO(serial int) string {
	// days since 1899-12-30; civil-from-days (Howard Hinnant)
	z := serial - 25569 + 719468 // to days since 1970-01-01, then the era shift
	era := z / 146097
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y := yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d := doy - (153*mp+2)/5 + 1
	m := mp + 3
	if m > 12 {
		m -= 12
	}
	if m <= 2 {
		y++
	}
	return fmt.Sprintf("%04d-%02d-%02d", y, m, d)
}

const registerTOML = `# The 1,000,000-row register: one row per person. Read for the ingest
# benchmark (internal/ingest BenchmarkRegisterFile): one observation per row.
[[source]]
name = "register"
file = "register.xlsx"
places = "places.toml"

[source.fields]
place = { column = "Facility" }
date = { column = "Admission date", type = "date" }
sex = { column = "Sex", map = { Female = "female", Male = "male" } }
status = { column = "Status", map = { Pretrial = "pretrial", Sentenced = "sentenced" } }
age = "adult"
measure = "children_in_prison"

[[source.values]]
column = "Children with her"
`

func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return err
	}
	out, err := os.Create(dst)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// copyTree copies src to dst, leaving out files skip names (by path
// relative to src, with slashes).
func copyTree(src, dst string, skip func(rel string) bool) error {
	return filepath.Walk(src, func(p string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if info.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		if skip != nil && skip(filepath.ToSlash(rel)) {
			return nil
		}
		return copyFile(p, filepath.Join(dst, rel))
	})
}
