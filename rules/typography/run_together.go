package typography

import (
	"strings"
	"unicode/utf8"

	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/lint/arabic"
)

// RunTogether makes the rule typography/run-together.
func RunTogether() (*lint.Rule, error) {
	lx, err := builtinLexicon()
	if err != nil {
		return nil, err
	}
	return &lint.Rule{
		ID:       "typography/run-together",
		Kind:     lint.Code,
		Category: "typography",
		Level:    lint.Warning,
		Summary:  "a word glued to a number (نحو150) or two words with no space between them (الحكومةالجديدة، قرارتأجيل)",
		Doc: lint.Doc{
			What: "Flags a missing space. A word of two or more letters glued to a number (نحو150، 150شخصا), except a proclitic (و5، ب30، الـ30), an era marker (1446هـ، 2024م), a unit (10كم، 5كغ) or a unit of length before its exponent (متر٢: m²). " +
				"Two words glued together: a ة or ى inside a word (الحكومةالجديدة، علىالرغم), which never happens in a correct word; " +
				"and a word that is not a frequent news word while its two halves are (قرارتأجيل), both halves at least three letters, the second not a pronoun or plural ending, names in عبد، أبو, accepted compounds (عبدالله، رأسمال، كيلومتر) and family names with the article (العيدروس) left alone.",
			Why:   "After a letter that does not join the next one (ا د ذ ر ز و ة) a missing space hardly shows on screen, so it survives editing; search engines and readers' tools then see one unknown word.",
			Wrong: "وقال رئيس الوزراء إن قرارتأجيل الانتخابات جاء بعد هجوم أصاب نحو150 موقعا حكوميا، وأكد أن الحكومةالجديدة ستواصل التحقيق.",
			Right: "وقال رئيس الوزراء إن قرار تأجيل الانتخابات جاء بعد هجوم أصاب نحو 150 موقعا حكوميا، وأكد أن الحكومة الجديدة ستواصل التحقيق.",
			Fix:   "Inserts the space. Safe for a number and for a ة or ى inside a word; unsafe for a split found through the word list, which may miss a rare word or a name written as one word.",
		},
		Size: lx.size,
		Run:  func(p *lint.Pass) { runTogether(p, lx) },
	}, nil
}

func runTogether(p *lint.Pass, lx *lexicon) {
	s := scanOf(p)
	for _, i := range s.glued {
		wordAndNumber(p, int(i))
	}
	for _, i := range s.words {
		twoWords(p, int(i), lx)
	}
}

// knownFast reports whether some reading of word token i (the whole word
// or its stem after a proclitic) may be a known form.
func (lx *lexicon) knownFast(sp *arabic.Splits, i int) bool {
	// the stem after the longest proclitic first: الحكومة is known as
	// حكومة, and most long words of a text have a proclitic
	cs := sp.Of(i)
	if len(cs) == 0 {
		return false
	}
	for j := 1; j < len(cs); j++ {
		if lx.known.has(cs[j].Hash) {
			return true
		}
	}
	if lx.known.has(cs[0].Hash) {
		return true
	}
	for _, c := range cs {
		if lx.inflected.has(c.Hash) {
			return true
		}
	}
	return false
}

// units are abbreviations written right after a number (10كم، 5كغ), and
// the names of Latin letters that make codes with one (3دي، 5جي).
var units = map[string]bool{
	"كم": true, "كلم": true, "مم": true, "ملم": true, "سم": true, "دسم": true,
	"كغ": true, "كلغ": true, "كغم": true, "كجم": true, "مغ": true, "ملغ": true, "مل": true,
	"سا": true, "دج": true, "دت": true,
	"دي": true, "جي": true, "إس": true, "اس": true, "إكس": true, "اكس": true, "إف": true, "اف": true,
	"بي": true, "سي": true, "إم": true, "ام": true, "كيه": true, "تي": true, "يو": true,
	"إيه": true, "إل": true, "آر": true, "إتش": true,
}

