package output

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/lint/i18n"
)

func TestVisible(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"قال الوزير", "قال الوزير"},
		{"جدول\tالأسعار", "جدول\tالأسعار"},
		{"\x1b[2J\x1b]0;title\x07", `\x1b[2J\x1b]0;title\a`},
		{"\x1b]52;c;ZXZpbA==\x07", `\x1b]52;c;ZXZpbA==\a`},
		{"أ\bب\vج\fد\x00ه\x7f", `أ\bب\vج\fد\x00ه\x7f`},
		{"سطر\nسطر\rسطر", `سطر\nسطر\rسطر`},
		{"\u009b2J \u0085", "<U+009B>2J <U+0085>"},
		{"\u202eالحكومة\u202c \u2066ب\u2069", "<U+202E>الحكومة<U+202C> <U+2066>ب<U+2069>"},
		// marks, joiners and no-break spaces are text
		{"می\u200cخواهد \u200f\u00a0«»", "می\u200cخواهد \u200f\u00a0«»"},
	} {
		if got := Visible(c.in); got != c.want {
			t.Errorf("Visible(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	// what Visible writes out, rune by rune, against the byte scan
	for r := rune(0); r < 0x3000; r++ {
		s := string(r)
		want := r < 0x20 && r != '\t' || r == 0x7f || r >= 0x80 && r <= 0x9f || isBidiControl(r)
		if got := Visible(s) != s; got != want {
			t.Errorf("U+%04X written out: %v, want %v", r, got, want)
		}
		if v := Visible(s); !utf8.ValidString(v) || firstActive(v) >= 0 {
			t.Errorf("Visible(U+%04X) = %q still acts", r, v)
		}
	}
}

// TestWriteTextEscapes: the text format writes out terminal escapes and
// bidi controls from the file, the messages and the suggestions; a tab
// stays.
func TestWriteTextEscapes(t *testing.T) {
	src := "قال\x1b]0;pwned\x07 الوزير إن \u202eالحكومة\u202c\tستعلن\x1b[2J\n"
	d := doc(t, "a.txt", src)
	s1, e1 := span(t, src, "\x1b]0;pwned\x07")
	s2, e2 := span(t, src, "\u202e")
	s3, e3 := span(t, src, "ستعلن")
	f := lint.File{Doc: d, Diagnostics: []lint.Diagnostic{
		{Start: s1, End: e1, Rule: "r/esc", Level: lint.Error, Message: "escape \x1b[31m here",
			Fixes: []lint.SuggestedFix{lint.Replace(s1, e1, "\x1b[0m", lint.Unsafe)}},
		{Start: s2, End: e2, Rule: "r/bidi", Level: lint.Error, Message: "bidi"},
		{Start: s3, End: e3, Rule: "r/word\u202e", Level: lint.Info, Message: "m"},
	}}
	for _, color := range []bool{false, true} {
		var b strings.Builder
		WriteText(&b, f, TextOptions{Color: color, Lang: i18n.En})
		got := b.String()
		if color {
			got = strings.NewReplacer(red+"error"+reset, "error", blue+"info"+reset, "info", bold+under, "[", reset, "]").Replace(got)
		}
		want := `a.txt:1:4: error r/esc: escape \x1b[31m here` + "\n" +
			`  suggestion (unsafe): \x1b[0m` + "\n" +
			`  | قال[\x1b]0;pwned\a] الوزير إن <U+202E>الحكومة<U+202C>` + "\tستعلن" + `\x1b[2J` + "\n" +
			"a.txt:1:25: error r/bidi: bidi\n" +
			`  | قال\x1b]0;pwned\a الوزير إن [<U+202E>]الحكومة<U+202C>` + "\tستعلن" + `\x1b[2J` + "\n" +
			"a.txt:1:35: info r/word<U+202E>: m\n" +
			`  | قال\x1b]0;pwned\a الوزير إن <U+202E>الحكومة<U+202C>` + "\t[ستعلن]" + `\x1b[2J` + "\n"
		if got != want {
			t.Errorf("color %v:\n%s\nwant\n%s", color, got, want)
		}
		if strings.ContainsAny(strings.NewReplacer(red, "", blue, "", bold+under, "", reset, "").Replace(b.String()), "\x1b\x07\u202e\u202c") {
			t.Errorf("color %v: a control reached the output: %q", color, b.String())
		}
	}
}
