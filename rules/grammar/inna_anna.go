package grammar

import (
	"strings"

	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/lint/arabic"
	"github.com/daqiq/daqiq/rules/internal/prose"
)

// maxGap is how many words may stand between the verb and the particle
// (وذكرت الشركة المشغلة في بيان نشرته أمس إن: five).
const maxGap = 8

// InnaAnna makes the rule grammar/inna-anna.
func InnaAnna() (*lint.Rule, error) {
	d, err := loadParticles()
	if err != nil {
		return nil, err
	}
	return &lint.Rule{
		ID:       "grammar/inna-anna",
		Kind:     lint.Code,
		Category: "grammar",
		Level:    lint.Warning,
		Summary:  "إنّ after قال and its forms, أنّ after ذكر، أضاف، أكد and the other reporting verbs",
		Doc: lint.Doc{
			What:  "Finds the particle إنّ/أنّ (also with a pronoun: إنه، أنها) and looks back in its clause, past the subject and commas, for the verb it depends on. After قال in all its forms (قالت، يقول، قائلا، وقال، قيل) the particle is إنّ; after ذكر، أضاف، أكد، أوضح، أعلن، أشار إلى and the other reporting verbs it is أنّ. Left alone: conditional إن (إن كان، إن وجدوا); a particle governed by a nearer word (يجب أن، بعد أن، خاصة أن، ومعلوم أن، ذاك أنه، الغالب أن، في الأمر أن، فأخبرته أن، أعلم أنه، من حقي أن، أحس إني، قال إنه يريد أن); the particle after بل and إذ, which open a clause (بل إنّ، إذ إنّ); a particle written with its vowels (إِنَّ: quoted scripture or verse); a would-be verb that is a masdar after عدم (طلب عدم كشف هويته إن…) or the verb of a clause of ما (في ما يعتبر…، إن); the letters of an acronym (سي إن إن); and the masdar أنْ before a verb (قالوا من النادر أن نجد، عليك أن تبحث). After حتى the particle opens a new sentence and is إنّ: حتى أنه and حتى أن الناس are flagged.",
			Why:   "The hamza of this particle is a grammar rule every copy editor checks; the mistake is frequent in both directions.",
			Wrong: "وذكرت الوزارة في بيان إن المشروع سينتهي قريبا، وقالت المتحدثة أن العمل مستمر.",
			Right: "وذكرت الوزارة في بيان أن المشروع سينتهي قريبا، وقالت المتحدثة إن العمل مستمر.",
			Fix:   "Unsafe: the verb is found by position, not by a parser; confirm the particle depends on it. After حتى the fix is safe (حتى أنه → حتى إنه).",
		},
		Run: func(p *lint.Pass) { runParticles(p, d) },
	}, nil
}

// particle reports whether a word key is إن/أن, alone or with a pronoun,
// and returns its hamza form: 'i' for إ, 'a' for أ.
func particle(key string) (byte, bool) {
	var rest string
	var form byte
	switch {
	case strings.HasPrefix(key, "إن"):
		rest, form = key[len("إن"):], 'i'
	case strings.HasPrefix(key, "أن"):
		rest, form = key[len("أن"):], 'a'
	default:
		return 0, false
	}
	switch rest {
	case "", "ه", "ها", "هم", "هما", "هن", "نا", "ني", "ي", "ك", "كم", "كما":
		return form, true
	}
	return 0, false
}

func runParticles(p *lint.Pass, d *particleData) {
	toks := p.Tokens
	for i := range toks {
		t := &toks[i]
		if t.Kind != arabic.Word || !t.Arabic {
			continue
		}
		form, ok := particle(t.Key)
		if !ok || vocalized(p.Text[t.Start:t.End]) {
			continue // إِنَّ with its vowels: scripture or verse, written as read
		}
		if acronym(toks, i) {
			continue // سي إن إن: the letters of CNN
		}
		next := nextWord(toks, i)
		// conditional إن: إن كان، إن لم
		if form == 'i' && next >= 0 && d.conditional[toks[next].Key] {
			continue
		}
		if form == 'a' && afterHatta(toks, d, i, next) {
			word := p.Text[t.Start:t.End]
			fix := swapHamza(word, 'i')
			p.Report(lint.Diagnostic{
				Start: t.Start, End: t.End,
				Message: p.T("after-hatta", fix, word),
				Fixes:   []lint.SuggestedFix{lint.Replace(t.Start, t.End, fix, lint.Safe)},
			})
			continue
		}
		verb, vi := findVerb(p, d, i)
		if verb == 0 {
			continue
		}
		want := byte('a')
		if verb == verbQala {
			want = 'i'
		}
		if form == want {
			continue
		}
		if form == 'a' && t.Key == "أن" && next >= 0 && d.subjunctiveVerb(toks[next].Key) {
			continue // قالا من النادر أن نجد: the masdar أنْ of a nearer word
		}
		word := p.Text[t.Start:t.End]
		fix := swapHamza(word, want)
		v := toks[vi]
		p.Report(lint.Diagnostic{
			Start: t.Start, End: t.End,
			Message: p.T("after-verb", p.Text[v.Start:v.End], fix, word),
			Fixes:   []lint.SuggestedFix{lint.Replace(t.Start, t.End, fix, lint.Unsafe)},
		})
	}
}

