package entities

import (
	"fmt"
	"strings"

	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/lint/arabic"
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
				"A country named twice, next to another country (ألمانيا وفرنسا) or in the same sentence as the subject's name " +
				"(فاز منتخب إسبانيا على ألبانيا), and an adjective after اللغة, are left alone.",
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
		if k.namedInSentence(p, ms, j, t.country) {
			continue // إسبانيا تفوز على ألبانيا: both named on purpose
		}
		y := &k.Countries[t.country]
		written := p.Text[m.start:m.end]
		fix := m.replacement(p, adjForm(t.text, t.kind, m.definite(p)))
		var about []string
		about = append(about, fmt.Sprintf("%d mentions", sup[t.country].total))
		if c := sup[t.country].capital; c != "" {
			about = append(about, "its capital "+c)
		}
		ps := sup[t.country].persons
		if len(ps) > 2 {
			ps = ps[:2]
		}
		about = append(about, ps...)
		p.Report(lint.Diagnostic{
			Start: m.start, End: m.end,
			Message: fmt.Sprintf("%s here looks like a slip for %s: the article is about %s (%s) and nothing else in it concerns %s",
				q(written), q(fix), y.Name(), strings.Join(about, ", "), k.Countries[xs[0]].Name()),
			Fixes: []lint.SuggestedFix{lint.Replace(m.start, m.end, fix, lint.Unsafe)},
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
// another country (ألمانيا وفرنسا، ألمانيا، فرنسا): a list the writer made
// on purpose.
func (k *Knowledge) coordinated(p *lint.Pass, ms []mention, j int, xs []int) bool {
	other := func(n *mention) bool {
		if n.language {
			return false
		}
		for _, c := range k.entries[n.entry].countries() {
			if !containsInt(xs, c) {
				return true
			}
		}
		return false
	}
	if j > 0 && follows(p.Tokens, ms[j-1].last, ms[j].first, true) && other(&ms[j-1]) {
		return true
	}
	return j+1 < len(ms) && follows(p.Tokens, ms[j].last, ms[j+1].first, true) && other(&ms[j+1])
}

// namedInSentence reports whether the sentence of mention j also names
// country c or uses its adjective: the writer set the two side by side.
func (k *Knowledge) namedInSentence(p *lint.Pass, ms []mention, j, c int) bool {
	toks := p.Tokens
	end := func(t arabic.Token) bool {
		switch {
		case t.Kind == arabic.Space:
			return t.Breaks > 0
		case t.Kind == arabic.Punct:
			switch t.Key {
			case ".", "؟", "?", "!", "؛", ";":
				return true
			}
		}
		return false
	}
	lo, hi := ms[j].first, ms[j].last
	for lo > 0 && !end(toks[lo-1]) {
		lo--
	}
	for hi+1 < len(toks) && !end(toks[hi+1]) {
		hi++
	}
	for i := range ms {
		n := &ms[i]
		if i == j || n.last < lo || n.first > hi || n.language {
			continue
		}
		for _, s := range k.entries[n.entry].senses {
			if s.country == c && (s.kind == KindName || s.kind.adjective()) {
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
