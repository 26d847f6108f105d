// Package places reads the gazetteer (data/places.toml): countries,
// provinces and facilities with their codes, English and Khmer names and
// other spellings, and resolves the names a source uses to codes.
//
// In: a TOML file of [[place]] entries. Out: a Gazetteer.
// Always: every code is unique, every parent exists, facilities belong to a
// province and provinces to a country; a name resolves to at most one code.
package places
