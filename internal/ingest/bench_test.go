package ingest

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

var (
	registerOnce sync.Once
	registerPath string
	registerDir  string
	registerErr  error
)

func TestMain(m *testing.M) {
	code := m.Run()
	if registerDir != "" {
		os.RemoveAll(registerDir)
	}
	os.Exit(code)
}

// registerRows is the benchmark's row count: 1,000,000 unless
// PRISONSTATS_BENCH_ROWS says otherwise.
func registerRows() int {
	if n, err := strconv.Atoi(os.Getenv("PRISONSTATS_BENCH_ROWS")); err == nil && n > 0 {
		return n
	}
	return 1_000_000
}

// makeRegister writes an n-row, 8-column register (long layout) with
// excelize's stream writer, once per test binary.
func makeRegister(n int) (string, error) {
	registerOnce.Do(func() {
		registerDir, registerErr = os.MkdirTemp("", "prisonstats-bench-")
		if registerErr != nil {
			return
		}
		registerPath = filepath.Join(registerDir, "register.xlsx")
		f := excelize.NewFile()
		defer f.Close()
		sw, err := f.NewStreamWriter("Sheet1")
		if err != nil {
			registerErr = err
			return
		}
		hdr := []any{"Date", "Prison", "Sex", "Status", "Age", "Measure", "Category", "Count"}
		if err := sw.SetRow("A1", hdr); err != nil {
			registerErr = err
			return
		}
		prisons := []string{"Correctional Centre 3", "Kampot Provincial Prison"}
		sexes := []string{"female", "male"}
		statuses := []string{"pretrial", "sentenced"}
		row := make([]any, 8)
		for i := 0; i < n; i++ {
			row[0] = fmt.Sprintf("%04d-12-31", 2000+(i/4)%25)
			row[1] = prisons[i%2]
			row[2] = sexes[(i/2)%2]
			row[3] = statuses[(i/4)%2]
			row[4] = "total"
			row[5] = "prisoners"
			row[6] = ""
			row[7] = i % 997
			cell, _ := excelize.CoordinatesToCellName(1, i+2)
			if err := sw.SetRow(cell, row); err != nil {
				registerErr = err
				return
			}
		}
		if err := sw.Flush(); err != nil {
			registerErr = err
			return
		}
		registerErr = f.SaveAs(registerPath)
	})
	return registerPath, registerErr
}

const registerMapping = `
[[source]]
file = "register.xlsx"
[source.fields]
date = { column = "Date", type = "date" }
place = { column = "Prison" }
sex = { column = "Sex" }
status = { column = "Status" }
age = { column = "Age" }
measure = { column = "Measure" }
category = { column = "Category" }
[[source.values]]
column = "Count"
`

// BenchmarkRegister1M reads a 1,000,000-row register and reports rows/s
// and the peak heap. Run once: go test -run '^$' -bench Register1M -benchtime 1x
func BenchmarkRegister1M(b *testing.B) { benchRegister(b, registerMapping, registerRows()) }

// BenchmarkRegister1MDropped reads the same register keeping no row: the
// peak heap is what streaming costs without the observations.
func BenchmarkRegister1MDropped(b *testing.B) {
	benchRegister(b, registerMapping+"[source.keep]\nSex = [\"none\"]\n", 0)
}

func benchRegister(b *testing.B, mapping string, want int) {
	n := registerRows()
	start := time.Now()
	path, err := makeRegister(n)
	if err != nil {
		b.Fatal(err)
	}
	st, _ := os.Stat(path)
	b.Logf("register: %d rows, %d MB, written in %v", n, st.Size()>>20, time.Since(start).Round(time.Millisecond))
	src := source(b, mapping)
	g := testPlaces(b)
	done := make(chan struct{})
	peakc := make(chan uint64)
	go func() { // sample the heap while reading
		var ms runtime.MemStats
		var peak uint64
		for {
			select {
			case <-done:
				peakc <- peak
				return
			case <-time.After(50 * time.Millisecond):
				runtime.ReadMemStats(&ms)
				peak = max(peak, ms.HeapInuse)
			}
		}
	}()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		res := &Result{}
		ReadFile(context.Background(), src, path, "register.xlsx", g, res)
		if len(res.Findings) != 0 || len(res.Observations) != want {
			b.Fatalf("findings %v, %d observations, want none and %d", res.Findings[:min(3, len(res.Findings))], len(res.Observations), want)
		}
	}
	b.StopTimer()
	close(done)
	peak := <-peakc
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
}
