// Package chart turns chart definitions (charts/*.toml) and computed
// indicators into what a page shows: an ECharts option, the SVG that
// ECharts' server-side renderer draws from it, the table and CSV of exactly
// the plotted values, and a one-sentence text alternative.
//
// In: definitions (LoadDefs), a *compute.Result, the gazetteer and the
// languages. Out: one Chart per definition × language (× province for
// "each province" definitions); Renderer.Render fills each Chart's SVG by
// running one long-lived Node process over the npm echarts package, and
// with Renderer.PNG also its PNG, drawn from that SVG by @resvg/resvg-js in
// the same process (png.go says which fonts it uses). A build uses a Pool:
// Pool.Draw has some processes draw SVGs and the others draw the PNGs from
// them, and returns as soon as the SVGs are drawn, so that the pages are
// made while the PNGs are still being drawn.
//
// Always:
//   - a missing point is a gap (null in the option, "–" in the table, its
//     reason in the CSV), never zero;
//   - the option is serialised with encoding/json, so <, > and & from a
//     spreadsheet label reach the page as \u003c, \u003e, \u0026; go-echarts'
//     HTML output is never used;
//   - CSV text cells that a spreadsheet would run as a formula are prefixed
//     with an apostrophe (OWASP); number cells are written as numbers;
//   - a rendered SVG is checked to hold no script, foreignObject or event
//     attribute before it is handed back;
//   - a rendered SVG holds no style attribute and no <style> element (its
//     styles become presentation attributes), so a page that inlines it
//     works under Content-Security-Policy style-src 'self';
//   - a PNG has the chart's size and is not blank;
//   - series differ by more than colour: Okabe–Ito colours plus marker and
//     dash (lines) or decal pattern (bars);
//   - the output depends only on the inputs: no clock, no random ids (only
//     go-echarts' option types are used, never its chart objects, which
//     carry a random chart id), and the SVG's zrender ids are prefixed with
//     the chart's id and renumbered, so render order does not change them.
package chart
