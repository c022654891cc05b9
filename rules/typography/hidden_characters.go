package typography

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/lint/arabic"
)

// HiddenCharacters makes the rule typography/hidden-characters.
func HiddenCharacters() (*lint.Rule, error) {
	return &lint.Rule{
		ID:       "typography/hidden-characters",
		Kind:     lint.Code,
		Category: "typography",
		Level:    lint.Error,
		Summary:  "bidi controls anywhere (error); direction marks, joiners and zero-width spaces inside a word (warning)",
		Doc: lint.Doc{
			What: "Flags the bidi embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069) wherever they are, and, inside a word, the left-to-right and right-to-left marks (U+200E, U+200F), the Arabic letter mark (U+061C), the zero-width joiner and non-joiner (U+200D, U+200C), the zero-width space (U+200B), the word joiner (U+2060) and a stray byte-order mark (U+FEFF). " +
				"A mark between two words, where it sets the direction of a number or a Latin name, is left alone, and so is a non-joiner in a Persian word (می‌خواهد).",
			Why:   "These characters are invisible: pasted from word processors, PDFs and social media, they make a word unfindable (الحكومة with a mark inside does not match الحكومة) and bidi controls can reorder what a reader sees.",
			Wrong: "أعلنت الحكو\u200fمة عن خطة جديدة \u202bلدعم\u202c الصادرات.",
			Right: "أعلنت الحكومة عن خطة جديدة لدعم الصادرات.",
			Fix:   "Safe: deletes the characters.",
		},
		Run: hiddenCharacters,
	}, nil
}

// hidden classes
const (
	notHidden = iota
	bidiControl
	invisibleMark
)

func hiddenClass(r rune) int {
	switch {
	case r >= 0x202A && r <= 0x202E, r >= 0x2066 && r <= 0x2069:
		return bidiControl
	case r >= 0x200B && r <= 0x200F, r == 0x2060, r == 0x061C, r == 0xFEFF:
		return invisibleMark
	}
	return notHidden
}

var charNames = map[rune]string{
	0x200B: "ZERO WIDTH SPACE", 0x200C: "ZERO WIDTH NON-JOINER", 0x200D: "ZERO WIDTH JOINER",
	0x200E: "LEFT-TO-RIGHT MARK", 0x200F: "RIGHT-TO-LEFT MARK", 0x2060: "WORD JOINER",
	0x061C: "ARABIC LETTER MARK", 0xFEFF: "ZERO WIDTH NO-BREAK SPACE (BOM)",
	0x202A: "LEFT-TO-RIGHT EMBEDDING", 0x202B: "RIGHT-TO-LEFT EMBEDDING", 0x202C: "POP DIRECTIONAL FORMATTING",
	0x202D: "LEFT-TO-RIGHT OVERRIDE", 0x202E: "RIGHT-TO-LEFT OVERRIDE",
	0x2066: "LEFT-TO-RIGHT ISOLATE", 0x2067: "RIGHT-TO-LEFT ISOLATE", 0x2068: "FIRST STRONG ISOLATE",
	0x2069: "POP DIRECTIONAL ISOLATE",
}

func hiddenCharacters(p *lint.Pass) {
	sc := scanOf(p)
	end := 0
	for _, i := range sc.controls {
		if t := p.Tokens[i]; t.Start >= end {
			end = hiddenRun(p, t.Start, bidiControl)
		}
	}
	// invisible marks are kept inside the Arabic word tokens
	for _, i := range sc.marked {
		t := p.Tokens[i]
		word := p.Text[t.Start:t.End]
		for j := 0; j < len(word); {
			r, n := utf8.DecodeRuneInString(word[j:])
			if c := hiddenClass(r); c == invisibleMark {
				j = hiddenRun(p, t.Start+j, c) - t.Start
				continue
			}
			j += n
		}
	}
}

// hiddenRun reports the run of hidden characters of class c starting at
// offset at, and returns its end.
func hiddenRun(p *lint.Pass, at, c int) int {
	text := p.Text
	end := at
	var first rune
	for end < len(text) {
		r, n := utf8.DecodeRuneInString(text[end:])
		if hiddenClass(r) != c {
			break
		}
		if first == 0 {
			first = r
		}
		end += n
	}
	name := fmt.Sprintf("U+%04X %s", first, charNames[first])
	if end-at > utf8.RuneLen(first) {
		name += " and others"
	}
	switch c {
	case bidiControl:
		p.Report(lint.Diagnostic{Start: at, End: end,
			Message: fmt.Sprintf("hidden bidi control %s: delete it", name),
			Fixes:   []lint.SuggestedFix{lint.Replace(at, end, "", lint.Safe)}})
	case invisibleMark:
		ws, we, ok := wordAround(text, at, end)
		if !ok {
			return end
		}
		if first == 0x200C || first == 0x200D {
			if persian(text[ws:we]) {
				return end
			}
		}
		p.Report(lint.Diagnostic{Start: at, End: end, Level: lint.Warning,
			Message: fmt.Sprintf("invisible %s inside %s: delete it", name, q(stripHidden(text[ws:we]))),
			Fixes:   []lint.SuggestedFix{lint.Replace(at, end, "", lint.Safe)}})
	}
	return end
}

// wordAround returns the Arabic word around the invisible characters at
// [at, end), and whether they sit inside it: a letter before them and one
// after, with only harakat, tatweel and other invisible marks between.
func wordAround(text string, at, end int) (int, int, bool) {
	ws, letterBefore := at, false
	for ws > 0 {
		r, n := utf8.DecodeLastRuneInString(text[:ws])
		if arabic.IsLetter(r) {
			letterBefore = true
		} else if !(arabic.IsHaraka(r) || r == arabic.Tatweel || arabic.IsIgnorable(r)) {
			break
		}
		ws -= n
	}
	we, letterAfter := end, false
	for we < len(text) {
		r, n := utf8.DecodeRuneInString(text[we:])
		if arabic.IsLetter(r) {
			letterAfter = true
		} else if !(arabic.IsHaraka(r) || r == arabic.Tatweel || arabic.IsIgnorable(r)) {
			break
		}
		we += n
	}
	return ws, we, letterBefore && letterAfter
}

// persian reports whether a word has letters of Persian spelling, where a
// non-joiner inside a word is correct.
func persian(word string) bool {
	for _, r := range word {
		switch r {
		case 'پ', 'چ', 'ژ', 'گ', 'ک', 'ی', 'ۀ', 'ہ', 'ے':
			return true
		}
	}
	return false
}

func stripHidden(s string) string {
	return strings.Map(func(r rune) rune {
		if hiddenClass(r) != notHidden {
			return -1
		}
		return r
	}, s)
}
