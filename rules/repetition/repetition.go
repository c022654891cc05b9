// Package repetition holds the rules that catch text written twice: a word
// doubled in typing, a line or paragraph pasted twice.
package repetition

import (
	_ "embed"
	"fmt"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/lint/arabic"
	"github.com/daqiq/daqiq/rules/internal/prose"
	"github.com/daqiq/daqiq/rules/kinds"
	"github.com/daqiq/daqiq/rules/typography"
)

//go:embed data/repetition.toml
var data []byte

type lists struct {
	Allow   []string `toml:"allow"`
	Phrases []string `toml:"phrases"`
	Names   []string `toml:"names"`
	Groups  []string `toml:"groups"`
	Short   []string `toml:"short"`
	Tags    []string `toml:"tags"`
	Copulas []string `toml:"copulas"`
}

// RepeatedWord makes the rule repetition/repeated-word.
func RepeatedWord() (*lint.Rule, error) {
	var l lists
	if _, err := toml.Decode(string(data), &l); err != nil {
		return nil, fmt.Errorf("rules/repetition/data/repetition.toml: %v", err)
	}
	d := newDoubles(l)
	return kinds.NewRepeatedWord(kinds.RepeatedWord{
		Rule: lint.Rule{
			ID:       "repetition/repeated-word",
			Category: "repetition",
			Level:    lint.Warning,
			Summary:  "the same word twice in a row (في في)",
			Doc: lint.Doc{
				What: "Flags a word that directly repeats the word before it on the same line. " +
					"Left alone, from rules/repetition/data/repetition.toml: reduplication Arabic uses on purpose (رويدا رويدا، خطوة خطوة، قطعة قطعة، أضعاف أضعاف، ألف ألف)، titles and fixed terms (ولي ولي العهد، صواريخ أرض أرض)، " +
					"given names a father and son share (محمد محمد أبو علامة، بطرس بطرس غالي) and a nationality doubled for relations within the group (العلاقات العربية العربية، حوار يمني يمني) when no word of the same phrase follows. " +
					"Also left alone: acronyms spelt in letter names (سي إن إن، بي كيه كيه، إن إن تي)، هو هو (the same) and لِمَ لَمْ (why not)، two copies with different harakat (مَن مِن)، a word three times or more (emphasis: فساد فساد فساد)، a doubled word right before an exclamation mark (هناك هناك!)، " +
					"a word with the conjunction و (والوكلاء والوكلاء المساعدين، مسدسات وبنادق وبنادق صيد: a second item that its qualifier follows)، the «whoever» clause (الذي ضرب ضرب، من تاب تاب الله عليه، ما لقيصر لقيصر)، " +
					"مَن مِن at the start of a question (من من اللاعبين…؟)، the «if it is X, it is X» clause (إذا بكت بكت)، «X is (no longer) X» after a verb of being (لم تعد بغداد بغداد)، kinship chains (ابن ابن عمه)، a CMS tag list (سمات …)، a word without the article that the news word list of typography/run-together does not know (a name or a transliteration: فرحات فرحات، بوتار بوتار)، a short quotation of eight words or fewer (titles, slogans, chants: «توت توت»، «باي باي لندن»)، words in Latin script, and verse lines (see rules/internal/prose).",
				Why:   "Doubled words are typing slips that the eye skips. Deliberate repetition is common in Arabic, so the rule stays silent wherever the doubling may be meant.",
				Wrong: "أعلنت الوزارة الوزارة أمس عن خطة جديدة.",
				Right: "أعلنت الوزارة أمس عن خطة جديدة.",
				Fix:   "Unsafe: deleting the second word is usually right but a quotation may repeat on purpose.",
			},
		},
		Allow: l.Allow,
		Short: l.Short,
		Skip:  d.skip,
	}), nil
}

