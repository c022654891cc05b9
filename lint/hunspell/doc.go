// Package hunspell reads Hunspell dictionaries (a .aff and a .dic file) and
// checks words against them, in pure Go.
//
// It is written for Debian's Arabic dictionary (Ayaspell 3.2, package
// hunspell-ar, /usr/share/hunspell/ar.aff and ar.dic) and agrees with the
// hunspell command on it, but it reads other dictionaries as well. The
// dictionary files are a run-time dependency found with [Find]; none is
// part of this repository.
//
// Lookup strips affixes at query time, the way Hunspell does; the
// dictionary is never expanded into its word forms. A word is accepted when
// it is a stem of the .dic file, or a stem with
//
//   - a prefix or a suffix whose flag the stem carries;
//   - a prefix and a suffix, both marked as cross products (Y);
//   - two suffixes, the outer one allowed by the continuation flags of the
//     inner one (Ayaspell uses these for pronoun suffixes after case
//     endings);
//   - a prefix allowed by the continuation flags of a suffix (Ayaspell's
//     proclitics and the article), alone or with two suffixes.
//
// Results are cached per distinct word (a bounded, sharded cache), and a
// [Dict] is safe for concurrent use.
//
// [OpenCached] keeps a compiled form of a dictionary in a cache directory:
// flat arrays read back in place, checked by length, checksum and the
// size and modification time of the sources. Debian's Arabic dictionary
// takes 45–110 ms to parse and 1.3–2.5 ms to read compiled.
//
// # Supported .aff directives
//
//   - SET: UTF-8, and the 8-bit character sets of ISO 8859, KOI8-R/U and
//     Windows 125x; files in those are converted to UTF-8 when read. SET
//     applies to the whole file wherever it is (Hunspell applies it from
//     its line on: Ayaspell puts it after the AF table, before anything
//     that is not ASCII).
//   - FLAG: single characters (the default), long (two characters), num
//     (decimal numbers separated by commas) and UTF-8 (one character).
//   - AF (flag set aliases; Ayaspell numbers its 511 flag sets this way).
//     AM (morphology aliases) is skipped, as are morphological fields.
//   - PFX, SFX: strip strings, conditions ([...], [^...], . and literal
//     characters), continuation flags, cross products.
//   - IGNORE: the characters are removed from the dictionary, the affixes
//     and each word checked (Ayaspell: harakat and tatweel).
//   - ICONV: input conversion, longest match first, with the _ anchors
//     for the start and the end of a word (Ayaspell: lam-alef ligatures,
//     alef wasla).
//   - NEEDAFFIX (and its old name PSEUDOROOT), FORBIDDENWORD,
//     ONLYINCOMPOUND (such stems are accepted nowhere, since compounding is
//     not supported), CIRCUMFIX, KEEPCASE, FULLSTRIP.
//   - BREAK (default: - at the start, at the end and inside a word, as in
//     Hunspell): a word that is not in the dictionary is accepted when its
//     parts on both sides of a break point are.
//   - REP and MAP are read and kept for suggestions ([Dict.Rep],
//     [Dict.Map]); suggestions themselves are not made here.
//
// Words made of ASCII digits with single separators (. , -) are accepted,
// and trailing full stops are removed before lookup (then tried again on
// the word with one full stop), as Hunspell does.
//
// # Not supported
//
// Compounding (COMPOUNDFLAG, COMPOUNDRULE, COMPOUNDBEGIN and the rest of the
// COMPOUND* and CHECKCOMPOUND* family): words that need it are rejected.
// Ayaspell does not use it. Also not supported: COMPLEXPREFIXES (right to
// left affix stripping of two prefixes), OCONV, the hidden capitalised
// forms Hunspell adds for stems written in capitals, CHECKSHARPS, the
// Hungarian and Turkic special cases, WARN, and the suggestion directives
// TRY, KEY, PHONE, NOSUGGEST and the like. [Dict.Ignored] lists the
// directives of a given .aff file that were recognised but not applied.
// Case handling is simplified: a capitalised or all-capital word is also
// tried in lower case (and capitalised), unless the stem has KEEPCASE.
//
// # Differences from the hunspell command on Ayaspell
//
// The Debian .dic file is four files joined by the more(1) command:
// separator lines of colons with a file name between them. Hunspell takes
// these lines as words; this package skips them.
package hunspell
