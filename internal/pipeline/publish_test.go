package pipeline

import (
	"bytes"
	"context"
	"crypto/sha256"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/prisonstats/prisonstats/internal/browser"
)

// treeSum hashes every file of a tree by path, so two trees compare by
// content.
func treeSum(t *testing.T, dir string) map[string][32]byte {
	t.Helper()
	sums := map[string][32]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		sums[rel] = sha256.Sum256(b)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return sums
}

func diffTrees(a, b map[string][32]byte) []string {
	var d []string
	for p, s := range a {
		if t, ok := b[p]; !ok {
			d = append(d, "only in first: "+p)
		} else if s != t {
			d = append(d, "differs: "+p)
		}
	}
	for p := range b {
		if _, ok := a[p]; !ok {
			d = append(d, "only in second: "+p)
		}
	}
	sort.Strings(d)
	return d
}

func TestTwoBuildsOfTheSameInputsAreByteIdentical(t *testing.T) {
	first := sampleSite(t)
	hugo := needTools(t)
	out := filepath.Join(t.TempDir(), "public")
	var log bytes.Buffer
	if err := Build(context.Background(), Config{Root: root, Out: out, Hugo: hugo, Log: &log}); err != nil {
		t.Fatalf("Build: %v\n%s", err, log.String())
	}
	if d := diffTrees(treeSum(t, first), treeSum(t, out)); len(d) > 0 {
		t.Errorf("two builds differ:\n%s", strings.Join(d, "\n"))
	}
}

func TestConcurrentBuildsPublishOneWholeSite(t *testing.T) {
	want := treeSum(t, sampleSite(t))
	hugo := needTools(t)
	out := filepath.Join(t.TempDir(), "public")
	var wg sync.WaitGroup
	errs := make([]error, 3)
	for i := range errs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = Build(context.Background(), Config{Root: root, Out: out, Hugo: hugo, Log: &bytes.Buffer{}})
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Errorf("build %d: %v", i, err)
		}
	}
	if d := diffTrees(want, treeSum(t, out)); len(d) > 0 {
		t.Errorf("after concurrent builds the site differs from a single build:\n%s", strings.Join(d, "\n"))
	}
	if left, _ := filepath.Glob(filepath.Join(filepath.Dir(out), ".public.new-*")); len(left) > 0 {
		t.Errorf("build folders left behind: %v", left)
	}
}

// TestKilledBuildLeavesThePreviousSiteWhole kills `prisonstats build` with
// SIGKILL at several moments — while Hugo renders, while the packs print,
// and at fixed delays — and checks
// each time that the published site is exactly the previous one; the next
// build then cleans up what the killed ones left.
func TestKilledBuildLeavesThePreviousSiteWhole(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the command and kills it several times")
	}
	hugo := needTools(t)
	bin := filepath.Join(t.TempDir(), "prisonstats")
	build := exec.Command("go", "build", "-o", bin, "./cmd/prisonstats")
	build.Dir = root
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	dir := t.TempDir()
	out := filepath.Join(dir, "public")
	work := filepath.Join(dir, "work")
	run := func(extra ...string) *exec.Cmd {
		args := append([]string{"build", "-root", root, "-o", out, "-packs=false"}, extra...)
		cmd := exec.Command(bin, args...)
		cmd.Env = append(os.Environ(), "PRISONSTATS_HUGO="+hugo, "PRISONSTATS_WORK="+work)
		return cmd
	}
	if b, err := run().CombinedOutput(); err != nil {
		t.Fatalf("first build: %v\n%s", err, b)
	}
	want := treeSum(t, out)

	// Kill as soon as Hugo's output folder appears (Hugo is rendering), then
	// at fixed delays that land in earlier and later stages.
	for i, delay := range []time.Duration{-1, 50 * time.Millisecond, 300 * time.Millisecond, 700 * time.Millisecond} {
		cmd := run()
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		if delay < 0 {
			deadline := time.Now().Add(30 * time.Second)
			for time.Now().Before(deadline) {
				if m, _ := filepath.Glob(filepath.Join(dir, ".public.new-*")); len(m) > 0 {
					break
				}
				time.Sleep(2 * time.Millisecond)
			}
		} else {
			time.Sleep(delay)
		}
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		if d := diffTrees(want, treeSum(t, out)); len(d) > 0 {
			t.Fatalf("kill %d (delay %v): published site changed:\n%s", i, delay, strings.Join(d, "\n"))
		}
	}
	// Kill while the briefing packs print (they print into the new tree
	// before it is published).
	if _, ok := browser.Available(); ok {
		cmd := run("-packs=true")
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		printing := false
		deadline := time.Now().Add(2 * time.Minute)
		for time.Now().Before(deadline) && !printing {
			m, _ := filepath.Glob(filepath.Join(dir, ".public.new-*", "briefs", "*.pdf"))
			printing = len(m) > 0
			time.Sleep(5 * time.Millisecond)
		}
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		if !printing {
			t.Error("the build never reached the packs before the deadline")
		}
		if d := diffTrees(want, treeSum(t, out)); len(d) > 0 {
			t.Fatalf("kill during packs: published site changed:\n%s", strings.Join(d, "\n"))
		}
	}
	if b, err := run().CombinedOutput(); err != nil {
		t.Fatalf("build after kills: %v\n%s", err, b)
	}
	left, _ := filepath.Glob(filepath.Join(dir, ".public.new-*"))
	stale, _ := filepath.Glob(filepath.Join(work, "build-*"))
	if len(left)+len(stale) > 0 {
		t.Errorf("folders left after the next build: %v %v", left, stale)
	}
	if d := diffTrees(want, treeSum(t, out)); len(d) > 0 {
		t.Errorf("rebuilt site differs:\n%s", strings.Join(d, "\n"))
	}
}