// lengthUnits are units of length written out, which take a 2 or 3 for
// square or cubic measure: متر٢ (m²), كيلومتر2.
var lengthUnits = map[string]bool{
	"متر": true, "مترا": true, "أمتار": true, "امتار": true, "كيلومتر": true, "كيلومترا": true,
	"سنتيمتر": true, "مليمتر": true, "ميل": true, "قدم": true, "ياردة": true,
}

// squared reports whether the number n after the word w is the exponent of
// a unit of length: a lone 2 or 3 (متر٢، مترمربع is another slip).
func squared(w, n arabic.Token) bool {
	return lengthUnits[w.Key] && (n.Key == "2" || n.Key == "3")
}

// gluedWord reports whether token t is an Arabic word that should not touch
// a number: two letters or more, not a proclitic (و5، بالـ30), not a unit.
func gluedWord(t arabic.Token) bool {
	return t.Kind == arabic.Word && t.Arabic && len(t.Key) >= 4 &&
		utf8.RuneCountInString(t.Key) >= 2 && !isProclitic(t.Key) && !units[t.Key]
}

// wordAndNumber flags the number token i when an Arabic word touches it.
func wordAndNumber(p *lint.Pass, i int) {
	toks := p.Tokens
	first, last := i, i
	var edits []lint.TextEdit
	if i > 0 && gluedWord(toks[i-1]) && !squared(toks[i-1], toks[i]) {
		first = i - 1
		edits = append(edits, lint.TextEdit{Start: toks[i].Start, End: toks[i].Start, New: " "})
	}
	if i+1 < len(toks) && gluedWord(toks[i+1]) {
		last = i + 1
		edits = append(edits, lint.TextEdit{Start: toks[i].End, End: toks[i].End, New: " "})
	}
	if len(edits) == 0 || inCode(p, first, last) {
		return
	}
	start, end := toks[first].Start, toks[last].End
	fixed := applyEdits(p.Text, start, end, edits)
	p.Report(lint.Diagnostic{
		Start: start, End: end,
		Message: p.T("number", fixed),
		Fixes:   []lint.SuggestedFix{{Message: p.T("insert-space"), Applicability: lint.Safe, Edits: edits}},
	})
}

// inCode reports whether tokens first..last sit in a hashtag, a handle, a
// URL or an identifier, where words are glued on purpose: the token before
// them is # @ _ / or a Latin word or number touching them, or the token
// after them is _ / @ or a Latin word or number.
func inCode(p *lint.Pass, first, last int) bool {
	toks := p.Tokens
	if first > 0 {
		switch b := toks[first-1]; b.Kind {
		case arabic.Punct:
			switch b.Key {
			case "#", "@", "_", "/", "\\", "=", "&", "?", "+", "-", ".", "~", "|", "%":
				return true
			}
		case arabic.Word:
			return !b.Arabic
		case arabic.Number:
			return true
		}
	}
	if last+1 < len(toks) {
		switch a := toks[last+1]; a.Kind {
		case arabic.Punct:
			switch a.Key {
			case "_", "/", "\\", "@", "=", "&", "#":
				return true
			}
		case arabic.Word:
			return !a.Arabic
		case arabic.Number:
			return true
		}
	}
	return false
}

// applyEdits returns text[start:end] with edits (sorted, inside the span)
// applied.
func applyEdits(text string, start, end int, edits []lint.TextEdit) string {
	var b strings.Builder
	pos := start
	for _, e := range edits {
		b.WriteString(text[pos:e.Start])
		b.WriteString(e.New)
		pos = e.End
	}
	b.WriteString(text[pos:end])
	return b.String()
}