// acronym reports whether the particle at i is a letter of an acronym
// spelled in Arabic script: a Latin letter's name follows it (سي إن إن،
// إن بي سي), or it follows an إن that is one (the second N of سي إن إن).
// A particle after a whole acronym (بي بي سي إن الحكومة) is a particle.
func acronym(toks []arabic.Token, i int) bool {
	if j := nextWord(toks, i); j >= 0 && prose.LetterName(toks[j].Key) {
		return true
	}
	j := prevWord(toks, i)
	if j < 0 || toks[j].Key != "إن" && toks[j].Key != "ان" {
		return false
	}
	k := prevWord(toks, j)
	return k >= 0 && prose.PlainLetterName(toks[k].Key)
}

// vocalized reports whether a word carries a short vowel, not only a
// shadda (إِنَّ، أَنَّ): text written with its vowels is quoted scripture or
// verse.
func vocalized(w string) bool {
	for _, r := range w {
		if arabic.IsHaraka(r) && r != '\u0651' {
			return true
		}
	}
	return false
}

// afterHatta reports whether the particle أنّ at i, with its pronoun or
// before a definite noun, follows حتى (or وحتى): حتى أنه → حتى إنه.
func afterHatta(toks []arabic.Token, d *particleData, i, next int) bool {
	w := prevWord(toks, i)
	if w < 0 || !d.hatta[stripConj(toks[w].Key)] {
		return false
	}
	if toks[i].Key != "أن" {
		return true // أنه، أنها، أنهم
	}
	return next >= 0 && strings.HasPrefix(toks[next].Key, "ال")
}

// subjunctiveVerb reports whether a word after أن is a verb in the
// subjunctive: listed, or an imperfect in ي (يكون، يتم، يقوم).
func (d *particleData) subjunctiveVerb(k string) bool {
	if d.subjunctive[k] {
		return true
	}
	if !strings.HasPrefix(k, "ي") || arabic.RuneCount(k) < 3 {
		return false
	}
	switch k {
	case "يوم", "يوما", "يومي", "يومين", "يونيو", "يوليو", "يناير", "يد", "يمين", "يسار":
		return false
	}
	return true
}

// stripConj removes a و or ف attached to a word of three letters or more.
func stripConj(k string) string {
	if arabic.RuneCount(k) > 3 && (strings.HasPrefix(k, "و") || strings.HasPrefix(k, "ف")) {
		return k[len("و"):]
	}
	return k
}

// particleClitics are what may stand before another particle that ends
// the search for the verb (وأن، فإن، بأن، لأن، كأن، وبأن، ولأن).
var particleClitics = []string{"و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل"}

// findVerb looks back from the particle at i, within its clause and at
// most maxGap words, for a reporting verb. It stops at sentence marks,
// quotes, another particle and the words of the stop list.
func findVerb(p *lint.Pass, d *particleData, i int) (int, int) {
	toks := p.Tokens
	if w := prevWord(toks, i); w >= 0 {
		if k := toks[w].Key; d.before[k] || d.before[arabic.FoldYeh(k)] || d.before[stripConj(k)] {
			return 0, -1 // بعد أن، على أن، إلى أنه، ومعلوم أن
		}
	}
	words := 0
	for j := i - 1; j >= 0; j-- {
		t := toks[j]
		switch t.Kind {
		case arabic.Space:
			if t.Breaks > 0 {
				return 0, -1
			}
			continue
		case arabic.Punct:
			if t.Key == "،" || t.Key == "," {
				continue
			}
			return 0, -1
		case arabic.Number:
			words++
			continue
		}
		if !t.Arabic {
			words++
			continue
		}
		if _, ok := particle(t.Key); ok {
			return 0, -1
		}
		// another particle with its proclitic: وأن، فإن، بأن، لأن، كأن
		for _, pre := range particleClitics {
			if rest, ok := strings.CutPrefix(t.Key, pre); ok {
				if _, ok := particle(rest); ok {
					return 0, -1
				}
			}
		}
		if m, ok := d.verbs.MatchAt(toks, p.Splits, j); ok {
			if m.Value == verbStop {
				return 0, -1
			}
			if w := prevWord(toks, j); w >= 0 {
				switch stripConj(toks[w].Key) {
				case "عدم":
					return 0, -1 // عدم كشف: a masdar, not the verb
				case "فيما", "مما", "بما":
					return 0, -1 // فيما يعتبر: a relative clause's verb
				case "ما":
					if k := prevWord(toks, w); k >= 0 && toks[k].Key == "في" {
						return 0, -1 // في ما يعتبر
					}
				}
			}
			return m.Value, j
		}
		words++
		if words > maxGap {
			return 0, -1
		}
	}
	return 0, -1
}

// prevWord and nextWord return the index of the word right before or
// after i on the same line, or -1 when a mark or another token stands
// between.
func prevWord(toks []arabic.Token, i int) int { return adjacentWord(toks, i, -1) }
func nextWord(toks []arabic.Token, i int) int { return adjacentWord(toks, i, +1) }

func adjacentWord(toks []arabic.Token, i, step int) int {
	for j := i + step; j >= 0 && j < len(toks); j += step {
		switch toks[j].Kind {
		case arabic.Word:
			return j
		case arabic.Space:
			if toks[j].Breaks > 0 {
				return -1
			}
		default:
			return -1
		}
	}
	return -1
}

// swapHamza writes the particle with إ or أ, keeping harakat and the
// attached pronoun.
func swapHamza(word string, want byte) string {
	if want == 'i' {
		return strings.Replace(word, "أ", "إ", 1)
	}
	return strings.Replace(word, "إ", "أ", 1)
}
