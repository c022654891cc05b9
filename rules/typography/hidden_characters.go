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
		Summary:  "bidi controls and control characters anywhere (error); direction marks, joiners and zero-width spaces inside a word (warning)",
		Doc: lint.Doc{
			What: "Flags the bidi embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069) and the control characters (C0 but the tab and the line ends, such as BEL, BS, VT, FF and ESC; DEL; C1 but NEL) wherever they are, and, inside a word, the left-to-right and right-to-left marks (U+200E, U+200F), the Arabic letter mark (U+061C), the zero-width joiner and non-joiner (U+200D, U+200C), the zero-width space (U+200B), the word joiner (U+2060) and a stray byte-order mark (U+FEFF). " +
				"A mark between two words, where it sets the direction of a number or a Latin name, is left alone, and so is a non-joiner in a Persian word (می‌خواهد), and a bidi embedding or isolate on a line that holds Latin letters (they keep Latin titles and numbers in order, as in a list of films with their years; the overrides U+202D and U+202E are flagged wherever they are).",
			Why:   "These characters are invisible: pasted from word processors, PDFs and social media, they make a word unfindable (الحكومة with a mark inside does not match الحكومة) and bidi controls can reorder what a reader sees. Control characters come from old systems and broken conversions (a vertical tab is a line break in Word's text export) and can drive a terminal.",
			Wrong: "أعلنت الحكو\u200fمة عن خطة جديدة \u202bلدعم\u202c الصادرات.",
			Right: "أعلنت الحكومة عن خطة جديدة لدعم الصادرات.",
			Fix:   "Safe: deletes the characters; a vertical tab or form feed between two words becomes a space.",
		},
		Run: hiddenCharacters,
	}, nil
}

// hidden classes
const (
	notHidden = iota
	bidiControl
	invisibleMark
	controlChar
)

func hiddenClass(r rune) int {
	switch {
	case r >= 0x202A && r <= 0x202E, r >= 0x2066 && r <= 0x2069:
		return bidiControl
	case r >= 0x200B && r <= 0x200F, r == 0x2060, r == 0x061C, r == 0xFEFF:
		return invisibleMark
	case isControl(r):
		return controlChar
	}
	return notHidden
}

// isControl reports whether r is a control character the rule flags: C0
// but the tab and the line ends (LF, CR), DEL, and C1 but NEL (U+0085, a
// line end in Unicode).
func isControl(r rune) bool {
	switch {
	case r < 0x20:
		return r != '\t' && r != '\n' && r != '\r'
	case r == 0x7F:
		return true
	case r >= 0x80 && r <= 0x9F:
		return r != 0x85
	}
	return false
}

// c0Names are the names of the C0 controls and DEL.
var c0Names = map[rune]string{
	0x00: "NULL", 0x01: "START OF HEADING", 0x02: "START OF TEXT", 0x03: "END OF TEXT",
	0x04: "END OF TRANSMISSION", 0x05: "ENQUIRY", 0x06: "ACKNOWLEDGE", 0x07: "BELL (BEL)",
	0x08: "BACKSPACE", 0x0B: "LINE TABULATION (VT)", 0x0C: "FORM FEED (FF)", 0x0E: "SHIFT OUT",
	0x0F: "SHIFT IN", 0x10: "DATA LINK ESCAPE", 0x11: "DEVICE CONTROL ONE", 0x12: "DEVICE CONTROL TWO",
	0x13: "DEVICE CONTROL THREE", 0x14: "DEVICE CONTROL FOUR", 0x15: "NEGATIVE ACKNOWLEDGE",
	0x16: "SYNCHRONOUS IDLE", 0x17: "END OF TRANSMISSION BLOCK", 0x18: "CANCEL", 0x19: "END OF MEDIUM",
	0x1A: "SUBSTITUTE", 0x1B: "ESCAPE", 0x1C: "FILE SEPARATOR", 0x1D: "GROUP SEPARATOR",
	0x1E: "RECORD SEPARATOR", 0x1F: "UNIT SEPARATOR", 0x7F: "DELETE",
}

// The names of the invisible characters and bidi controls are in the
// catalogue, keyed by code point ("U+200F").

func hiddenCharacters(p *lint.Pass) {
	sc := scanOf(p)
	end := 0
	var latin latinLines
	for _, i := range sc.controls {
		t := p.Tokens[i]
		if t.Start < end {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(p.Text[t.Start:]); r != 0x202D && r != 0x202E && latin.at(p.Text, t.Start) {
			// embeddings and isolates around Latin names and numbers set
			// their order (a film list: «(1984)»): deleting them
			// scrambles the line. The overrides (U+202D, U+202E) are
			// flagged wherever they are: they reverse what is shown.
			end = t.End
			continue
		}
		end = hiddenRun(p, t.Start, bidiControl)
	}
	// control characters are punctuation tokens, or inside whitespace
	// (VT and FF)
	end = 0
	for _, i := range sc.c0 {
		t := p.Tokens[i]
		for j := max(t.Start, end); j < t.End; {
			r, n := utf8.DecodeRuneInString(p.Text[j:])
			if isControl(r) {
				end = hiddenRun(p, j, controlChar)
				j = end
				continue
			}
			j += n
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
	code := fmt.Sprintf("U+%04X", first)
	var name string
	switch {
	case c != controlChar:
		name = p.T("named", code, p.T(code))
	case first >= 0x80:
		name = p.T("c1", code)
	default:
		name = p.T("c0", code, c0Names[first])
	}
	if end-at > utf8.RuneLen(first) {
		name = p.T("and-others", name)
	}
	switch c {
	case controlChar:
		// a line or page break between two words keeps them apart
		repl, key := "", "control-delete"
		if strings.ContainsAny(text[at:end], "\v\f") && at > 0 && end < len(text) &&
			!arabic.IsSpace(decodeLast(text[:at])) && !arabic.IsSpace(decodeAt(text, end)) {
			repl, key = " ", "control-space"
		}
		p.Report(lint.Diagnostic{Start: at, End: end,
			Message: p.T(key, name),
			Fixes:   []lint.SuggestedFix{lint.Replace(at, end, repl, lint.Safe)}})
	case bidiControl:
		p.Report(lint.Diagnostic{Start: at, End: end,
			Message: p.T("bidi", name),
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
			Message: p.T("invisible", name, stripHidden(text[ws:we])),
			Fixes:   []lint.SuggestedFix{lint.Replace(at, end, "", lint.Safe)}})
	}
	return end
}

// latinLines answers whether the line around an offset holds a Latin
// letter, reading each line once however many offsets on it are asked.
type latinLines struct {
	start, end int // the last line read: [start, end)
	latin      bool
}

func (l *latinLines) at(text string, pos int) bool {
	if pos >= l.start && pos < l.end {
		return l.latin
	}
	l.start = strings.LastIndexByte(text[:pos], '\n') + 1
	if e := strings.IndexByte(text[pos:], '\n'); e < 0 {
		l.end = len(text)
	} else {
		l.end = pos + e
	}
	l.latin = false
	for i := l.start; i < l.end; i++ {
		if c := text[i] | 0x20; c >= 'a' && c <= 'z' {
			l.latin = true
			break
		}
	}
	return l.latin
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

func decodeLast(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

func stripHidden(s string) string {
	return strings.Map(func(r rune) rune {
		if hiddenClass(r) != notHidden {
			return -1
		}
		return r
	}, s)
}