// twoWords looks for a missing space inside the long word token i, which
// the fast test did not find among the known forms.
func twoWords(p *lint.Pass, i int, lx *lexicon) {
	t := p.Tokens[i]
	k := t.Key
	if !coreKey(k) || inCode(p, i, i) {
		return
	}
	word := p.Text[t.Start:t.End]
	if len(word) != len(k) && quranic(word) {
		return
	}
	if mayBeTwo(k) == inside {
		cuts := tehMaksuraCuts(k)
		if len(cuts) == 0 {
			return // حكومةها: a misspelling, not two words
		}
		edits := make([]lint.TextEdit, len(cuts))
		for j, c := range cuts {
			at := t.Start + keyToText(word, c)
			edits[j] = lint.TextEdit{Start: at, End: at, New: " "}
		}
		fixed := applyEdits(p.Text, t.Start, t.End, edits)
		p.Report(lint.Diagnostic{
			Start: t.Start, End: t.End,
			Message: p.T("inside", word, fixed),
			Fixes:   []lint.SuggestedFix{{Message: p.T("insert-space"), Applicability: lint.Safe, Edits: edits}},
		})
		return
	}
	if len(k) < 12 {
		return
	}
	cuts := lx.cuts(k)
	if len(cuts) == 0 || lx.knownDeep(k) || strings.Count(p.Text, word) > 1 {
		// a word the text writes twice is more likely a name or a term
		// the list lacks than the same slip made twice
		return
	}
	var fixes []lint.SuggestedFix
	for _, c := range cuts {
		at := t.Start + keyToText(word, c)
		fixes = append(fixes, lint.SuggestedFix{Message: p.T("insert-space"), Applicability: lint.Unsafe,
			Edits: []lint.TextEdit{{Start: at, End: at, New: " "}}})
	}
	fixed := applyEdits(p.Text, t.Start, t.End, fixes[0].Edits)
	p.Report(lint.Diagnostic{
		Start: t.Start, End: t.End,
		Message: p.T("listed", word, fixed),
		Fixes:   fixes,
	})
}

// quranic reports whether a word carries the marks of Quranic spelling
// (the dagger alef, small high letters), where ى may stand inside a word.
func quranic(word string) bool {
	for _, r := range word {
		if r == 0x0670 || r >= 0x06D6 && r <= 0x06ED {
			return true
		}
	}
	return false
}

const (
	tehMarbuta  = "ة"
	alefMaksura = "ى"
)

// tehMaksuraCuts returns the key offsets after each ة or ى that stands
// inside the word: at least two letters before it and two after, and what
// follows is not a pronoun or an ending (حكومةها is a misspelling of
// حكومتها, not two words).
func tehMaksuraCuts(k string) []int {
	var cuts []int
	last := 0
	for j := 2; j+2 < len(k)-2; j += 2 {
		if s := k[j : j+2]; s != tehMarbuta && s != alefMaksura {
			continue
		}
		if k[j:j+2] == alefMaksura && k[j+2:j+4] == "ء" {
			continue // شىء، مجىء: ي written ى before a final hamza
		}
		if j+2-last < 4 || k[j:j+2] == tehMarbuta && j+2-last < 6 {
			return nil // a piece of one letter, or ة after one letter
		}
		cuts = append(cuts, j+2)
		last = j + 2
	}
	if len(cuts) == 0 {
		return nil
	}
	if rest := k[last:]; len(rest) < 4 || suffixChain(rest) {
		return nil
	}
	for n := 1; n < len(cuts); n++ {
		if suffixChain(k[cuts[n-1]:cuts[n]]) {
			return nil
		}
	}
	return cuts
}

// keyToText maps an offset in a word's key to the offset in the word's
// text, after the harakat, tatweel and invisible marks of the letter
// before it.
func keyToText(word string, keyPos int) int {
	n := 0
	for i, r := range word {
		if arabic.IsHaraka(r) || r == arabic.Tatweel || arabic.IsIgnorable(r) {
			continue
		}
		if n >= keyPos {
			return i
		}
		n += utf8.RuneLen(r)
	}
	return len(word)
}