// doubles decides whether a doubled word is meant.
type doubles struct {
	allow, names, groups, short, tags, copulas map[string]bool
	phrases                                    [][]string
	// tagLens has a bit for the length of each tag: an Arabic word's key
	// has no mark, so fold keeps its length, and a word of another length
	// is no tag.
	tagLens [4]uint64
}

// fold is the form lists are matched in: no harakat or tatweel, أ إ آ as
// ا, a final ى as ي.
func fold(s string) string { return arabic.FoldYeh(arabic.FoldHamza(arabic.Key(s))) }

func newDoubles(l lists) *doubles {
	d := &doubles{allow: map[string]bool{}, names: map[string]bool{}, groups: map[string]bool{}, short: map[string]bool{}, tags: map[string]bool{}, copulas: map[string]bool{}}
	for _, w := range l.Copulas {
		d.copulas[arabic.Key(w)] = true
	}
	for _, w := range l.Short {
		d.short[fold(w)] = true
	}
	for _, w := range l.Tags {
		k := fold(w)
		d.tags[k] = true
		if len(k) < 256 {
			d.tagLens[len(k)>>6] |= 1 << (len(k) & 63)
		}
	}
	for _, w := range l.Allow {
		d.allow[fold(w)] = true
	}
	for _, w := range l.Names {
		d.names[fold(w)] = true
	}
	for _, w := range l.Groups {
		d.groups[fold(w)] = true
	}
	for _, p := range l.Phrases {
		var ws []string
		for _, w := range strings.Fields(p) {
			ws = append(ws, fold(w))
		}
		d.phrases = append(d.phrases, ws)
	}
	return d
}

// relatives open a «whoever» clause, after which a verb repeats on
// purpose: الذي ضرب ضرب، من تاب تاب الله عليه، ما لقيصر لقيصر.
var relatives = map[string]bool{"الذي": true, "التي": true, "الذين": true, "من": true, "ما": true}

// conditionals open an «if it is X, it is X» clause: إذا بكت بكت، وإن
// انعدم انعدم.
// Matched as written (أن is no conditional).
var conditionals = map[string]bool{"إذا": true, "اذا": true, "إن": true, "لو": true, "كلما": true, "متى": true}

// manBefore are the prepositions after which من من is «مِن مَن» or «مَن
// مِن» (مع من من المرشحين: with which of the candidates).
var manBefore = map[string]bool{"مع": true, "عن": true, "علي": true, "الي": true, "الى": true}

// pronouns after من من make it «مِمَّن هم»: التأمين من من هم خارج السيارة.
var pronouns = map[string]bool{"هم": true, "هو": true, "هي": true, "هن": true}

// phraseEnders may follow a doubled nationality without taking it back into
// one phrase (العلاقات العربية العربية التي…، الحوار الفلسطيني الفلسطيني في…).
var phraseEnders = map[string]bool{
	"التي": true, "الذي": true, "الذين": true, "في": true, "من": true, "علي": true, "الي": true,
	"عن": true, "مع": true, "بين": true, "ضد": true, "حول": true, "عبر": true, "منذ": true, "خلال": true,
}

