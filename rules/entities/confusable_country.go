package entities

import (
	"strings"

	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/lint/arabic"
	"github.com/daqiq/daqiq/lint/i18n"
)

// ConfusableCountry makes the rule entities/confusable-country.
func ConfusableCountry() (*lint.Rule, error) {
	return newRule(lint.Rule{
		ID:       "entities/confusable-country",
		Kind:     lint.Code,
		Category: "entities",
		Level:    lint.Warning,
		Summary:  "a country one letter or one dot away from the article's subject (ألمانيا for ألبانيا, هولندا for بولندا)",
		Doc: lint.Doc{
			What: "Flags the name or adjective of a country that differs by one letter, or only by its dots, from another country's " +
				"(ألمانيا/ألبانيا، هولندا/بولندا، غينيا/كينيا، كوريا/سوريا، غامبيا/زامبيا، أيرلندا/آيسلندا and their adjectives) " +
				"when the article is clearly about the other country (three mentions or more: its name, adjectives, capital, " +
				"people or leaders) and says nothing else about the one written. The pairs come from the gazetteer, not from a list. " +
				"Left alone: a country named twice; one in a list (ألمانيا وفرنسا، رومانيا.. الدنمرك، or a sentence naming two " +
				"other countries); a name set against the subject's name in the same sentence (فاز منتخب إسبانيا على ألبانيا), " +
				"or an adjective against its adjective (the subject's adjective does not excuse a name: الحكومة الألبانية … في " +
				"ألمانيا is flagged); an adjective after a proper name, whose nationality it gives (فيسلا كراكوف البولندي), or " +
				"after a given name, as a surname (جان لوك كيني); a place followed by a year (أقيمت في هولندا عام 2011); and an " +
				"adjective after اللغة.",
			Why: "Both words are real, so spell checkers pass them, and a reader who sees the wrong country in a story about " +
				"another doubts the whole report.",
			Wrong: "أعلنت الحكومة الألبانية قطع علاقاتها مع طهران. وقال رئيس الوزراء إيدي راما إن الهجوم استهدف مواقع في تيرانا وهدد الخدمات العامة في ألمانيا.",
			Right: "أعلنت الحكومة الألبانية قطع علاقاتها مع طهران. وقال رئيس الوزراء إيدي راما إن الهجوم استهدف مواقع في تيرانا وهدد الخدمات العامة في ألبانيا.",
			Fix: "Unsafe: the fix writes the subject's name (or its adjective of the same gender) keeping the proclitic and the " +
				"article as written, but a human must confirm that the other country was not really meant.",
		},
	}, runConfusable, nil)
}

func runConfusable(p *lint.Pass, k *Knowledge) {
	ms := k.mentions(p)
	var sup map[int]*support
	for j := range ms {
		m := &ms[j]
		e := &k.entries[m.entry]
		if len(e.targets) == 0 || m.language {
			continue
		}
		if sup == nil {
			sup = k.tally(p, ms)
		}
		xs := e.countries()
		alone := true
		for _, x := range xs {
			if s := sup[x]; s != nil && s.total > 1 {
				alone = false
			}
		}
		if !alone || k.coordinated(p, ms, j, xs) {
			continue
		}
		want := k.reading(p, m)
		if want.adjective() {
			// an adjective belongs to the noun before it: a proper name
			// (ليخ بوزنان البولندي، ماري بول كيني) is not the country
			if m.definite(p) && k.properBefore(p, ms, j) || !m.definite(p) && !indefiniteOwner(p, m) || m.definite(p) && afterOccupation(p, m) {
				continue
			}
		}
		if k.listed(p, ms, j, xs) || yearAfter(p.Tokens, m.last) || bracketed(p.Tokens, m) {
			continue
		}
		best, bestN, tie := -1, 0, false
		for ti, t := range e.targets {
			if t.kind != want || containsInt(xs, t.country) {
				continue
			}
			s := sup[t.country]
			if s == nil || s.total < 3 || s.strong == 0 {
				continue
			}
			switch {
			case s.total > bestN:
				best, bestN, tie = ti, s.total, false
			case s.total == bestN && e.targets[best].country != t.country:
				tie = true
			}
		}
		if best < 0 || tie {
			continue
		}
		t := e.targets[best]
		if k.contrasted(p, ms, j, want, t.country) {
			continue // إسبانيا تفوز على ألبانيا: both named on purpose
		}
		y := &k.Countries[t.country]
		written := p.Text[m.start:m.end]
		fix := m.replacement(p, adjForm(t.text, t.kind, m.definite(p)))
		var about []string
		about = append(about, i18n.Plural(p.Lang(), p.Rule.ID, "mentions", sup[t.country].total))
		if c := sup[t.country].capital; c != "" {
			about = append(about, p.T("its-capital", c))
		}
		ps := sup[t.country].persons
		if len(ps) > 2 {
			ps = ps[:2]
		}
		about = append(about, ps...)
		p.Report(lint.Diagnostic{
			Start: m.start, End: m.end,
			Message: p.T("slip", written, fix, y.Name(), strings.Join(about, comma(p)), k.Countries[xs[0]].Name()),
			Fixes:   []lint.SuggestedFix{lint.Replace(m.start, m.end, fix, lint.Unsafe)},
		})
	}
}

