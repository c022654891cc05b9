package typography

import (
	"strings"
	"unicode/utf8"

	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/lint/arabic"
	"github.com/daqiq/daqiq/rules/internal/prose"
)

// Tatweel makes the rule typography/tatweel.
func Tatweel() (*lint.Rule, error) {
	return &lint.Rule{
		ID:       "typography/tatweel",
		Kind:     lint.Code,
		Category: "typography",
		Level:    lint.Info,
		Summary:  "tatweel (ـ) stretching a word in body text (الـحـكـومـة)",
		Doc: lint.Doc{
			What: "Flags the tatweel (kashida, U+0640) that stretches a word: at its start or between its letters. " +
				"Left alone: a tatweel ending a word, after the article or a proclitic before a number or a Latin word (الـ30، بالـ5، الـBBC، بـ«…»), in the era marker هـ or as a dash glued to a dateline (الرياضـ); a tatweel carrying a haraka (Quranic spelling); a tatweel standing alone as a dash (القاهرة ـ); a feminine ending offered after a slash (المتقدم/ـة); and verse: " +
				"a quoted poem printed line by line (three or more short lines in a row that end no sentence) or a line of two hemistichs, where kashida justifies the halves of each line (see rules/internal/prose).",
			Why:   "Tatweel is a justification device of print layout; typed into body text it splits searches (الـحكومة does not match الحكومة) and stretches differently on every screen.",
			Wrong: "أعلنت الـحـكـومـة خطة جديدة لعام 1446هـ.",
			Right: "أعلنت الحكومة خطة جديدة لعام 1446هـ.",
			Fix:   "Safe: deletes the tatweel, keeping the harakat.",
		},
		Run: tatweel,
	}, nil
}

const tatweelUTF8 = "\u0640"

func tatweel(p *lint.Pass) {
	var verse *prose.Verse
	for _, i := range scanOf(p).marked {
		t := p.Tokens[i]
		w := p.Text[t.Start:t.End]
		if !strings.Contains(w, tatweelUTF8) {
			continue
		}
		if strings.HasPrefix(w, tatweelUTF8) && i > 0 && p.Tokens[i-1].Key == "/" {
			continue // a feminine ending offered after a slash: المتقدم/ـة
		}
		if verse == nil {
			verse = prose.VerseOf(p)
		}
		if verse.Contains(t.Start) {
			continue // kashida justifies the hemistichs of quoted verse
		}
		stretchedWord(p, t.Start, t.End)
	}
}

// stretchedWord reports the word [ws, we) with every tatweel in it that
// is not allowed.
func stretchedWord(p *lint.Pass, ws, we int) {
	text := p.Text
	word := text[ws:we]
	var edits []lint.TextEdit
	for i := 0; i < len(word); {
		r, n := utf8.DecodeRuneInString(word[i:])
		if r != arabic.Tatweel {
			i += n
			continue
		}
		end := i
		for strings.HasPrefix(word[end:], tatweelUTF8) {
			end += len(tatweelUTF8)
		}
		after, _ := utf8.DecodeRuneInString(word[end:])
		last := !hasLetter(word[end:]) // nothing but marks after it
		switch {
		case last:
			// at the end of a word it follows the article or a proclitic
			// before a number or a Latin word (الـ30، بالـBBC), ends the
			// era marker (هـ), or is a dash glued to the word before it
			// (القاهرةـ وكالات): not a stretch to delete
		case arabic.IsHaraka(after):
			// a seat for a haraka or a dagger alef (Quranic spelling)
		default:
			edits = append(edits, lint.TextEdit{Start: ws + i, End: ws + end})
		}
		i = end
	}
	if len(edits) == 0 {
		return
	}
	fixed := applyEdits(text, ws, we, edits)
	p.Report(lint.Diagnostic{Start: ws, End: we,
		Message: p.T("message", word, fixed),
		Fixes:   []lint.SuggestedFix{{Message: p.T("delete"), Applicability: lint.Safe, Edits: edits}}})
}

// hasLetter reports whether s holds an Arabic letter.
func hasLetter(s string) bool {
	for _, r := range s {
		if arabic.IsLetter(r) {
			return true
		}
	}
	return false
}
