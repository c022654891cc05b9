package i18n

import _ "embed"

var (
	//go:embed text_ar.toml
	textAr []byte
	//go:embed text_en.toml
	textEn []byte
)

func init() {
	Register(Ar, "text_ar.toml", textAr)
	Register(En, "text_en.toml", textEn)
}

// Text is a message of the program itself (the [text] table) in lang.
func Text(lang Lang, key string, args ...any) string { return T(lang, "text", key, args...) }

// Count is a count in words, "3 مشكلات", "1 problem": key is a plural
// key of the [text] table (problems, errors, warnings, infos, files).
func Count(lang Lang, key string, n int) string { return Plural(lang, "text", key, n) }