func (d *doubles) skip(p *lint.Pass, ai, bi int) bool {
	toks, text := p.Tokens, p.Text
	a, b := &toks[ai], &toks[bi]
	k := fold(a.Key)
	switch {
	case toks[ai+1].Breaks > 0:
		return true // the end of one line and the start of the next: a heading and its text
	case !a.Arabic:
		return true // Knock Knock, Happy Happy: names and titles
	case differentHarakat(text[a.Start:a.End], text[b.Start:b.End]):
		return true // مَن مِن، لِمَ لَمْ
	case d.allow[k], d.names[k]:
		return true
	case bi+1 < len(toks) && toks[bi+1].Kind == arabic.Punct && strings.ContainsRune(toks[bi+1].Key, '!'):
		return true // هناك هناك! an exclamation doubles on purpose
	case sameKey(toks, prevWord(toks, ai), a.Key), sameKey(toks, nextWord(toks, bi), a.Key):
		return true // three times or more: emphasis
	case d.phrase(toks, ai, bi):
		return true
	case letters(toks, ai, bi):
		return true
	case strings.HasPrefix(k, "و") && arabic.RuneCount(k) >= 4:
		return true // والوكلاء والوكلاء المساعدين
	case d.group(toks, k, bi):
		return true
	}
	if w := prevWord(toks, ai); w >= 0 {
		pk := fold(toks[w].Key)
		for _, pr := range [...]string{"", "و", "ف"} {
			r, ok := strings.CutPrefix(pk, pr)
			if !ok || !relatives[r] {
				continue
			}
			// after من and ما only a verb or a phrase with a preposition
			// repeats (من تاب تاب، ما لقيصر لقيصر), never the article:
			// من الوزارة الوزارة is a slip after the preposition مِن
			if r == "الذي" || r == "التي" || r == "الذين" || !strings.HasPrefix(k, "ال") && k != "من" {
				return true
			}
		}
	}
	if w := prevWord(toks, ai); w >= 0 && !d.short[k] {
		pk := toks[w].Key
		for _, pr := range [...]string{"", "و", "ف"} {
			r, ok := strings.CutPrefix(pk, pr)
			if ok && (d.copulas[r] || conditionals[r] && !strings.HasPrefix(k, "ال")) {
				return true
			}
		}
	}
	if d.tagLine(p, ai) {
		return true
	}
	if !d.short[k] && !definite(k) && !typography.NewsWord(a.Key) {
		// a bare word the news word list does not know is a name or a
		// transliteration more often than a slip: فرحات فرحات، بوتار
		// بوتار، تشاو تشاو
		return true
	}
	if k == "من" && d.man(toks, ai, bi) {
		return true
	}
	if shortQuote(toks, ai, bi) {
		return true
	}
	return prose.VerseOf(p).Contains(a.Start)
}

// tagLine reports whether token i follows, on its line, a label that opens
// a list of tags (سمات تفجير عسير …) at the start of the line or after the
// end of a sentence: keywords a CMS prints after the text, not prose.
//
// What decides is the nearest token before i that ends the walk back: a
// line break, a label, or a mark other than ، , :. Skip asks about pairs in
// the order of the text; the walk back stops where the previous one
// started and takes its answer from there, so the document is walked once.
func (d *doubles) tagLine(p *lint.Pass, i int) bool {
	toks := p.Tokens
	last := p.Memo("repetition/tag-line", func() any { return &tagWalk{} }).(*tagWalk)
	end := -1
	from := 0
	if last.d == d && last.at <= i {
		from = last.at
	}
	j := i - 1
	for ; j >= from; j-- {
		if d.endsWalk(&toks[j]) {
			end = j
			break
		}
	}
	if j < from && from > 0 {
		end = last.end
	}
	*last = tagWalk{d: d, at: i, end: end}
	if end < 0 {
		return false
	}
	t := &toks[end]
	if t.Kind != arabic.Word {
		return false // a line break, or a sentence of prose between the label and the word
	}
	// the label starts a line or follows the end of a sentence: «سمات» is
	// also a noun of prose (traits)
	k := end - 1
	for k >= 0 && toks[k].Kind == arabic.Space && toks[k].Breaks == 0 {
		k--
	}
	if k < 0 || toks[k].Kind == arabic.Space {
		return true
	}
	switch toks[k].Key {
	case ".", "!", "؟", "?", "…":
		return true
	}
	return false
}

// tagWalk is where tagLine last walked back from (at) for the lists of d,
// nil before the first walk, and the token that ended the walk (end, -1
// if none did).
type tagWalk struct {
	d       *doubles
	at, end int
}

