// Package manifest keeps the raw exports immutable: data/raw/MANIFEST.toml
// holds one record per export (file, sha256, size, publisher, date received,
// licence, notes), and Verify compares the records with the files on disk.
//
// In: the manifest file (Load) and the project root whose data/raw folder it
// describes. Out: a finding.List from Verify (every finding an error with
// code source-error, naming the raw file), and a new record from Add, written
// back by Save.
//
// Always:
//   - a record's File is a clean, slash-separated path from the project root
//     under data/raw/ ("data/raw/gdp-prisons-2008-2015.xlsx"), the same
//     spelling obs.Source.File uses, so findings and downloads agree;
//   - Verify reports a raw file whose size or sha256 differs from its record,
//     a raw file with no record, and a record whose file is missing. Every
//     regular file under data/raw, in any subfolder, is a raw file, except
//     the manifest itself and names starting with "." (.gitkeep, .DS_Store).
//     VerifyRoot also reports a missing or invalid manifest, except in a
//     project with no raw file at all;
//   - Add never writes over an existing raw file. A file given from outside
//     data/raw is copied into data/raw under its base name, and refused if a
//     different file of that name is already there (a new release takes a
//     new name). A file already under data/raw is recorded where it is.
//     Replacing a record whose sha256 differs (the publisher reissued the
//     file under the same name, and someone has already put the new bytes in
//     data/raw) needs Meta.NewRelease; the old hash is kept in the record's
//     Previous list;
//   - Save writes records sorted by file, so the same records give the same
//     bytes.
package manifest
