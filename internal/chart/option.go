package chart

import (
	"encoding/json"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
)

// Okabe–Ito colours, ordered so that neighbouring series stay apart for
// every common colour-vision deficiency; yellow last (low contrast on white).
var palette = []string{"#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442"}

// Line series are also told apart by marker and dash, so that colour is
// never the only cue; bars get ECharts' decal patterns (aria.decal).
var (
	symbols = []string{"circle", "rect", "triangle", "diamond", "roundRect", "pin", "arrow"}
	dashes  = []string{"solid", "dashed", "dotted"}
)

// Font stacks: Khmer needs a Khmer face first, or browsers fall back to
// whatever they find.
const (
	// Single quotes only: ECharts writes the stack unescaped into a
	// double-quoted style attribute.
	fontLatin = `system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', Arial, sans-serif`
	fontKhmer = `'Noto Sans Khmer', 'Khmer OS System', 'Khmer OS', 'Noto Sans', sans-serif`
	textColor = "#1a1a1a"
	mutedText = "#4d4d4d"
	// Sizes in the 640-unit drawing; the SVG scales down to ~360 px on a
	// phone, so nothing is smaller than 13.
	fontBase  = 14
	fontTitle = 18
	fontSub   = 14
)

// option is the ECharts option, built from go-echarts' option types and
// serialised with encoding/json. Only what is set here reaches the page.
type option struct {
	Animation bool                  `json:"animation"`
	Aria      *opts.Aria            `json:"aria"`
	Color     []string              `json:"color"`
	TextStyle *opts.TextStyle       `json:"textStyle"`
	Title     opts.Title            `json:"title"`
	Legend    *legend               `json:"legend,omitempty"`
	Tooltip   opts.Tooltip          `json:"tooltip"`
	Grid      opts.Grid             `json:"grid"`
	XAxis     any                   `json:"xAxis"`
	YAxis     any                   `json:"yAxis"`
	Series    []charts.SingleSeries `json:"series"`
}

// texts are the resolved words of one chart.
type texts struct {
	title, subtitle, xAxis, yAxis string
	series                        []string
	rowLabels                     []string // category labels, one per frame row
	font                          string
}

