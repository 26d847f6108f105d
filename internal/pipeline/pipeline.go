package pipeline

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"time"

	"github.com/prisonstats/prisonstats/internal/casestudy"
	"github.com/prisonstats/prisonstats/internal/chart"
	"github.com/prisonstats/prisonstats/internal/check"
	"github.com/prisonstats/prisonstats/internal/compute"
	"github.com/prisonstats/prisonstats/internal/dataset"
	"github.com/prisonstats/prisonstats/internal/diff"
	"github.com/prisonstats/prisonstats/internal/finding"
	"github.com/prisonstats/prisonstats/internal/i18n"
	"github.com/prisonstats/prisonstats/internal/i18ncheck"
	"github.com/prisonstats/prisonstats/internal/ingest"
	"github.com/prisonstats/prisonstats/internal/manifest"
	"github.com/prisonstats/prisonstats/internal/obs"
	"github.com/prisonstats/prisonstats/internal/pack"
	"github.com/prisonstats/prisonstats/internal/places"
	"github.com/prisonstats/prisonstats/internal/protect"
	"github.com/prisonstats/prisonstats/internal/rules"
	"github.com/prisonstats/prisonstats/internal/site"
)

// inputs are the configuration files every stage shares.
type inputs struct {
	places  *places.Gazetteer
	rules   *rules.Rules
	i18n    *i18n.Catalog
	release Release
	digits  i18n.Digits // numerals of the km pages
}

// loadInputs reads the gazetteer and rules, and for a build also the UI
// strings and the release description.
func loadInputs(c Config, build bool) (inputs, error) {
	var in inputs
	var err error
	if !build {
		// check and export can read exports outside a project: sources
		// then name their own gazetteer, and the default rules apply.
		if in.places, err = loadOptional(c.Places, places.Load, func() (*places.Gazetteer, error) { return places.New(nil) }); err != nil {
			return in, fmt.Errorf("places: %w", err)
		}
		if in.rules, err = loadOptional(c.Rules, rules.Load, func() (*rules.Rules, error) { return &rules.Rules{}, nil }); err != nil {
			return in, fmt.Errorf("rules: %w", err)
		}
		return in, nil
	}
	if in.places, err = places.Load(c.Places); err != nil {
		return in, fmt.Errorf("places: %w", err)
	}
	if in.rules, err = rules.Load(c.Rules); err != nil {
		return in, fmt.Errorf("rules: %w", err)
	}
	if in.i18n, err = i18n.Load(c.I18n); err != nil {
		return in, fmt.Errorf("i18n: %w", err)
	}
	if in.release, err = loadRelease(c.Release); err != nil {
		return in, fmt.Errorf("release: %w", err)
	}
	if in.digits, err = i18n.ParseDigits(in.release.Digits); err != nil {
		return in, fmt.Errorf("release: %s: digits: %w", c.Release, err)
	}
	return in, nil
}

// loadOptional loads path, or returns empty() when the file does not exist.
func loadOptional[T any](path string, load func(string) (T, error), empty func() (T, error)) (T, error) {
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		return empty()
	}
	return load(path)
}

// Checked is the outcome of ingest and check.
type Checked struct {
	Observations []obs.Observation
	Cases        []casestudy.Case // every case study read, before the consent gate
	Findings     finding.List     // sorted, errors first
}

// Check runs ingest and check and returns every finding. The error is
// non-nil only when the inputs could not be read at all (a broken mapping);
// findings with errors are returned, not raised.
func Check(ctx context.Context, c Config) (*Checked, error) {
	c = c.withDefaults()
	in, err := loadInputs(c, false)
	if err != nil {
		return nil, err
	}
	return runCheck(ctx, c, in, newTimer(nil))
}

