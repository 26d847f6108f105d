// Package testenv holds what the end-to-end tests of several packages need
// from the machine: the project root, the Hugo binary, the npm packages,
// Chromium and poppler. A missing tool skips the test with a message that
// says how to get it, or fails it when CI is set (CI installs everything).
//
// In: the environment. Out: paths, or a skipped/failed test.
// Always: only tests import it.
package testenv
