package entities

import (
	"strings"
	"unicode/utf8"

	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/lint/arabic"
)

// The city claims of knowledge-claim (data/cities.toml): a city that is no
// capital called the capital (العاصمة المغربية الدار البيضاء), a major
// city given another country's adjective (مومباسا النيجيرية).

// cityWords may stand before a city name that is also an ordinary word.
var cityWords = wordSet("مدينة", "المدينة", "العاصمة", "عاصمة", "بمدينة", "لمدينة", "ومدينة", "بالعاصمة",
	"للعاصمة", "والعاصمة", "مدينتي", "ميناء", "بلدة")

// beforeCity are the words after which a city and the adjective that
// follows it are one phrase: a preposition or a place noun. After another
// noun (جامعة القاهرة الأمريكية) the adjective may belong to that noun.
var beforeCity = wordSet("في", "إلى", "من", "عن", "على", "نحو", "حتى", "قرب", "بين", "داخل", "خارج", "وفي",
	"ومن", "وإلى", "مدينة", "المدينة", "بمدينة", "لمدينة", "ومدينة", "ميناء", "بميناء", "بلدة", "منطقة", "ضواحي",
	"شوارع", "سكان", "أهالي", "محافظة", "ولاية", "إقليم", "مقاطعة", "شمال", "جنوب", "شرق", "غرب", "وسط")

// city returns the country of an unambiguous city mention: every sense a
// city of one country; a name that is also an ordinary word only after
// مدينة or العاصمة.
func (k *Knowledge) city(p *lint.Pass, m *mention) (int, bool) {
	c, common := -1, false
	for _, s := range k.entries[m.entry].senses {
		if s.kind != KindCity || c >= 0 && s.country != c {
			return -1, false
		}
		c = s.country
		common = common || k.Cities[s.form].Common
	}
	if c < 0 {
		return -1, false
	}
	if common && !k.afterCityWord(p, m) || !cityClitic(p, m) {
		return -1, false
	}
	return c, true
}

// cityClitic reports whether a city may carry the mention's proclitic:
// none, or و ف ب on a name of four letters or more (لغات is languages,
// not ل + غات).
func cityClitic(p *lint.Pass, m *mention) bool {
	if m.prefix == "" {
		return true
	}
	if strings.ContainsAny(m.prefix, "لك") {
		return false
	}
	return utf8.RuneCountInString(arabic.Key(p.Text[m.stem:m.end])) >= 4
}

// historic adjectives are also those of an empire or a people of the past:
// جرش الرومانية is a Roman city, not a Romanian one.
var historic = wordSet("روماني", "رومانية", "يوناني", "يونانية", "فارسي", "فارسية")

// historicAdj reports whether an adjective mention may name a past empire.
func historicAdj(p *lint.Pass, m *mention) bool {
	w := fold(p.Tokens[m.first])
	for _, pre := range []string{"وال", "فال", "بال", "ال", "لل", ""} {
		if rest, ok := strings.CutPrefix(w, pre); ok && historic[rest] {
			return true
		}
	}
	return false
}

// afterCityWord reports whether مدينة or العاصمة stands right before the
// mention, or two words before with a country adjective between.
func (k *Knowledge) afterCityWord(p *lint.Pass, m *mention) bool {
	i := prevWord(p.Tokens, m.first)
	if i < 0 {
		return false
	}
	if cityWords[fold(p.Tokens[i])] {
		return true
	}
	i = prevWord(p.Tokens, i)
	return i >= 0 && cityWords[fold(p.Tokens[i])]
}

func (k *Knowledge) cityClaims(p *lint.Pass, ms []mention) {
	toks := p.Tokens
	for j := range ms {
		m := &ms[j]
		// العاصمة المغربية الدار البيضاء
		if k.entries[m.entry].cue&cueCapital != 0 && m.definite(p) && j+2 < len(ms) {
			adj, city := &ms[j+1], &ms[j+2]
			if follows(toks, m.last, adj.first, false) && follows(toks, adj.last, city.first, false) &&
				adj.definite(p) && !adj.language && !city.conjoined() {
				k.capitalCity(p, adj, city)
			}
		}
		// مومباسا النيجيرية
		if j+1 < len(ms) {
			adj := &ms[j+1]
			if follows(toks, m.last, adj.first, false) && adj.definite(p) && !adj.language && !adj.conjoined() {
				k.cityAdjective(p, m, adj)
			}
		}
	}
}

// capitalCity checks العاصمة + adjective + a city that is not a capital.
func (k *Knowledge) capitalCity(p *lint.Pass, adj, city *mention) {
	as, _ := k.sensesOf(adj, func(s sense) bool { return s.kind.adjective() })
	x, ok := k.city(p, city)
	if len(as) != 1 || !ok || len(k.Countries[as[0]].Capitals) == 0 || historicAdj(p, adj) {
		return
	}
	cy := p.Text[city.start:city.end]
	y := &k.Countries[as[0]]
	msg := p.T("not-capital", cy, y.Name(), y.Capitals[0])
	if x != as[0] {
		msg = p.T("city-not-capital", cy, k.Countries[x].Name(), y.Name(), y.Capitals[0])
	}
	p.Report(lint.Diagnostic{Start: city.start, End: city.end, Message: msg})
}

// cityAdjective checks a city followed by the adjective of another country.
func (k *Knowledge) cityAdjective(p *lint.Pass, city, adj *mention) {
	x, ok := k.city(p, city)
	if !ok {
		return
	}
	as, a0 := k.sensesOf(adj, func(s sense) bool { return s.kind.adjective() })
	if len(as) == 0 || containsInt(as, x) || historicAdj(p, adj) {
		return
	}
	// the city heads the phrase: after a preposition or a place noun, with
	// a proclitic (بمومباسا), or at the start of a clause
	if city.prefix == "" {
		if i := prevWord(p.Tokens, city.first); i >= 0 && !beforeCity[fold(p.Tokens[i])] {
			return
		}
	}
	right := &k.Countries[x]
	cy := p.Text[city.start:city.end]
	d := lint.Diagnostic{Start: adj.start, End: adj.end,
		Message: p.T("city-adjective", p.Text[adj.start:adj.end], cy, right.Name())}
	list := right.AdjM
	if a0.kind == KindAdjF {
		list = right.AdjF
	}
	if len(list) > 0 {
		fix := adj.replacement(p, adjForm(list[0], a0.kind, true))
		d.Message = p.T("city-adjective-fix", p.Text[adj.start:adj.end], cy, right.Name(), fix)
		d.Fixes = []lint.SuggestedFix{lint.Replace(adj.start, adj.end, fix, lint.Unsafe)}
	}
	p.Report(d)
}