func runCheck(ctx context.Context, c Config, in inputs, t *timer) (*Checked, error) {
	// The order listed here matches the order of execution.
	res, err := ingest.Run(ctx, ingest.Options{Root: c.Root, Sources: c.Sources, Places: in.places})
	if err != nil {
		return nil, fmt.Errorf("ingest: %w", err)
	}
	t.stage("ingest")
	opt := check.DefaultOptions()
	opt.Places, opt.Rules = in.places, in.rules
	if len(in.places.All()) == 0 {
		// Outside a project each source names its own gazetteer, and
		// ingest has resolved places against it.
		opt.Places = nil
	}
	fs := append(finding.List{}, res.Findings...)
	fs = append(fs, check.Run(res.Observations, opt)...)
	fs = append(fs, manifest.VerifyRoot(c.Root)...)
	cases, cfs, err := casestudy.Load(c.CaseStudies, in.places, today())
	if err != nil {
		return nil, fmt.Errorf("case studies: %w", err)
	}
	fs = append(fs, cfs...)
	fs = append(fs, casestudy.GateAll(cases)...)
	if _, err := os.Stat(c.I18n); err == nil {
		// A project with a site: report what is not translated.
		tf, err := i18ncheck.Check(c.Root)
		if err != nil {
			return nil, fmt.Errorf("i18n: %w", err)
		}
		fs = append(fs, tf...)
	}
	fs.Sort()
	t.stage("check")
	return &Checked{Observations: res.Observations, Cases: cases, Findings: fs}, nil
}

// Build runs every stage and publishes the site to c.Out. Warnings are
// printed to c.Log; error findings stop the build before anything is
// published.
func Build(ctx context.Context, c Config) error {
	c = c.withDefaults()
	in, err := loadInputs(c, true)
	if err != nil {
		return err
	}
	hugo := c.Hugo
	if hugo == "" {
		if hugo, err = site.FindHugo(c.Root); err != nil {
			return fmt.Errorf("site: %w", err)
		}
	}
	// Node starts now, while the data is read, if charts are likely to
	// miss the cache (prestart.go).
	// A pool that cannot be made (no npm packages) is reported at the
	// chart stage, after the data was checked.
	pool, poolErr := c.Renderers, error(nil)
	if pool == nil {
		if pool, poolErr = chart.NewPool(ctx, c.NodeModules, chartCache(c), runtime.NumCPU()); poolErr == nil {
			defer pool.Close()
		}
	}
	if poolErr == nil && chartsLikelyStale(c) {
		pool.Start()
	}
	// The order listed here matches the order of execution.
	t := newTimer(c.Log)
	checked, err := runCheck(ctx, c, in, t)
	if err != nil {
		return err
	}
	if err := checked.Findings.Err(); err != nil {
		for _, f := range checked.Findings {
			fmt.Fprintln(c.Log, "prisonstats:", f.Error())
		}
		return fmt.Errorf("check: %w", err)
	}
	printWarnings(c.Log, checked.Findings)

	langs := in.i18n.Languages()
	result, err := compute.Run(checked.Observations, compute.Options{
		Places: in.places, Rules: in.rules, I18n: in.i18n, Langs: langs, Digits: in.digits,
		HeadlineTo: headlineYears(in.release.HeadlineYears, checked.Observations),
	})
	if err != nil {
		return fmt.Errorf("compute: %w", err)
	}
	t.stage("compute")

	result, _, err = protect.Apply(result, in.places, in.rules)
	if err != nil {
		return fmt.Errorf("protect: %w", err)
	}
	t.stage("protect")

	// The case studies and the dataset downloads are made beside the
	// charts (neither needs the other; both only read result).
	extrasDone := make(chan struct{})
	var ex extras
	var exErr error
	var exTime time.Duration
	go func() {
		defer close(extrasDone)
		start := time.Now()
		ex, exErr = buildExtras(c, in, checked, result, langs)
		exTime = time.Since(start)
	}()
	waitExtras := func() error {
		<-extrasDone
		return exErr
	}
	defer waitExtras()

	if poolErr != nil {
		return fmt.Errorf("chart: %w", poolErr)
	}
	charts, waitPNG, noData, scripts, err := runCharts(ctx, c, in, pool, result, langs)
	if err != nil {
		return fmt.Errorf("chart: %w", err)
	}
	// The PNGs are still being drawn (chart.Pool.Draw); the site stage
	// waits for them before publishing. On an early return they must be
	// waited for too, before the pool closes.
	pngWaited := false
	defer func() {
		if !pngWaited {
			cancelled, cancel := context.WithCancel(ctx)
			cancel()
			waitPNG(cancelled)
		}
	}()
	t.stage("chart")
	if err := waitExtras(); err != nil {
		return err
	}
	t.report("casestudies+dataset", exTime)
	caseData, casePrint, downloads, datasetPage := ex.caseData, ex.casePrint, ex.downloads, ex.datasetPage
	// The documented-case figures join the catalogue for the methodology
	// page, after the dataset was made: they are not national statistics.
	result.Catalogue = append(result.Catalogue, casestudy.Catalogue...)

	releases := releaseHistory(ctx, c)
	t.stage("history")

	fonts, err := i18n.FontFiles(c.NodeModules)
	if err != nil {
		return fmt.Errorf("site: %w", err)
	}
	for name, b := range fonts {
		downloads[name] = b
	}

	files, err := fileInfos(c.Root, checked.Observations)
	if err != nil {
		return fmt.Errorf("site: %w", err)
	}
	err = site.Build(ctx, site.Input{
		Places: in.places, Result: result, Charts: charts, PNGs: func(ctx context.Context) error { pngWaited = true; return waitPNG(ctx) }, I18n: in.i18n, Langs: langs,
		Digits: in.digits, Scripts: scripts,
		Files: downloads,
		Data:  map[string]any{"releases": releases, "casestudies": caseData, "casestudies_print": casePrint, "dataset": datasetPage, "charts_nodata": noData},
		Meta: site.Meta{
			Illustrative: in.release.Illustrative, Release: latestDate(checked.Observations), Files: files,
			Digits: in.digits.String(), Briefs: c.BeforePublish != nil,
		},
	}, site.Options{Root: c.Root, Out: c.Out, Hugo: hugo, Work: c.Work, BeforePublish: beforePublish(c), Part: t.sub("site")})
	if err != nil {
		return fmt.Errorf("site: %w", err)
	}
	t.stage("site")
	markBuilt(c)
	return nil
}

