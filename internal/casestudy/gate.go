package casestudy

import (
	"slices"
	"strings"
	"time"

	"github.com/prisonstats/prisonstats/internal/finding"
	"github.com/prisonstats/prisonstats/internal/obs"
)

// Gate returns the cases that may appear on channel (Web or Print), and an
// error finding, naming the file, for every case that is set to appear
// there without valid consent:
//
//   - consent missing or refused (consent.given is not true), or not dated;
//   - consent expired (consent.expires before the day Load ran);
//   - publish lists the channel but consent.scope does not.
//
// A case whose publish (by default its consent scope) does not list the
// channel is simply left out. A case with any error finding is left out:
// callers must still stop on findings.Err(), so that the build fails
// closed rather than publish less than its authors meant.
func Gate(cases []Case, channel string) (allowed []Case, findings finding.List) {
	for _, c := range cases {
		src := obs.Source{File: c.File}
		wanted := slices.Contains(c.Publish, channel)
		if !wanted {
			continue
		}
		asOf := c.asOf
		if asOf.IsZero() {
			asOf = time.Now().UTC()
		}
		today := asOf.Format(time.DateOnly)
		switch {
		case !c.Consent.Given:
			findings = append(findings, finding.Errorf(src, finding.ConstraintError,
				"consent.given: no consent recorded, but the case study is set to appear on the %s: record her consent or remove the file", channel))
		case c.Consent.Date == "":
			findings = append(findings, finding.Errorf(src, finding.ConstraintError,
				"consent.date: consent is not dated; the case study cannot appear on the %s", channel))
		case c.Consent.Expires != "" && c.Consent.Expires < today:
			findings = append(findings, finding.Errorf(src, finding.ConstraintError,
				"consent.expires: consent expired on %s; renew it or remove the file (publish: %s)", c.Consent.Expires, strings.Join(c.Publish, ", ")))
		case !slices.Contains(c.Consent.Scope, channel):
			findings = append(findings, finding.Errorf(src, finding.ConstraintError,
				"publish: %q is beyond consent.scope [%s]", channel, strings.Join(c.Consent.Scope, ", ")))
		default:
			allowed = append(allowed, c)
		}
	}
	findings.Sort()
	return allowed, findings
}

// GateAll returns the findings of Gate on every channel, each once: what
// `prisonstats check` reports about consent.
func GateAll(cases []Case) finding.List {
	var out finding.List
	seen := map[finding.Finding]bool{}
	for _, ch := range []string{Web, Print} {
		_, fs := Gate(cases, ch)
		for _, f := range fs {
			// Findings of one case differ between channels only by the
			// channel's name; one per file and field is enough.
			key := finding.Finding{Source: f.Source, Code: f.Code, Message: strings.SplitN(f.Message, ":", 2)[0]}
			if !seen[key] {
				seen[key] = true
				out = append(out, f)
			}
		}
	}
	out.Sort()
	return out
}