// endsWalk reports whether tagLine's walk back ends at t: a line break, a
// label of a tag list, a mark other than ، , :.
func (d *doubles) endsWalk(t *arabic.Token) bool {
	switch t.Kind {
	case arabic.Space:
		return t.Breaks > 0
	case arabic.Word:
		if n := len(t.Key); t.Arabic && (n >= 256 || d.tagLens[n>>6]&(1<<(n&63)) == 0) {
			return false
		}
		return d.tags[fold(t.Key)]
	case arabic.Punct:
		return t.Key != "،" && t.Key != "," && t.Key != ":"
	}
	return false
}

// definite reports whether k starts with the article, alone or after a
// proclitic (الوقار، والوزارة، بالمدينة، للشؤون).
func definite(k string) bool {
	for _, p := range [...]string{"ال", "وال", "فال", "بال", "كال", "لل", "ولل", "فلل", "وبال"} {
		if strings.HasPrefix(k, p) {
			return true
		}
	}
	return false
}

// man reports whether من من reads مَن مِن or مِن مَن: at the start of a
// sentence or line, after مع، عن، على، إلى, or before a pronoun.
func (d *doubles) man(toks []arabic.Token, ai, bi int) bool {
	w := prevWord(toks, ai)
	if w < 0 || manBefore[fold(toks[w].Key)] {
		return true
	}
	if n := nextWord(toks, bi); n >= 0 && pronouns[toks[n].Key] {
		return true
	}
	return false
}

// phrase reports whether the pair ai, bi is part of a listed phrase.
func (d *doubles) phrase(toks []arabic.Token, ai, bi int) bool {
	k := fold(toks[ai].Key)
	for _, ph := range d.phrases {
		for j := 0; j+1 < len(ph); j++ {
			if ph[j] != k || ph[j+1] != k {
				continue
			}
			ok := true
			for w, n := ai, j-1; ok && n >= 0; n-- {
				w = prevWord(toks, w)
				ok = w >= 0 && fold(toks[w].Key) == ph[n]
			}
			for w, n := bi, j+2; ok && n < len(ph); n++ {
				w = nextWord(toks, w)
				// the last word may carry a suffix: ولي ولي عهده
				ok = w >= 0 && (fold(toks[w].Key) == ph[n] || n == len(ph)-1 && strings.HasPrefix(fold(toks[w].Key), ph[n]))
			}
			if ok {
				return true
			}
		}
	}
	return false
}

// group reports whether the doubled word k is a nationality or group
// adjective (العربية العربية، يمني يمني) that no word of the same phrase
// follows: the next token is not a word, or a word that starts another
// phrase (و، ف، a relative pronoun, a preposition). المملكة العربية العربية
// السعودية is a slip.
func (d *doubles) group(toks []arabic.Token, k string, bi int) bool {
	s := strings.TrimPrefix(k, "ال")
	s = strings.TrimSuffix(s, "ة")
	if !d.groups[s] {
		return false
	}
	n := nextWord(toks, bi)
	if n < 0 {
		return true
	}
	nk := fold(toks[n].Key)
	return phraseEnders[nk] || strings.HasPrefix(nk, "و") || strings.HasPrefix(nk, "ف")
}

// letters reports whether the pair spells an acronym: a letter name that is
// no Arabic word (كيه كيه، إيه إيه آر بي), or a letter name that is one
// (إن، في) next to a letter name that is not (سي إن إن، تي في في).
func letters(toks []arabic.Token, ai, bi int) bool {
	k := toks[ai].Key
	if !prose.LetterName(k) {
		return false
	}
	if prose.PlainLetterName(k) {
		return true
	}
	for _, w := range [...]int{codeNeighbour(toks, ai, -1), codeNeighbour(toks, bi, 1)} {
		if w >= 0 && prose.PlainLetterName(strings.TrimPrefix(toks[w].Key, "ال")) {
			// ال before a letter name: السي إن إن
			return true
		}
	}
	return false
}