// buildOption returns the option and the drawing's height.
func buildOption(d *Def, f frame, tx texts) (json.RawMessage, int, error) {
	o := option{
		Animation: false,
		Aria:      &opts.Aria{Enabled: opts.Bool(true)},
		Color:     palette,
		TextStyle: &opts.TextStyle{FontFamily: tx.font, FontSize: fontBase, Color: textColor},
		Title: opts.Title{
			Title:         tx.title,
			Subtitle:      tx.subtitle,
			Left:          "8",
			Top:           "8",
			TitleStyle:    &opts.TextStyle{FontFamily: tx.font, FontSize: fontTitle, FontWeight: "bold", Color: textColor, Width: defaultWidth - 24, Overflow: "break"},
			SubtitleStyle: &opts.TextStyle{FontFamily: tx.font, FontSize: fontSub, Color: mutedText, Width: defaultWidth - 24, Overflow: "break"},
		},
		Tooltip: opts.Tooltip{Show: opts.Bool(true), Trigger: "axis"},
	}
	// Room above the plot: title lines, subtitle lines, the y-axis name.
	top := 8 + lines(tx.title, fontTitle)*(fontTitle*5/4)
	if tx.subtitle != "" {
		top += 10 + lines(tx.subtitle, fontSub)*(fontSub*5/4)
	}
	if tx.font == fontKhmer {
		// Wrapped here, between syllables (khmer.go); ECharts only follows
		// the line breaks.
		title := wrapKhmer(tx.title, fontTitle, defaultWidth-24)
		o.Title.Title = strings.Join(title, "\n")
		o.Title.TitleStyle.Width, o.Title.TitleStyle.Overflow = 0, ""
		o.Title.TitleStyle.LineHeight = khmerTitleLine
		top = 8 + len(title)*khmerTitleLine
		if tx.subtitle != "" {
			sub := wrapKhmer(tx.subtitle, fontSub, defaultWidth-24)
			o.Title.Subtitle = strings.Join(sub, "\n")
			o.Title.SubtitleStyle.Width, o.Title.SubtitleStyle.Overflow = 0, ""
			o.Title.SubtitleStyle.LineHeight = khmerSubLine
			top += 10 + len(sub)*khmerSubLine
		}
		top += 10 // the y-axis name's stacked letters need room too
	}
	if tx.yAxis != "" && d.Kind != KindRankingBar {
		top += 14 + fontBase + 6
	} else {
		top += 20
	}
	bottom := 12
	if tx.xAxis != "" || d.Kind == KindRankingBar {
		bottom += fontBase + 20
	}
	if len(tx.series) > 1 {
		o.Legend = &legend{Legend: opts.Legend{
			Show:      opts.Bool(true),
			Bottom:    "8",
			Left:      "center",
			Type:      "plain",
			TextStyle: &opts.TextStyle{FontFamily: tx.font, FontSize: fontBase, Color: textColor},
		}, ItemGap: legendGap}
		bottom += 16 + legendRows(tx.series)*(fontBase+10)
	}
	o.Grid = opts.Grid{Left: "24", Right: "32", Top: itoa(top), Bottom: itoa(bottom), ContainLabel: opts.Bool(true)}
	axisLabel := &opts.AxisLabel{FontSize: fontBase, Color: mutedText, FontFamily: tx.font}

	if d.Kind == KindRankingBar {
		o.Tooltip.Trigger = "item"
		o.XAxis = opts.XAxis{Type: "value", Name: tx.yAxis, NameLocation: "middle", NameGap: 28, AxisLabel: axisLabel, MinInterval: 1}
		o.YAxis = opts.YAxis{Type: "category", Data: tx.rowLabels, Inverse: opts.Bool(true), AxisLabel: &opts.AxisLabel{FontSize: fontBase - 1, Color: textColor, FontFamily: tx.font, Interval: "0"}}
		o.Series = []charts.SingleSeries{{
			Name: tx.series[0], Type: "bar", Data: columnData(f, 0),
			ItemStyle: &opts.ItemStyle{Color: palette[0]},
			// The value at the end of each bar; a zero still shows "0".
			Label: &opts.Label{Show: opts.Bool(true), Position: "right", FontSize: fontBase - 1, Color: textColor},
		}}
		o.Aria.Decal = &opts.AriaDecal{Show: opts.Bool(false)}
		h := d.Height
		if h == 0 {
			h = top + bottom + rankingRowHeight*max(len(f.rows), 3)
		}
		b, err := json.Marshal(o)
		return b, h, err
	}

	years := make([]string, len(f.rows))
	for i, r := range f.rows {
		years[i] = r.key
	}
	o.XAxis = opts.XAxis{Type: "category", Name: tx.xAxis, NameLocation: "middle", NameGap: 32, Data: years, AxisLabel: axisLabel}
	y := yAxis{YAxis: opts.YAxis{Type: "value", Name: tx.yAxis, NameLocation: "end", AxisLabel: axisLabel},
		// The name starts at the axis and runs right, so it is never cut.
		NameTextStyle: &opts.TextStyle{Align: "left", FontFamily: tx.font, FontSize: fontBase, Color: mutedText}}
	switch d.Kind {
	case KindShareLine:
		y.AxisLabel = &opts.AxisLabel{FontSize: fontBase, Color: mutedText, FontFamily: tx.font, Formatter: "{value}%"}
	case KindIndexedLine:
		y.Scale = opts.Bool(true)
	default:
		y.MinInterval = 1
	}
	o.YAxis = y
	switch d.Kind {
	case KindBar, KindStackedBar:
		o.Aria.Decal = &opts.AriaDecal{Show: opts.Bool(true)}
		for j := range d.Series {
			s := charts.SingleSeries{Name: tx.series[j], Type: "bar", Data: columnData(f, j), BarMaxWidth: "48"}
			if d.Kind == KindStackedBar {
				s.Stack = "total"
			}
			o.Series = append(o.Series, s)
		}
	default: // line kinds
		for j := range d.Series {
			o.Series = append(o.Series, charts.SingleSeries{
				Name:       tx.series[j],
				Type:       "line",
				Data:       columnData(f, j),
				Symbol:     symbols[j%len(symbols)],
				SymbolSize: 9,
				ShowSymbol: opts.Bool(true),
				// A missing year stays a gap: never joined, never zero.
				ConnectNulls: opts.Bool(false),
				LineStyle:    &opts.LineStyle{Width: 2.5, Type: dashes[j%len(dashes)]},
			})
		}
	}
	h := d.Height
	if h == 0 {
		h = defaultHeight
	}
	b, err := json.Marshal(o)
	return b, h, err
}

// columnData is series j's values, null where a value is absent.
func columnData(f frame, j int) []any {
	out := make([]any, len(f.rows))
	for i, r := range f.rows {
		if c := r.cells[j]; c.ok {
			out[i] = c.v
		}
	}
	return out
}

// legend adds what go-echarts' Legend lacks. The wide gap leaves room
// for a browser font wider than ECharts' server-side estimate.
type legend struct {
	opts.Legend
	ItemGap int `json:"itemGap,omitempty"`
}

const legendGap = 24

// yAxis adds what go-echarts' YAxis lacks.
type yAxis struct {
	opts.YAxis
	NameTextStyle *opts.TextStyle `json:"nameTextStyle,omitempty"`
}

// textWidth estimates a text's width as ECharts measures it without a
// canvas (server-side): about 0.6 em for ASCII, 1 em for anything else
// (Khmer included). What matters is where ECharts breaks lines, not the
// browser's final glyph widths.
func textWidth(s string, size int) float64 {
	w := 0.0
	for _, r := range s {
		if r < utf8.RuneSelf {
			w += 0.6
		} else {
			w++
		}
	}
	return w * float64(size)
}

// lines estimates how many lines ECharts breaks a title into.
func lines(s string, size int) int {
	if s == "" {
		return 0
	}
	return max(1, int(math.Ceil(textWidth(s, size)/float64(defaultWidth-24))))
}

// legendRows estimates the rows of a centred legend: each item is a 25-px
// icon, a 5-px gap, the name and the item gap.
func legendRows(names []string) int {
	rows, x := 1, 0.0
	for _, n := range names {
		w := 30 + legendGap + textWidth(n, fontBase)
		if x > 0 && x+w > defaultWidth-40 {
			rows++
			x = 0
		}
		x += w
	}
	return rows
}

func itoa(n int) string { return strconv.Itoa(n) }
