package entities

import (
	"strings"

	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/lint/arabic"
)

// KnowledgeClaim makes the rule entities/knowledge-claim.
func KnowledgeClaim() (*lint.Rule, error) {
	return newRule(lint.Rule{
		ID:       "entities/knowledge-claim",
		Kind:     lint.Code,
		Category: "entities",
		Level:    lint.Error,
		Summary:  "a capital or a leader given the wrong country (العاصمة الألمانية تيرانا، رئيس الوزراء الألماني إيدي راما)",
		Doc: lint.Doc{
			What: "Flags a statement that contradicts the gazetteer, the people data or the cities data: العاصمة followed by a " +
				"country's adjective and the capital of another country (العاصمة الألمانية تيرانا), a capital called the capital " +
				"of another country (تيرانا، عاصمة ألمانيا), a title with a country adjective followed by a public figure of " +
				"another country (رئيس الوزراء الألماني إيدي راما; rank words such as الجنرال or الدكتور may stand between), " +
				"a major city that is no capital called the capital (العاصمة المغربية الدار البيضاء), and a major city followed " +
				"by another country's adjective (إسطنبول الإيرانية). With a publication date (--date, the front matter, or a " +
				"dateline at the top), a title before a leader who had left that office by then (رئيس الوزراء الهولندي مارك " +
				"روته after 2 July 2024), unless السابق, آنذاك or a year of the term says the sentence looks back. An " +
				"adjective belongs to the noun before it: a و before the next title or name starts another phrase (الرئيس " +
				"المصري والأمير …), and a royal title, which a monarch keeps after abdicating, is not checked against the terms.",
			Why: "A wrong country beside a capital or a head of government is a factual error that readers notice at once; it " +
				"usually comes from a slip of one letter or from copy reused from another story.",
			Wrong: "وقال رئيس الوزراء الألماني إيدي راما إن الهجوم استهدف العاصمة الألمانية تيرانا.",
			Right: "وقال رئيس الوزراء الألباني إيدي راما إن الهجوم استهدف العاصمة الألبانية تيرانا.",
			Fix: "Unsafe: the fix writes the country the data gives, keeping the proclitic and the article, or adds السابق " +
				"after a title no longer held; a human must check which of the words is wrong. A city called the capital has " +
				"no fix.",
		},
	}, runClaims, nil)
}

func runClaims(p *lint.Pass, k *Knowledge) {
	ms := k.mentions(p)
	toks := p.Tokens
	for j := range ms {
		m := &ms[j]
		e := &k.entries[m.entry]
		// العاصمة الألمانية تيرانا
		if e.cue&cueCapital != 0 && m.definite(p) && j+2 < len(ms) {
			adj, city := &ms[j+1], &ms[j+2]
			if follows(toks, m.last, adj.first, false) && follows(toks, adj.last, city.first, false) && adj.definite(p) {
				k.capitalAdjective(p, adj, city)
			}
		}
		// تيرانا، عاصمة ألمانيا
		if j+2 < len(ms) && e.has(func(s sense) bool { return s.kind == KindCapital }) {
			c, name := &ms[j+1], &ms[j+2]
			if k.entries[c.entry].cue&cueCapital != 0 && c.prefix == "" && !c.definite(p) &&
				follows(toks, m.last, c.first, true) && follows(toks, c.last, name.first, false) {
				k.capitalName(p, m, name)
			}
		}
		// رئيس الوزراء الألماني إيدي راما
		if m.language || !m.definite(p) || !e.has(func(s sense) bool { return s.kind.adjective() }) {
			continue
		}
		// after a verb the name may be its object (استقبل الرئيس
		// الألماني إيدي راما: the president received Rama), unless a
		// comma sets it off or the verb is "to meet" and its object
		// comes after the name with ب (التقى رئيس الوزراء الألماني
		// إيدي راما بالسفراء: Rama is the one who met them)
		if title, verb := k.titled(p, ms, j); title {
			if n := k.personAfter(p, ms, j); n >= 0 && (!verb || commaAfter(toks, m.last) || metWith(toks, ms[j].first, ms[n].last)) {
				k.personAdjective(p, m, &ms[n])
			}
		}
	}
	k.cityClaims(p, ms)
	if p.Facts != nil && p.Facts.Dateline.Known() {
		k.terms(p, ms, dayOf(p.Facts.Dateline.Date))
	}
}

