// Package casestudy reads the illustrative case studies (one woman's path
// through custody each, pseudonymised), gates them by consent, checks their
// text for things that could identify a child, and turns the ones allowed
// on a channel into generated data for the site and into "documented
// cases" figures.
//
// In: a folder of Markdown files with TOML front matter between "+++"
// lines (data/case-studies/*.md; a translation is name.<lang>.md, holding
// only a title and the translated story), the offence list
// (offences.toml, next to that folder), the gazetteer and today's date.
// Out: []Case and findings (Load); the cases allowed on a channel and the
// findings that stop the build (Gate); the figures of the documented cases
// (Summarise) and the data Hugo renders the pages from (SiteData).
//
// Where the files live: outside Hugo's content/, so that Hugo can only
// render what Go has passed through the consent gate. A case study that
// is not in the generated data has no page, no list entry and no facet;
// forgetting a build flag in front matter cannot publish it.
//
// Always:
//   - a case appears on a channel (web, print) only when its consent was
//     given, has not expired, and its scope covers that channel;
//   - a case set to appear (front matter publish) where its consent does
//     not reach, or whose consent is missing, refused or expired, is an
//     error finding naming the file: the build fails closed;
//   - a case whose consent covers print only simply does not appear on the
//     web (no finding);
//   - children are never named: a children.* field other than number,
//     age_bands and with_her is an error, and story text that looks like a
//     child's name, an ID number or an exact birth date is a warning;
//   - figures from case studies are labelled "documented cases", never
//     national statistics, and are computed only from the cases allowed on
//     the channel they are published on.
package casestudy