// reading is how a mention is used: as a name, or as an adjective of its
// gender. A form that is both (سورية، تشيلي) reads as an adjective after
// the article.
func (k *Knowledge) reading(p *lint.Pass, m *mention) Kind {
	var name, masc, fem bool
	for _, s := range k.entries[m.entry].senses {
		switch s.kind {
		case KindName:
			name = true
		case KindAdjM:
			masc = true
		case KindAdjF:
			fem = true
		}
	}
	byPrefix := m.article || strings.HasSuffix(m.prefix, "ال") || strings.HasSuffix(m.prefix, "لل")
	switch {
	case name && !(byPrefix && (masc || fem)):
		return KindName
	case fem:
		return KindAdjF
	case masc:
		return KindAdjM
	}
	return KindName
}

// coordinated reports whether the mention stands next to a mention of
// another country (ألمانيا وفرنسا، ألمانيا، فرنسا، رومانيا.. الدنمرك): a
// list the writer made on purpose.
func (k *Knowledge) coordinated(p *lint.Pass, ms []mention, j int, xs []int) bool {
	other := func(n *mention) bool {
		if n.language {
			return false
		}
		for _, s := range k.entries[n.entry].senses {
			if !containsInt(xs, s.country) && (s.kind == KindName || s.kind.adjective() || s.kind == KindCapital) {
				return true
			}
		}
		return false
	}
	if j > 0 && listSep(p.Tokens, ms[j-1].last, ms[j].first) && other(&ms[j-1]) {
		return true
	}
	return j+1 < len(ms) && listSep(p.Tokens, ms[j].last, ms[j+1].first) && other(&ms[j+1])
}

// listSep reports whether tokens a and b are neighbours in a list: only
// whitespace without a line break, commas, dots, dashes or slashes
// between them.
func listSep(toks []arabic.Token, a, b int) bool {
	if b <= a || b-a > 6 {
		return false
	}
	for i := a + 1; i < b; i++ {
		t := toks[i]
		switch {
		case t.Kind == arabic.Space && t.Breaks == 0:
		case t.Kind == arabic.Punct:
			switch t.Key {
			case "،", ",", ".", "…", "-", "–", "—", "/", "|", "+":
			default:
				return false
			}
		default:
			return false
		}
	}
	return true
}

