// Package workflows holds only tests: of the GitHub Actions workflows in
// .github/workflows.
//
// In: every .github/workflows/*.yml and *.yaml file. Out: test failures.
// Always: each workflow passes actionlint (run as a library, without
// shellcheck) with no finding, and every `uses:` of a step or a reusable
// workflow names a remote action pinned by a full 40-hex commit SHA followed
// by a version comment ("# v6.0.2"); local actions (./path) are allowed,
// docker:// images must be pinned by sha256 digest.
package workflows