// extras are what the site needs besides the charts: the case studies'
// data and the dataset downloads.
type extras struct {
	caseData, casePrint any
	downloads           map[string][]byte
	datasetPage         any
}

func buildExtras(c Config, in inputs, checked *Checked, result *compute.Result, langs []string) (extras, error) {
	webCases, _ := casestudy.Gate(checked.Cases, casestudy.Web) // GateAll in check reported every problem
	offences, err := casestudy.LoadOffences(filepath.Join(c.Root, "data", casestudy.OffencesFile))
	if err != nil {
		return extras{}, fmt.Errorf("case studies: %w", err)
	}
	country := in.places.Level(places.Country)[0].Code
	caseData, err := casestudy.SiteData(webCases, casestudy.Summarise(webCases, country),
		casestudy.SiteOptions{Places: in.places, Offences: offences, Langs: langs, Digits: in.digits})
	if err != nil {
		return extras{}, fmt.Errorf("case studies: %w", err)
	}
	// Packs carry the cases whose consent covers print; public packs only
	// those that also cover the web (PrintData marks them).
	printCases, _ := casestudy.Gate(checked.Cases, casestudy.Print)
	casePrint, err := casestudy.PrintData(printCases, casestudy.SiteOptions{Places: in.places, Offences: offences, Langs: langs, Digits: in.digits})
	if err != nil {
		return extras{}, fmt.Errorf("case studies: %w", err)
	}
	mf, err := manifest.Load(filepath.Join(c.Root, filepath.FromSlash(manifest.Path)))
	if err != nil {
		return extras{}, fmt.Errorf("dataset: %w", err)
	}
	release := latestDate(checked.Observations)
	downloads, err := dataset.Build(checked.Observations, result, dataset.Sources(mf), release)
	if err != nil {
		return extras{}, fmt.Errorf("dataset: %w", err)
	}
	datasetPage := dataset.PageData(result, release, downloads)
	return extras{caseData: caseData, casePrint: casePrint, downloads: downloads, datasetPage: datasetPage}, nil
}

// runCharts draws every chart; it also returns the ids of charts left out
// because this release has no data for them.
func runCharts(ctx context.Context, c Config, in inputs, pool *chart.Pool, result *compute.Result, langs []string) ([]chart.Chart, func(context.Context) error, []string, map[string][]byte, error) {
	defs, err := chart.LoadDefs(c.Charts)
	if err != nil {
		return nil, nil, nil, nil, err
	}
	var skipped []string
	charts, err := chart.Build(defs, result, chart.Options{
		Places: in.places, Langs: langs, I18n: in.i18n, Illustrative: in.release.Illustrative, Digits: in.digits,
		NoData: func(id string, why error) {
			fmt.Fprintf(c.Log, "prisonstats: warning: chart %s left out: %v\n", id, why)
			skipped = append(skipped, id)
		},
	})
	if err != nil {
		return nil, nil, nil, nil, err
	}
	// Node processes draw the SVGs and PNGs the cache lacks; Draw
	// returns with the SVGs, and wait waits for the PNGs.
	wait, err := pool.Draw(ctx, charts)
	if err != nil {
		return nil, nil, nil, nil, err
	}
	client, err := chart.ClientScript(c.NodeModules)
	if err != nil {
		stopped, stop := context.WithCancel(ctx)
		stop()
		wait(stopped)
		return nil, nil, nil, nil, err
	}
	return charts, wait, skipped, map[string][]byte{"echarts-ssr-client.js": client}, nil
}