// commaAfter reports whether a comma follows token i (apposition:
// استقبل الرئيس الألماني، إيدي راما، …).
func commaAfter(toks []arabic.Token, i int) bool {
	for i++; i < len(toks) && toks[i].Kind == arabic.Space && toks[i].Breaks == 0; i++ {
	}
	return i < len(toks) && toks[i].Kind == arabic.Punct && (toks[i].Key == "،" || toks[i].Key == ",")
}

// sensesOf returns the countries of an entry's senses of one kind, and the
// first such sense.
func (k *Knowledge) sensesOf(m *mention, pred func(sense) bool) (countries []int, first sense) {
	for _, s := range k.entries[m.entry].senses {
		if pred(s) {
			if len(countries) == 0 {
				first = s
			}
			if !containsInt(countries, s.country) {
				countries = append(countries, s.country)
			}
		}
	}
	return countries, first
}

func overlaps(a, b []int) bool {
	for _, x := range a {
		if containsInt(b, x) {
			return true
		}
	}
	return false
}

// capitalAdjective checks العاصمة + feminine adjective + city.
func (k *Knowledge) capitalAdjective(p *lint.Pass, adj, city *mention) {
	as, _ := k.sensesOf(adj, func(s sense) bool { return s.kind == KindAdjF })
	cs, cap := k.sensesOf(city, func(s sense) bool { return s.kind == KindCapital })
	if len(as) == 0 || len(cs) == 0 || overlaps(as, cs) {
		return
	}
	right := &k.Countries[cs[0]]
	wrong := &k.Countries[as[0]]
	written := p.Text[adj.start:adj.end]
	cityText := right.Capitals[cap.form]
	// {4} and {5} the capital of the country written, {6} the fix
	key, otherName, otherCapital, fix := "capital-adjective", "", "", ""
	if len(wrong.Capitals) > 0 {
		key, otherName, otherCapital = key+"-other", wrong.Name(), wrong.Capitals[0]
	}
	d := lint.Diagnostic{Start: adj.start, End: adj.end}
	if len(right.AdjF) > 0 {
		fix = adj.replacement(p, adjForm(right.AdjF[0], KindAdjF, true))
		key += "-fix"
		d.Fixes = []lint.SuggestedFix{lint.Replace(adj.start, adj.end, fix, lint.Unsafe)}
	}
	d.Message = p.T(key, written, cityText, right.Name(), otherName, otherCapital, fix)
	p.Report(d)
}

// capitalName checks city، عاصمة + country name.
func (k *Knowledge) capitalName(p *lint.Pass, city, name *mention) {
	cs, cap := k.sensesOf(city, func(s sense) bool { return s.kind == KindCapital })
	ns, _ := k.sensesOf(name, func(s sense) bool { return s.kind == KindName })
	if len(cs) == 0 || len(ns) == 0 || overlaps(cs, ns) {
		return
	}
	right := &k.Countries[cs[0]]
	fix := name.replacement(p, right.Name())
	p.Report(lint.Diagnostic{
		Start: name.start, End: name.end,
		Message: p.T("capital-name", p.Text[name.start:name.end], right.Capitals[cap.form], right.Name(), k.Countries[ns[0]].Name(), fix),
		Fixes:   []lint.SuggestedFix{lint.Replace(name.start, name.end, fix, lint.Unsafe)},
	})
}

// personAdjective checks a country adjective followed by a person.
func (k *Knowledge) personAdjective(p *lint.Pass, adj, person *mention) {
	ps0, a0, as, ok := k.mismatch(adj, person)
	if !ok {
		return
	}
	who := &k.Persons[ps0.form]
	right := &k.Countries[who.Country]
	desc := right.Name()
	if who.Role != "" {
		desc = who.Role + "، " + desc
	}
	written := p.Text[adj.start:adj.end]
	d := lint.Diagnostic{Start: adj.start, End: adj.end}
	d.Message = p.T("person-adjective", written, who.Names[0], desc, right.Name(), k.Countries[as[0]].Name())
	list := right.AdjM
	if a0.kind == KindAdjF {
		list = right.AdjF
	}
	if len(list) > 0 {
		fix := adj.replacement(p, adjForm(list[0], a0.kind, true))
		d.Message = p.T("person-adjective-fix", written, who.Names[0], desc, right.Name(), k.Countries[as[0]].Name(), fix)
		d.Fixes = []lint.SuggestedFix{lint.Replace(adj.start, adj.end, fix, lint.Unsafe)}
	}
	p.Report(d)
}

