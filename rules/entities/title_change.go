package entities

import (
	"strconv"
	"strings"

	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/lint/arabic"
)

// TitleChange makes the rule entities/title-change.
func TitleChange() (*lint.Rule, error) {
	return newRule(lint.Rule{
		ID:       "entities/title-change",
		Kind:     lint.Code,
		Category: "entities",
		Level:    lint.Warning,
		Summary:  "one person given two offices in one article (الرئيس أردوغان … رئيس الوزراء أردوغان)",
		Doc: lint.Doc{
			What: "Reads the office written before a person of the people data: the president or head of state (الرئيس، " +
				"رئيس الجمهورية، العاهل), the head of government (رئيس الوزراء، رئيس الحكومة، المستشار), the foreign minister, " +
				"the secretary-general of the UN or of the Arab League, with or without a country adjective; الرئيس alone only with a country adjective (الرئيس التركي), for the press gives it to heads of government and of parliament too (الرئيس تمام سلام). Flags an office " +
				"that differs from the one the article gives the person most often (on a tie, the first). Silent when the " +
				"title is marked as former (السابق، الأسبق، آنذاك، في عهد), follows كان, or the sentence names a past year, and for a " +
				"person whose change of office the article tells (انتُخب، عُيّن، أصبح، تولى، خلفا لـ).",
			Why: "A person who is president in one paragraph and prime minister in the next is a slip that copy from an " +
				"older story brings in; the reader cannot tell which is current.",
			Wrong: "وقال الرئيس التركي رجب طيب أردوغان إن بلاده ستدعم الاتفاق. وأضاف رئيس الوزراء أردوغان أن الحوار ضروري.",
			Right: "وقال الرئيس التركي رجب طيب أردوغان إن بلاده ستدعم الاتفاق. وأضاف الرئيس أردوغان أن الحوار ضروري.",
		},
	}, runTitleChange, nil)
}

// changeWords tell that a person's office changed (انتُخب رئيسا).
var changeWords = wordSet("انتخب", "انتخبت", "انتخابه", "انتخابها", "عين", "عينت", "تعيينه", "تعيينها", "أصبح",
	"أصبحت", "صار", "صارت", "تولى", "تولت", "توليه", "توليها", "خلفا", "خلف", "خلفه", "خلفها", "منصبه", "منصبها",
	"المنصب", "اليمين", "فاز", "فازت", "فوزه", "فوزها", "رشح", "ترشح", "ترشيحه", "ترشيحها", "استقال", "استقالت",
	"استقالته", "استقالتها", "عهد", "قبل", "حينما", "ليصبح", "لتصبح")

var pastVerbs = wordSet("كان", "وكان", "كانت", "وكانت", "فكان")

// toks2tok returns the index of the token starting at byte offset off.
func toks2tok(toks []arabic.Token, off int) int {
	lo, hi := 0, len(toks)
	for lo < hi {
		mid := (lo + hi) / 2
		if toks[mid].Start < off {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo
}

// officeUse is one office written before a person.
type officeUse struct {
	person     int
	office     Office
	start, end int // the title as written
	mention    int
}

func runTitleChange(p *lint.Pass, k *Knowledge) {
	ms := k.mentions(p)
	toks := p.Tokens
	var uses []officeUse
	for n := range ms {
		m := &ms[n]
		who := k.person(m)
		if who < 0 {
			continue
		}
		t, former, ok := k.titleBefore(p, ms, n)
		if !ok {
			t, former, ok = k.bareTitle(p, ms, n)
		}
		if !ok || former || t.countries != nil && !containsInt(t.countries, k.Persons[who].Country) {
			continue
		}
		if k.pastSentence(toks, m, 9999) || k.changeSentence(toks, m) {
			continue
		}
		// وكان رئيس الوزراء أردوغان قد …: a time past
		if w := prevWord(toks, toks2tok(toks, t.start)); w >= 0 && pastVerbs[fold(toks[w])] {
			continue
		}
		end := toks[prevWord(toks, m.first)].End
		uses = append(uses, officeUse{person: who, office: t.office, start: t.start, end: end, mention: n})
	}
	if len(uses) < 2 {
		return
	}
	for i := range uses {
		u := &uses[i]
		// the office the article gives most often; the first on a tie
		best, bestN := -1, 0
		for j := range uses {
			if uses[j].person != u.person {
				continue
			}
			c := 0
			for l := range uses {
				if uses[l].person == u.person && uses[l].office == uses[j].office {
					c++
				}
			}
			if c > bestN {
				best, bestN = j, c
			}
		}
		ref := &uses[best]
		if ref.office == u.office || k.changeTold(p, ms, u.person) {
			continue
		}
		written := strings.TrimSpace(p.Text[u.start:u.end])
		p.Report(lint.Diagnostic{
			Start: u.start, End: u.end,
			Message: p.T("changed", written, k.Persons[u.person].Names[0], strings.TrimSpace(p.Text[ref.start:ref.end]),
				strconv.Itoa(p.Doc.Pos(ref.start).Line)),
		})
	}
}

// changeSentence reports whether the sentence of a mention tells a change
// of office or a time past (في عهد، كان).
func (k *Knowledge) changeSentence(toks []arabic.Token, m *mention) bool {
	lo, hi := sentence(toks, m.first, m.last)
	for i := lo; i <= hi; i++ {
		if toks[i].Kind != arabic.Word {
			continue
		}
		w := fold(toks[i])
		if changeWords[w] {
			return true
		}
		if rest, ok := conj(w, changeWords); ok && rest != "" {
			return true
		}
		if rest, ok := strings.CutPrefix(w, "ل"); ok && changeWords[rest] {
			return true
		}
	}
	return false
}

// changeTold reports whether any sentence naming the person tells a
// change of office.
func (k *Knowledge) changeTold(p *lint.Pass, ms []mention, person int) bool {
	for n := range ms {
		for _, s := range k.entries[ms[n].entry].senses {
			if s.kind == KindPerson && s.form == person && k.changeSentence(p.Tokens, &ms[n]) {
				return true
			}
		}
	}
	return false
}

// bareTitle reads a title with no country before a person: رئيس
// الوزراء روته، وزير الخارجية لافروف، المستشار شولتس. الرئيس alone is
// not read: the press gives it to heads of government and of parliament
// too (الرئيس تمام سلام، الرئيس بري).
func (k *Knowledge) bareTitle(p *lint.Pass, ms []mention, n int) (t title, former, ok bool) {
	toks := p.Tokens
	key := func(i int) string { return foldAt(toks, i) }
	i, former := titleEnd(toks, ms[n].first, func(w string) bool { return w == "المستشار" || w == "المستشارة" })
	if i < 0 {
		return t, former, false
	}
	w, head := key(i), i
	prev := bare(key(prevWord(toks, i)))
	switch b := bare(w); {
	case w == "الوزراء" || w == "الحكومة":
		if prev == "رئيس" || prev == "رئيسة" {
			t.office, head = HeadOfGovernment, prevWord(toks, i)
		}
	case w == "الخارجية":
		if prev == "وزير" || prev == "وزيرة" {
			t.office, head = ForeignMinister, prevWord(toks, i)
		}
	case w == "الجمهورية":
		if prev == "رئيس" || prev == "رئيسة" {
			t.office, head = HeadOfState, prevWord(toks, i)
		}
	case b == "المستشار" || b == "المستشارة":
		t.office = HeadOfGovernment
	}
	if t.office == NoOffice {
		return t, former, false
	}
	t.start = toks[head].Start
	return t, former, !blockers[bare(key(prevWord(toks, head)))]
}