// cuts returns the key offsets where the unknown word k splits into two
// listed forms, best first.
func (lx *lexicon) cuts(k string) []int {
	if len(k) > 64 {
		return nil
	}
	var suf [65]uint32 // suf[j] is the hash of k[j:]
	h := arabic.StemHashSeed
	for j := len(k) - 1; j >= 0; j-- {
		h = arabic.StemHashBefore(h, k[j:j+1])
		suf[j] = h
	}
	var out []int
	for pos := 6; pos <= len(k)-6; pos += 2 {
		// only after a letter that does not join the next one (قرار|قطع):
		// there a missing space does not show and survives editing,
		// while two joined words look like one and get noticed
		if !nonJoining(k[pos-2:pos]) || !lx.mayBeHalf(k, pos, &suf) || !lx.mayBeHalf(k[:pos], 0, nil) {
			continue
		}
		if k[pos-2:pos] == "ا" && k[pos:pos+2] == "ل" {
			// المشروعا|لجديد is المشروع الجديد with its article cut
			continue
		}
		if lx.half(k[:pos], true) && lx.half(k[pos:], false) {
			out = append(out, pos)
		}
	}
	return out
}

// mayBeHalf is the filter test for k[pos:] (suf holds the hashes of the
// suffixes of k; nil: compute them): the form itself or its stem after a
// proclitic may be listed.
func (lx *lexicon) mayBeHalf(k string, pos int, suf *[65]uint32) bool {
	hash := func(j int) uint32 {
		if suf != nil {
			return suf[j]
		}
		return arabic.StemHash(k[j:])
	}
	if lx.halves.has(hash(pos)) {
		return true
	}
	s := k[pos:]
	for _, pr := range procliticsOf(s) {
		if len(s)-len(pr) >= 6 && strings.HasPrefix(s, pr) && lx.halves.has(hash(pos+len(pr))) {
			return true
		}
	}
	return false
}

// half reports whether s is a listed form, with a proclitic it accepts,
// of three letters or more without it, and fit to be one side of a split.
func (lx *lexicon) half(s string, first bool) bool {
	if lx.listedHalf(s, s, first) {
		return true
	}
	// a listed form with the accusative alif or an attached pronoun:
	// the first half of برنامجا|بقيمة، إنها|أجرت، ألقاها|أمام, the
	// second of أثر|صوته
	for _, suf := range halfEndings {
		base, ok := strings.CutSuffix(s, suf)
		if !ok || len(base) < 6 {
			continue
		}
		if suf == "ا" {
			// the accusative of a noun or adjective (برنامجا، كبيرا),
			// which takes no alif after ة، ا، ى، ء
			if noAccusativeAlif(base) {
				continue
			}
			if e, _, ok := lx.lookup(base); ok && e.Class <= arabic.ClassNoArt && lx.listedHalf(base, s, first) {
				return true
			}
			continue
		}
		if lx.listedHalf(base, s, first) {
			return true
		}
		switch {
		case strings.HasSuffix(base, "ا"): // ألقاها: ألقى
			if lx.listedHalf(base[:len(base)-len("ا")]+alefMaksura, s, first) {
				return true
			}
		case strings.HasSuffix(base, "ت"): // حكومتها: حكومة
			if lx.listedHalf(base[:len(base)-len("ت")]+tehMarbuta, s, first) {
				return true
			}
		}
	}
	return false
}

// noAccusativeAlif reports whether a form ends in a letter after which the
// accusative takes no alif: ة، ا، ى، ء.
func noAccusativeAlif(w string) bool {
	for _, l := range [...]string{tehMarbuta, "ا", alefMaksura, "ء"} {
		if strings.HasSuffix(w, l) {
			return true
		}
	}
	return false
}

// halfEndings may follow a listed form in a half, longest first.
var halfEndings = []string{"هما", "كما", "ها", "هم", "هن", "نا", "كم", "ه", "ا"}