// listed reports whether the mention is one of a list: next to another
// country, or in a sentence that names two countries or more besides it
// and the subjects it could be a slip for.
func (k *Knowledge) listed(p *lint.Pass, ms []mention, j int, xs []int) bool {
	if k.coordinated(p, ms, j, xs) {
		return true
	}
	lo, hi := sentence(p.Tokens, ms[j].first, ms[j].last)
	var others []int
	for i := range ms {
		n := &ms[i]
		if i == j || n.last < lo || n.first > hi || n.language {
			continue
		}
		for _, s := range k.entries[n.entry].senses {
			if (s.kind == KindName || s.kind.adjective()) && !containsInt(xs, s.country) && !containsInt(others, s.country) &&
				!k.isTarget(&k.entries[ms[j].entry], s.country) {
				others = append(others, s.country)
			}
		}
	}
	return len(others) >= 2
}

func (k *Knowledge) isTarget(e *entry, c int) bool {
	for _, t := range e.targets {
		if t.country == c {
			return true
		}
	}
	return false
}

// yearAfter reports whether a year follows the mention within three words
// (أقيمت في هولندا عام 2011): a dated event the writer places there on
// purpose.
func yearAfter(toks []arabic.Token, last int) bool {
	i := last
	for n := 0; n < 3; n++ {
		if i = nextWord(toks, i); i < 0 {
			return false
		}
		if t := toks[i]; t.Kind == arabic.Number {
			return len(t.Key) == 4 && t.Key >= "1900" && t.Key <= "2100"
		}
	}
	return false
}

// contrasted reports whether the sentence of mention j sets country c
// beside it on purpose: a name beside a name (فاز منتخب إسبانيا على
// ألبانيا), an adjective beside an adjective (المنتخب الإسباني ونظيره
// الألباني). A name beside an adjective of c only (الحكومة الألبانية خصصت
// … في ألمانيا) and an adjective followed by a person of c (رئيس الوزراء
// الألماني إيدي راما) are slips whatever the sentence says.
func (k *Knowledge) contrasted(p *lint.Pass, ms []mention, j int, want Kind, c int) bool {
	if want.adjective() {
		if n := k.personAfter(p, ms, j); n >= 0 {
			if cs, _ := k.sensesOf(&ms[n], func(s sense) bool { return s.kind == KindPerson }); containsInt(cs, c) {
				return false
			}
		}
	}
	lo, hi := sentence(p.Tokens, ms[j].first, ms[j].last)
	for i := range ms {
		n := &ms[i]
		if i == j || n.last < lo || n.first > hi || n.language {
			continue
		}
		for _, s := range k.entries[n.entry].senses {
			if s.country == c && (want == KindName && s.kind == KindName || want.adjective() && s.kind.adjective()) {
				return true
			}
		}
	}
	return false
}

// adjForm writes an adjective of several words for a definite mention: a
// nisba agrees word by word (الكوري الشمالي), a compound keeps one article
// (الجنوب أفريقي). Other forms are returned as they are.
func adjForm(form string, kind Kind, definite bool) string {
	words := strings.Fields(form)
	if !definite || !kind.adjective() || len(words) < 2 {
		return form
	}
	if first := words[0]; !strings.HasSuffix(first, "ي") && !strings.HasSuffix(first, "ة") {
		return form
	}
	for i := 1; i < len(words); i++ {
		words[i] = "ال" + words[i]
	}
	return strings.Join(words, " ")
}

// bracketed reports whether a mention stands alone in brackets: a label
// after a name, as in a results table (توسكر (كينيا) 1 : 1 …), not prose.
func bracketed(toks []arabic.Token, m *mention) bool {
	i, j := m.first-1, m.last+1
	for i >= 0 && toks[i].Kind == arabic.Space && toks[i].Breaks == 0 {
		i--
	}
	for j < len(toks) && toks[j].Kind == arabic.Space && toks[j].Breaks == 0 {
		j++
	}
	return i >= 0 && j < len(toks) && toks[i].Kind == arabic.Punct && toks[i].Key == "(" && toks[j].Kind == arabic.Punct && toks[j].Key == ")"
}

// comma separates the items of a list in the pass's language.
func comma(p *lint.Pass) string {
	if p.Lang() == i18n.En {
		return ", "
	}
	return "، "
}
