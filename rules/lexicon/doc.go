// Package lexicon holds the rules that read a Hunspell dictionary (the
// family "lexicon"): a word the dictionary rejects while one variant in
// one confusion class is a word. Each class is one rule, one file:
//
//	hamza         الاردن → الأردن، الطوارىء → الطوارئ
//	taa-marbuta   الخليجيه → الخليجية، مياة → مياه
//	alef-maqsura  الاعلي → الأعلى
//	verb-taa      واستمرة → واستمرت
//	run-together  مايعادل → ما يعادل
//	split-clitic  و سوريا → وسوريا
//
// Precision comes first. Candidates are ranked with the team's frequent
// news forms (rules/typography/data/words.toml, typography.NewsWord): when
// one is a news form, only news forms are offered; otherwise a candidate
// that reads a single-letter proclitic before a missing hamza (لاهور →
// لأهور، فاين → فأين) or a word shaped like a transliteration is dropped.
// The curated lists keep priority: a word spelling/*,
// orthography/final-yeh, typography/run-together or usage/word-form flags
// is theirs.
//
// The dictionaries are a system dependency (lint/hunspell reads them):
// found when the configuration is read, loaded on the first word checked,
// once per process for each distinct [spelling] table, shared by the
// rules. Without one the rules are Unavailable and off.
package lexicon
