package site

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"

	"github.com/prisonstats/prisonstats/internal/chart"
	"github.com/prisonstats/prisonstats/internal/compute"
	"github.com/prisonstats/prisonstats/internal/i18n"
	"github.com/prisonstats/prisonstats/internal/places"
)

// Input is everything the site is made from.
type Input struct {
	Places *places.Gazetteer
	Result *compute.Result
	Charts []chart.Chart // with SVG rendered
	// PNGs, when set, is drawing the charts' PNGs while the site is
	// built (it writes only their PNG field): every chart links its PNG,
	// and Build waits for PNGs after Hugo and writes them into the new
	// tree before publishing. An error stops the build unpublished.
	PNGs    func(context.Context) error
	I18n    *i18n.Catalog
	Langs   []string
	Digits  i18n.Digits
	Meta    Meta
	Scripts map[string][]byte // extra files under /js/, e.g. the ECharts SSR client
	// Files are more published files, by path under the site root
	// ("downloads/observations.csv"); other stages add their downloads here.
	Files map[string][]byte
	// Data are more Hugo data files, by name ("casestudies" becomes
	// data/casestudies.json, read in templates as hugo.Data.casestudies).
	Data map[string]any
}

// Meta describes the data release the site is built from.
type Meta struct {
	Illustrative bool   `json:"illustrative"`
	Digits       string `json:"digits"` // "western" or "khmer", for the km pages
	// Briefs makes Hugo render the briefing packs' print pages; only a
	// build that prints the packs needs them.
	Briefs  bool       `json:"briefs"`
	Release string     `json:"release"` // latest reference date in the data
	Files   []FileInfo `json:"files"`
}

// FileInfo is one raw export the site was built from.
type FileInfo struct {
	File   string `json:"file"`
	SHA256 string `json:"sha256"`
}

type localName map[string]string // lang -> name

type placeData struct {
	Code       string      `json:"code"`
	Slug       string      `json:"slug"`
	Name       localName   `json:"name"`
	Facilities []placeData `json:"facilities,omitempty"`
}

type placesData struct {
	Country   placeData   `json:"country"`
	Provinces []placeData `json:"provinces"`
}

type chartData struct {
	ID            string      `json:"id"`
	Title         string      `json:"title"`
	Subtitle      string      `json:"subtitle,omitempty"`
	Notes         string      `json:"notes,omitempty"`
	Source        string      `json:"source,omitempty"`
	Alt           string      `json:"alt"`
	ReferenceDate string      `json:"reference_date,omitempty"`
	SVG           string      `json:"svg"`
	Table         chart.Table `json:"table"`
	CSVURL        string      `json:"csv_url"`
	SVGURL        string      `json:"svg_url"`
	PNGURL        string      `json:"png_url,omitempty"`
}