// codeNeighbour is the word next to token i in direction dir, across a
// space or a dot (أو.إم.في), on the same line; -1 if none.
func codeNeighbour(toks []arabic.Token, i, dir int) int {
	j := i + dir
	if j < 0 || j >= len(toks) {
		return -1
	}
	if t := toks[j]; t.Kind == arabic.Space && t.Breaks == 0 || t.Kind == arabic.Punct && t.Key == "." {
		j += dir
	}
	if j < 0 || j >= len(toks) || toks[j].Kind != arabic.Word {
		return -1
	}
	return j
}

// prevWord is the word before token i, with only a space between them on
// the same line; -1 if none.
func prevWord(toks []arabic.Token, i int) int {
	if i < 2 || toks[i-1].Kind != arabic.Space || toks[i-1].Breaks > 0 || toks[i-2].Kind != arabic.Word {
		return -1
	}
	return i - 2
}

// nextWord is the word after token i, with only a space between them on
// the same line; -1 if none.
func nextWord(toks []arabic.Token, i int) int {
	if i+2 >= len(toks) || toks[i+1].Kind != arabic.Space || toks[i+1].Breaks > 0 || toks[i+2].Kind != arabic.Word {
		return -1
	}
	return i + 2
}

func sameKey(toks []arabic.Token, i int, key string) bool { return i >= 0 && toks[i].Key == key }

// differentHarakat reports whether both copies carry harakat and the
// harakat differ: مَن مِن (who among), لِمَ لَمْ (why not).
func differentHarakat(x, y string) bool {
	x, y = strings.ReplaceAll(x, "\u0640", ""), strings.ReplaceAll(y, "\u0640", "")
	return x != y && hasHaraka(x) && hasHaraka(y)
}

func hasHaraka(s string) bool {
	for _, r := range s {
		if arabic.IsHaraka(r) {
			return true
		}
	}
	return false
}

// maxQuoteWords is the length of a quotation or bracket short enough to be
// a title, a slogan, a chant or a name (“باي باي لندن”، «توت توت»), where a
// doubled word is meant.
const maxQuoteWords = 8

// shortQuote reports whether the pair ai, bi lies inside a quotation or a
// bracket of at most maxQuoteWords words on one line.
func shortQuote(toks []arabic.Token, ai, bi int) bool {
	words := 2
	open := -1
	for j := ai - 1; j >= 0 && words <= maxQuoteWords; j-- {
		t := toks[j]
		if t.Kind == arabic.Space && t.Breaks > 0 {
			return false
		}
		if t.Kind == arabic.Word {
			words++
		}
		if t.Kind == arabic.Punct && t.Key != "." && t.Key != "-" {
			open = j
			break
		}
	}
	if open < 0 || !strings.Contains(`"«“”(['`, toks[open].Key) {
		return false
	}
	for j := bi + 1; j < len(toks) && words <= maxQuoteWords; j++ {
		t := toks[j]
		if t.Kind == arabic.Space && t.Breaks > 0 {
			return false
		}
		if t.Kind == arabic.Word {
			words++
		}
		if t.Kind == arabic.Punct && t.Key != "." && t.Key != "-" {
			return strings.Contains(`"»”“)]'`, t.Key) && words <= maxQuoteWords
		}
	}
	return false
}

// RepeatedLine makes the rule repetition/repeated-line.
func RepeatedLine() (*lint.Rule, error) {
	return kinds.NewRepeatedLine(kinds.RepeatedLine{Rule: lint.Rule{
		ID:       "repetition/repeated-line",
		Category: "repetition",
		Level:    lint.Warning,
		Summary:  "a line or paragraph repeated right after itself",
		Doc: lint.Doc{
			What:  "Flags a line identical to the line above it, and a paragraph identical to the paragraph above it (ignoring harakat, tatweel and spacing).",
			Why:   "Captions and paragraphs pasted twice survive into print when the CMS strips layout.",
			Wrong: "اجتماع طارئ في الرياض\nاجتماع طارئ في الرياض",
			Right: "اجتماع طارئ في الرياض",
			Fix:   "Unsafe: deletes the second copy with its line break.",
		},
	}}), nil
}
