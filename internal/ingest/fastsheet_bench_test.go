package ingest

import (
	"archive/zip"
	"context"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"github.com/prisonstats/prisonstats/internal/places"
)

// heapPeak samples the heap in use every 20 ms until stop is called and
// returns the peak in MB.
func heapPeak() (stop func() float64) {
	done := make(chan struct{})
	peakc := make(chan uint64)
	go func() {
		var ms runtime.MemStats
		var peak uint64
		for {
			runtime.ReadMemStats(&ms)
			peak = max(peak, ms.HeapInuse)
			select {
			case <-done:
				peakc <- peak
				return
			case <-time.After(20 * time.Millisecond):
			}
		}
	}()
	return func() float64 {
		close(done)
		return float64(<-peakc) / (1 << 20)
	}
}

// sheetXMLSize is the inflated size of a workbook's first sheet part.
func sheetXMLSize(b *testing.B, path string) int64 {
	zr, err := zip.OpenReader(path)
	if err != nil {
		b.Fatal(err)
	}
	defer zr.Close()
	meta, err := readBookMeta(&zr.Reader)
	if err != nil {
		b.Fatal(err)
	}
	for _, f := range zr.File {
		if f.Name == meta.Sheets[0].Part {
			return int64(f.UncompressedSize64)
		}
	}
	b.Fatal("no sheet part")
	return 0
}

// benchGrid reads every row of the register's sheet with one reader and
// reports rows/s, MB/s of sheet XML and the peak heap.
func benchGrid(b *testing.B, fast bool) {
	n, path := -1, os.Getenv("PRISONSTATS_REGISTER")
	if path == "" {
		var err error
		n = registerRows()
		if path, err = makeRegister(n); err != nil {
			b.Fatal(err)
		}
	}
	size := sheetXMLSize(b, path)
	stop := heapPeak()
	b.ResetTimer()
	rowsRead := 0
	for range b.N {
		g := readGrid(b, path, fast)
		rowsRead = g
	}
	b.StopTimer()
	peak := stop()
	if n >= 0 && rowsRead != n+1 {
		b.Fatalf("read %d rows, want %d", rowsRead, n+1)
	}
	sec := b.Elapsed().Seconds() / float64(b.N)
	b.ReportMetric(float64(rowsRead)/sec, "rows/s")
	b.ReportMetric(float64(size)/(1<<20)/sec, "MB/s")
	b.ReportMetric(peak, "peak-heap-MB")
}

// readGrid counts the rows of the first sheet read one way, the rows not kept.
func readGrid(b *testing.B, path string, fast bool) int {
	zr, err := zip.OpenReader(path)
	if err != nil {
		b.Fatal(err)
	}
	defer zr.Close()
	meta, err := readBookMeta(&zr.Reader)
	if err != nil {
		b.Fatal(err)
	}
	f, err := openBook(path)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	sh := meta.Sheets[0]
	var g grid
	if fast {
		zf, ok := fastPart(&zr.Reader, meta, sh)
		sst, noSST, ok2 := fastSharedStrings(f, sh.Name)
		if !ok || !ok2 {
			b.Fatal("the fast reader refuses the register")
		}
		rc, err := zf.Open()
		if err != nil {
			b.Fatal(err)
		}
		defer rc.Close()
		fr := &fastRows{s: newFastScanner(rc), sst: sst, noSST: noSST}
		defer func() {
			if fr.bailed {
				b.Fatal("the fast reader handed the register to excelize")
			}
		}()
		g = &fastGrid{r: fr}
	} else {
		rows, err := f.Rows(sh.Name)
		if err != nil {
			b.Fatal(err)
		}
		defer rows.Close()
		g = &xlsxGrid{rows: rows}
	}
	n := 0
	for g.Next() {
		n++
	}
	if err := g.Err(); err != nil {
		b.Fatal(err)
	}
	return n
}

// BenchmarkGridFast: the fast sheet reader alone (zip open, excelize's
// workbook structure, then every row), no mapping. The workbook is
// PRISONSTATS_REGISTER if set, else a register of PRISONSTATS_BENCH_ROWS
// rows (default 1,000,000) that excelize's stream writer writes (inline
// strings).
func BenchmarkGridFast(b *testing.B) { benchGrid(b, true) }

// BenchmarkGridExcelize: the same with excelize's Rows and raw values.
func BenchmarkGridExcelize(b *testing.B) { benchGrid(b, false) }

// BenchmarkRegisterFile reads the workbook PRISONSTATS_REGISTER through the
// mapping PRISONSTATS_REGISTER_MAPPING (bench/gen writes both) with the
// whole ingest, and reports rows/s, MB/s of sheet XML and the peak heap.
// Set PRISONSTATS_FASTSHEET=0 for the excelize path.
func BenchmarkRegisterFile(b *testing.B) { benchRegisterFile(b, false) }

// BenchmarkRegisterFileDropped reads the same register keeping no row (the
// mapping plus keep = { Sex = ["none"] }): its peak heap is what streaming
// the rows costs, without the observations, whatever the number of rows.
func BenchmarkRegisterFileDropped(b *testing.B) { benchRegisterFile(b, true) }

func benchRegisterFile(b *testing.B, drop bool) {
	path, mpath := os.Getenv("PRISONSTATS_REGISTER"), os.Getenv("PRISONSTATS_REGISTER_MAPPING")
	if path == "" || mpath == "" {
		b.Skip("set PRISONSTATS_REGISTER and PRISONSTATS_REGISTER_MAPPING (bench/gen writes them)")
	}
	text, err := os.ReadFile(mpath)
	if err != nil {
		b.Fatal(err)
	}
	if drop {
		text = append(text, "\n[source.keep]\nSex = [\"none\"]\n"...)
	}
	src := source(b, string(text))
	var g *places.Gazetteer
	if src.Places != "" {
		if g, err = places.Load(filepath.Join(filepath.Dir(mpath), src.Places)); err != nil { // relative to the mapping
			b.Fatal(err)
		}
	}
	size := sheetXMLSize(b, path)
	rows := 0
	stop := heapPeak()
	b.ResetTimer()
	for range b.N {
		res := &Result{}
		ReadFile(context.Background(), src, path, filepath.Base(path), g, res)
		if len(res.Findings) != 0 {
			b.Fatalf("findings: %v", res.Findings[:min(3, len(res.Findings))])
		}
		if rows = len(res.Observations); drop && rows != 0 {
			b.Fatalf("%d observations, want none", rows)
		}
	}
	b.StopTimer()
	peak := stop()
	sec := b.Elapsed().Seconds() / float64(b.N)
	if !drop {
		b.ReportMetric(float64(rows)/sec, "obs/s")
	}
	b.ReportMetric(float64(size)/(1<<20)/sec, "MB/s")
	b.ReportMetric(peak, "peak-heap-MB")
}
