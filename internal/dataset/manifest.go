package dataset

import "github.com/prisonstats/prisonstats/internal/manifest"

// Sources describes the raw exports for the sources download from the
// manifest's records (internal/manifest reads and verifies the file).
func Sources(m *manifest.Manifest) []SourceInfo {
	var out []SourceInfo
	for _, r := range m.Files {
		out = append(out, SourceInfo{File: r.File, Publisher: r.Publisher, Received: r.Received, Licence: r.Licence, SHA256: r.SHA256})
	}
	return out
}
