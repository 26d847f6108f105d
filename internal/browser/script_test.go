package browser

import "testing"

// TestJavaScriptOffKeepsTheOriginalTitle checks both settings on the same
// page, so that the test fails if the script does not run when it should.
func TestJavaScriptOffKeepsTheOriginalTitle(t *testing.T) {
	srv := serveSite(t)
	url := srv.URL + "/title"
	tests := []struct {
		name string
		b    *Browser
		want string
	}{
		{"on", sharedBrowser(t), "Changed"},
		{"off", startBrowser(t, Options{JavaScript: false}), "Original"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var title string
			if err := tt.b.Eval(t.Context(), url, "document.title", &title); err != nil {
				t.Fatalf("Eval: %v", err)
			}
			if title != tt.want {
				t.Errorf("JavaScript %s: title = %q, want %q", tt.name, title, tt.want)
			}
		})
	}
}