func chartCache(c Config) string { return filepath.Join(c.Work, "svg-cache") }

// NewRenderers makes a pool of chart renderers (one per core) for the
// project c names, to keep across builds in Config.Renderers.
func NewRenderers(ctx context.Context, c Config) (*chart.Pool, error) {
	c = c.withDefaults()
	return chart.NewPool(ctx, c.NodeModules, chartCache(c), runtime.NumCPU())
}

// beforePublish is the step run on the finished tree: the caller's (packs),
// or else removing the print pages of restricted packs, which must never be
// published.
func beforePublish(c Config) func(context.Context, string) error {
	if c.BeforePublish != nil {
		return c.BeforePublish
	}
	return func(ctx context.Context, dir string) error {
		_, err := pack.Strip(dir)
		return err
	}
}

// releaseHistory lists the data releases (the commits that changed
// data/raw) with what each changed, for the "data releases" page. Outside a
// git checkout there is no history; other failures are printed as warnings
// and the page shows the current release only.
func releaseHistory(ctx context.Context, c Config) any {
	hist, err := diff.History(ctx, c.Root, func(root string) ([]obs.Observation, error) {
		// A fresh config: c's paths point at the current checkout.
		res, err := Check(ctx, Config{Root: root, Log: io.Discard})
		if err != nil {
			return nil, err
		}
		return res.Observations, nil
	})
	if err != nil && !errors.Is(err, diff.ErrNoHistory) {
		fmt.Fprintln(c.Log, "prisonstats: warning: release history:", err)
	}
	return diff.Releases(hist)
}

// today is the date consent expiry is judged against: SOURCE_DATE_EPOCH
// when set (reproducible builds), else the clock.
func today() time.Time {
	if s := os.Getenv("SOURCE_DATE_EPOCH"); s != "" {
		if n, err := strconv.ParseInt(s, 10, 64); err == nil {
			return time.Unix(n, 0).UTC()
		}
	}
	return time.Now().UTC()
}

func printWarnings(w io.Writer, l finding.List) {
	n := 0
	for _, f := range l {
		if f.Severity == finding.Warning {
			n++
			if n <= 20 {
				fmt.Fprintln(w, "prisonstats: warning:", f.Error())
			}
		}
	}
	if n > 20 {
		fmt.Fprintf(w, "prisonstats: … and %d more warnings (prisonstats check lists them all)\n", n-20)
	}
}

// headlineYears are the configured headline end years and the latest year
// of the data, each once, in order.
func headlineYears(configured []int, observations []obs.Observation) []int {
	ys := slices.Clone(configured)
	if d := latestDate(observations); len(d) >= 4 {
		ys = append(ys, obs.Observation{Date: d}.Year())
	}
	slices.Sort(ys)
	return slices.Compact(ys)
}

func latestDate(os []obs.Observation) string {
	d := ""
	for _, o := range os {
		if o.Date > d {
			d = o.Date
		}
	}
	return d
}

// fileInfos hashes every raw file the observations came from.
func fileInfos(root string, observations []obs.Observation) ([]site.FileInfo, error) {
	seen := map[string]bool{}
	var names []string
	for _, o := range observations {
		if !seen[o.Source.File] {
			seen[o.Source.File] = true
			names = append(names, o.Source.File)
		}
	}
	slices.Sort(names)
	var out []site.FileInfo
	for _, n := range names {
		b, err := os.ReadFile(filepath.Join(root, n))
		if err != nil {
			return nil, err
		}
		sum := sha256.Sum256(b)
		out = append(out, site.FileInfo{File: n, SHA256: hex.EncodeToString(sum[:])})
	}
	return out, nil
}