// titled reports whether a title (رئيس، وزير، المستشار …) stands among
// the three words before the mention, with no punctuation or line break
// between; verb reports a transitive verb right before the title: in
// استقبل الرئيس الألماني إيدي راما the name may be the object.
func (k *Knowledge) titled(p *lint.Pass, ms []mention, j int) (title, verb bool) {
	toks := p.Tokens
	lo := ms[j].first
	for i, words := ms[j].first-1, 0; i >= 0 && words < 3; i-- {
		t := toks[i]
		if t.Kind == arabic.Space {
			if t.Breaks > 0 {
				break
			}
			continue
		}
		if t.Kind != arabic.Word {
			break
		}
		words++
		lo = i
	}
	for b := j - 1; b >= 0 && ms[b].last >= lo; b-- {
		if ms[b].first >= lo && k.entries[ms[b].entry].cue&cueTitle != 0 {
			for v := b - 1; v >= 0 && follows(toks, ms[v].last, ms[v+1].first, false); v-- {
				if k.entries[ms[v].entry].cue&cueVerb != 0 {
					return true, true
				}
				if k.entries[ms[v].entry].cue&cueTitle == 0 {
					break
				}
			}
			return true, false
		}
	}
	return false, false
}

// metWith reports whether a verb "to meet" stands among the four words
// before token adj (the title's adjective) and, after token last (the
// end of a name), ب introduces the people met (بالسفراء، بنظيره، بوفد):
// the name is then the subject's, not the object.
func metWith(toks []arabic.Token, adj, last int) bool {
	w := nextWord(toks, last)
	if w < 0 {
		return false
	}
	obj, ok := strings.CutPrefix(fold(toks[w]), "ب")
	if !ok || !metObjects[strings.TrimPrefix(obj, "ال")] {
		return false
	}
	for i, n := adj, 0; n < 4; n++ {
		if i = prevWord(toks, i); i < 0 {
			return false
		}
		key := fold(toks[i])
		key = strings.TrimPrefix(strings.TrimPrefix(key, "و"), "ف")
		if meetVerbs[key] {
			return true
		}
	}
	return false
}

var meetVerbs = wordSet("التقى", "التقت", "يلتقي", "تلتقي", "سيلتقي", "ستلتقي", "اجتمع", "اجتمعت", "يجتمع", "تجتمع")

// metObjects are the people a meeting is with, after ب and the article.
var metObjects = wordSet("سفراء", "سفير", "سفيرة", "نظيره", "نظيرته", "نظيرها", "نظيرهم", "وفد", "وفدا", "أعضاء", "ممثلي",
	"ممثلين", "قادة", "زعماء", "مسؤولي", "مسؤولين", "رؤساء", "وزراء", "وزير", "وزيرة", "رئيس", "رئيسة", "أمين",
	"مبعوث", "المبعوث", "ممثل", "قائد", "عدد", "مجموعة", "الجالية", "جالية", "نواب", "أهالي", "رجال", "ممثلة")

// contradicted reports whether mention j is a country adjective that the
// person after it contradicts (رئيس الوزراء الألماني إيدي راما): a slip,
// which is no evidence that the article concerns that country.
func (k *Knowledge) contradicted(p *lint.Pass, ms []mention, j int) bool {
	m := &ms[j]
	e := &k.entries[m.entry]
	if m.language || !m.definite(p) || !e.has(func(s sense) bool { return s.kind.adjective() }) {
		return false
	}
	n := k.personAfter(p, ms, j)
	if n < 0 {
		return false
	}
	_, _, _, ok := k.mismatch(m, &ms[n])
	return ok
}

// mismatch reports whether a country adjective and the person after it
// name no country in common; it returns the first person and adjective
// senses and the adjective's countries.
func (k *Knowledge) mismatch(adj, person *mention) (who, a0 sense, as []int, ok bool) {
	ps, who := k.sensesOf(person, func(s sense) bool { return s.kind == KindPerson })
	as, a0 = k.sensesOf(adj, func(s sense) bool { return s.kind.adjective() })
	return who, a0, as, len(ps) > 0 && len(as) > 0 && !overlaps(ps, as)
}