// listedHalf reports whether form, a listed form with a proclitic it
// accepts and three letters or more without it, may be one side of a
// split; s is the half as written (form plus an ending).
func (lx *lexicon) listedHalf(form, s string, first bool) bool {
	e, prefix, ok := lx.lookup(form)
	if !ok {
		return false
	}
	stem := form[len(prefix):]
	if len(stem) < 6 {
		return false
	}
	switch {
	case first && e.Class == arabic.ClassExact:
		// a preposition with a pronoun (منا، مما، بها: the exact
		// class) starts too many words: مناصفة، مماثل
		return false
	case !first && e.Class >= arabic.ClassConj && endsInPronoun(s):
		// and ends too many: تجار|بهم
		return false
	}
	if first {
		if prefix == "" && hasArticle(form) {
			// والي|نابيع is و + الينابيع: a form that starts like a
			// proclitic and the article is read the other way
			return false
		}
		if e.Class == arabic.ClassVerb && len(stem) == 6 && strings.ContainsRune("يتن", firstRune(stem)) {
			// a three-letter present (تقر، يعد، ترد) starts too many
			// words: تقرير، يعدل، تردد
			return false
		}
		return !isProclitic(s) && !lx.first[stem] && !lx.first[form]
	}
	// a letter and an ending (مطار|دين، روما|نية، مقر|بين) is more
	// likely the last letter of a stem and its ending than a word
	return !suffixChain(s) && !lx.second[form] && !suffixChain(s[2:]) && !suffixChain(stem[2:])
}

// hasArticle reports whether s starts like a proclitic and the article
// (والـ، بالـ، للـ).
func hasArticle(s string) bool {
	for _, p := range [...]string{"وال", "فال", "بال", "كال", "لل"} {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// endsInPronoun reports whether s ends in an attached pronoun.
func endsInPronoun(s string) bool {
	for _, p := range pronouns {
		if len(s) > len(p) && strings.HasSuffix(s, p) {
			return true
		}
	}
	return false
}

// nonJoining reports whether a letter does not join the letter after it.
func nonJoining(l string) bool {
	switch l {
	case "ا", "أ", "إ", "آ", "د", "ذ", "ر", "ز", "و", "ؤ", "ء", "ة":
		return true
	}
	return false
}

// endings are the endings of number, gender and person that follow a
// stem, longest first; pronouns are the attached pronouns.
var (
	endings  = []string{"يتان", "يتين", "يات", "يين", "يون", "تان", "تين", "تمو", "ات", "ان", "ين", "ون", "ية", "يت", "تا", "تم", "تن", "وا", "نا", "ت", "ي", "و", "ا", "ن"}
	pronouns = []string{"هما", "كما", "هم", "هن", "ها", "كم", "كن", "نا", "ني", "ه", "ك", "ي"}
)

// suffixChain reports whether s is only endings and pronouns (اتهم، تها،
// هما، ون): what follows a stem, never a word of its own here.
func suffixChain(s string) bool {
	for _, p := range pronouns {
		if s == p {
			return true
		}
	}
	for _, e := range endings {
		if !strings.HasPrefix(s, e) {
			continue
		}
		rest := s[len(e):]
		if rest == "" {
			return true
		}
		for _, p := range pronouns {
			if rest == p {
				return true
			}
		}
	}
	return false
}

// knownDeep reports whether k is a known form once endings and pronouns
// (قراراتهم، مسؤوليتها، أعطاه) or a future prefix (سيقول) are taken off.
func (lx *lexicon) knownDeep(k string) bool {
	if lx.knownStem(k) {
		return true
	}
	for n := 2; n <= 10 && n <= len(k)-4; n += 2 {
		if suffixChain(k[len(k)-n:]) && lx.knownStem(k[:len(k)-n]) {
			return true
		}
	}
	for _, f := range []string{"وس", "فس", "س"} {
		if rest, ok := strings.CutPrefix(k, f); ok && len(rest) >= 6 && strings.ContainsRune("يتنأ", firstRune(rest)) {
			return lx.knownDeep(rest)
		}
	}
	return false
}

// knownStem tries a stem as written and with the letter a suffix changes
// put back: ت → ة (مسؤوليت-ها), و → وا (قالو-ه), ا → ى (أعطا-ه).
func (lx *lexicon) knownStem(s string) bool {
	if lx.knownWord(s) {
		return true
	}
	switch {
	case strings.HasSuffix(s, "ت"):
		return lx.knownWord(s[:len(s)-len("ت")] + tehMarbuta)
	case strings.HasSuffix(s, "و"):
		return lx.knownWord(s + "ا")
	case strings.HasSuffix(s, "ا"):
		return lx.knownWord(s[:len(s)-len("ا")] + alefMaksura)
	}
	return false
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}
