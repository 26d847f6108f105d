// Package browser drives one headless Chromium through chromedp, safely and
// with bounds, for two users: the browser tests of the built site and the
// briefing packs printed to PDF.
//
// What comes in: the URLs of pages that a local server serves (the tests serve
// public/ with net/http/httptest on 127.0.0.1), a viewport size, a JavaScript
// expression, PDF options.
//
// What goes out: a [Visit] report (console errors and warnings, uncaught
// exceptions, every URL the page requested, the requests that failed), the
// JSON result of an expression, a full-page PNG, an A4 PDF. [Browser.Open]
// keeps one loaded [Page] for several of these on one load (say, a report,
// an overflow check at phone width and a screenshot). [Browser.Refused] lists
// every connection that tried to leave the machine.
//
// What always holds:
//
//   - [Start] launches exactly one Chromium process with a fresh temporary
//     profile; [Browser.Close] kills that process and every child that uses the
//     profile, and removes the profile, also after the context of Start ended.
//     Close is safe to call more than once.
//   - Each call opens its own tab and closes it before it returns, so calls are
//     safe from several goroutines at once (one tab each).
//   - Each call is bounded by [Options.Timeout] and by the caller's context; an
//     error names the URL and never a panic.
//   - With [Options.JavaScript] false (the zero value), no page script runs
//     (Emulation.setScriptExecutionDisabled), which is how packs print.
//   - Unless [Options.AllowNetwork] is set, a request to any host other than
//     the loopback interface fails at once: Chromium sends it to a local proxy
//     that refuses it. The request still shows in [Visit.Requests] and
//     [Visit.Failed], so a test can assert that no request leaves the machine.
//     Flags switch off most of Chromium's own background traffic (component
//     updates, sync, QUIC, network time, search preconnect). Chromium 148
//     still tries a few Google hosts (accounts.google.com, www.google.com,
//     android.clients.google.com) after start; the proxy refuses those too,
//     with no DNS lookup, and [Browser.Refused] lists them.
//
// Chromium is found by [Available]: $PRISONSTATS_CHROMIUM, /usr/bin/chromium,
// or chromium on PATH. Debian's /usr/bin/chromium is a shell wrapper that adds
// extension and API-key settings; Start runs the binary behind it,
// /usr/lib/chromium/chromium, with its own flags only.
package browser