// writeData writes the generated data (dataDir, mounted as Hugo's data/) and
// the downloads (staticDir, moved into the published tree after Hugo).
func writeData(in Input, dataDir, staticDir, published string) error {
	pd, err := placesFor(in)
	if err != nil {
		return err
	}
	if err := writeJSON(filepath.Join(dataDir, "places.json"), pd); err != nil {
		return err
	}
	if err := writeJSON(filepath.Join(dataDir, "meta.json"), in.Meta); err != nil {
		return err
	}
	findings := map[string]map[string][]string{}
	for _, lang := range in.Langs {
		findings[lang] = map[string][]string{}
	}
	for _, f := range in.Result.Findings {
		for _, lang := range in.Langs {
			if t := f.Text[lang]; t != "" {
				findings[lang][f.Place] = append(findings[lang][f.Place], t)
			}
		}
	}
	if err := writeJSON(filepath.Join(dataDir, "findings.json"), findings); err != nil {
		return err
	}
	figs, err := figureTables(in)
	if err != nil {
		return err
	}
	if err := writeJSON(filepath.Join(dataDir, "figures.json"), figs); err != nil {
		return err
	}
	cat, err := catalogue(in)
	if err != nil {
		return err
	}
	if err := writeJSON(filepath.Join(dataDir, "catalogue.json"), cat); err != nil {
		return err
	}
	files := batch{from: staticDir, prev: published}
	charts := map[string]map[string]chartData{}
	for i := range in.Charts {
		// By pointer: the PNG field may be being written (Input.PNGs).
		c := &in.Charts[i]
		if err := chart.CheckSVG(c.SVG); err != nil {
			return fmt.Errorf("chart %s (%s): %w", c.ID, c.Lang, err)
		}
		base := chartBase(c.Lang, c.ID)
		files.add(filepath.Join(staticDir, base+".csv"), c.CSV)
		files.add(filepath.Join(staticDir, base+".svg"), []byte(c.SVG))
		pngURL := ""
		if in.PNGs != nil {
			pngURL = "/" + base + ".png" // written by writePNGs
		} else if len(c.PNG) > 0 {
			files.add(filepath.Join(staticDir, base+".png"), c.PNG)
			pngURL = "/" + base + ".png"
		}
		if charts[c.Lang] == nil {
			charts[c.Lang] = map[string]chartData{}
		}
		charts[c.Lang][c.ID] = chartData{
			ID: c.ID, Title: c.Title, Subtitle: c.Subtitle, Notes: c.Notes, Source: c.Source,
			Alt: c.Alt, ReferenceDate: c.ReferenceDate, SVG: c.SVG, Table: c.Table,
			CSVURL: "/" + base + ".csv", SVGURL: "/" + base + ".svg", PNGURL: pngURL,
		}
	}
	if err := writeJSON(filepath.Join(dataDir, "charts.json"), charts); err != nil {
		return err
	}
	for name, v := range in.Data {
		if err := writeJSON(filepath.Join(dataDir, name+".json"), v); err != nil {
			return err
		}
	}
	for name, b := range in.Files {
		if !filepath.IsLocal(name) {
			return fmt.Errorf("published file %q is not a path inside the site", name)
		}
		files.add(filepath.Join(staticDir, name), b)
	}
	for name, b := range in.Scripts {
		files.add(filepath.Join(staticDir, "js", name), b)
	}
	return files.write()
}

func placesFor(in Input) (placesData, error) {
	var pd placesData
	countries := in.Places.Level(places.Country)
	if len(countries) == 0 {
		return pd, fmt.Errorf("the gazetteer has no country")
	}
	names := func(p places.Place) localName {
		n := localName{"en": p.Name}
		if p.NameKm != "" {
			n["km"] = p.NameKm
		}
		return n
	}
	c := countries[0]
	pd.Country = placeData{Code: c.Code, Slug: c.Slug(), Name: names(c)}
	has := map[string]bool{}
	for _, s := range in.Result.Series {
		has[s.Place] = true
	}
	for _, p := range in.Places.Children(c.Code) {
		if p.Level != places.Province || !has[p.Code] {
			continue // a place that vanished from the data vanishes from the site
		}
		d := placeData{Code: p.Code, Slug: p.Slug(), Name: names(p)}
		for _, f := range in.Places.Children(p.Code) {
			if has[f.Code] {
				d.Facilities = append(d.Facilities, placeData{Code: f.Code, Slug: f.Slug(), Name: names(f)})
			}
		}
		pd.Provinces = append(pd.Provinces, d)
	}
	slices.SortFunc(pd.Provinces, func(a, b placeData) int { return cmp.Compare(a.Name["en"], b.Name["en"]) })
	return pd, nil
}

// chartBase is a chart's downloads path without the extension.
func chartBase(lang, id string) string {
	return fmt.Sprintf("downloads/%s/charts/%s", lang, id)
}

// writePNGs waits for the charts' PNGs (Input.PNGs) and writes them under
// dir, the finished tree.
func writePNGs(ctx context.Context, in Input, dir, published string) error {
	if in.PNGs == nil {
		return nil
	}
	if err := in.PNGs(ctx); err != nil {
		return fmt.Errorf("chart pictures: %w", err)
	}
	files := batch{from: dir, prev: published}
	for _, c := range in.Charts {
		if len(c.PNG) == 0 {
			return fmt.Errorf("chart %s (%s): no PNG was drawn", c.ID, c.Lang)
		}
		files.add(filepath.Join(dir, chartBase(c.Lang, c.ID)+".png"), c.PNG)
	}
	return files.write()
}

func writeJSON(path string, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return writeFile(path, b)
}

func writeFile(path string, b []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return os.WriteFile(path, b, 0o644)
}
