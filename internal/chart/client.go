package chart

import (
	"fmt"
	"os"
	"path/filepath"
)

// ClientScriptPath is where the npm echarts package keeps its small SSR
// client (a UMD bundle, ~4 KB, global "echarts-ssr-client" with hydrate),
// relative to node_modules.
const ClientScriptPath = "echarts/ssr/client/dist/index.js"

// ClientScript returns the echarts SSR client script, for the site to
// serve itself (no page loads anything from another host). Its one
// function, hydrate(element, {on: {click, mouseover, …}}), reports events
// on the inlined SVG with the series and data index (the ecmeta_*
// attributes the renderer writes because it runs with ssr: true); the page
// script decides what to show, e.g. a tooltip from the chart's table or a
// legend toggle.
func ClientScript(nodeModules string) ([]byte, error) {
	p := filepath.Join(nodeModules, filepath.FromSlash(ClientScriptPath))
	b, err := os.ReadFile(p)
	if err != nil {
		return nil, fmt.Errorf("chart: echarts SSR client: %w (run `npm ci`)", err)
	}
	return b, nil
}
