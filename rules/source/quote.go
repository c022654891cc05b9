package source

import (
	"strings"

	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/lint/arabic"
)

// Quote makes the rule source/quote.
func Quote() (*lint.Rule, error) {
	return newRule(lint.Rule{
		ID:      "source/quote",
		Summary: "a quotation that is not the wire's word for word, or that the wire gives to someone else",
		Doc: lint.Doc{
			What:   "With a wire copy (check --source), finds the wire quotation that shares most words with each quotation of the article («…», “…”, \"…\", three words or more) and flags the article's when its words are not the wire's in the same order, hamza seats, ى/ي, ة/ه, harakat and punctuation aside; an ellipsis (… or ...) may stand for words left out. A quotation that shares few words with every wire quotation (a title, a slogan, a quotation from elsewhere) is not compared. Also flags a quotation given to another speaker: the names after قال, أضاف, أكد and the other verbs of speech, before or after the quotation, share nothing with the wire's.",
			Why:    "Quotation marks promise the speaker's own words: a word changed inside them, or the words put in another mouth, is a misquotation.",
			Wrong:  "وقال راما إن «القرار المعتدل يتناسب تماما مع خطورة الهجوم».",
			Right:  "وقال راما إن «القرار المتطرف يتناسب تماما مع خطورة الهجوم».",
			Source: "وقال رئيس الوزراء إيدي راما إن «القرار المتطرف يتناسب تماما مع خطورة الهجوم».",
		},
	}, runQuote)
}

// quotation is a quotation of a text: its inner tokens.
type quotation struct {
	open, close int // the marks' tokens
	words       []int
}

// quotations returns the quotations of a text: «…» and “…” (nested ones
// belong to the outer), and "…" paired on one line.
func quotations(t *text) []quotation {
	var out []quotation
	depth, open, straight := 0, -1, -1
	for i := range t.toks {
		tk := &t.toks[i]
		if tk.Kind == arabic.Space && tk.Breaks > 0 {
			depth, open, straight = 0, -1, -1
			continue
		}
		if tk.Kind != arabic.Punct {
			continue
		}
		switch tk.Key {
		case "«", "“":
			if depth == 0 {
				open = i
			}
			depth++
		case "»", "”":
			if depth == 1 && open >= 0 {
				out = append(out, quotation{open: open, close: i})
			}
			depth = max(0, depth-1)
		case "\"":
			if depth > 0 {
				continue
			}
			if straight < 0 {
				straight = i
			} else {
				out = append(out, quotation{open: straight, close: i})
				straight = -1
			}
		}
	}
	for q := range out {
		for k := out[q].open + 1; k < out[q].close; k++ {
			if t.hash[k] != 0 || t.toks[k].Kind == arabic.Number || ellipsisAt(t, k) {
				out[q].words = append(out[q].words, k)
			}
		}
	}
	return out
}

// ellipsisAt: … or the first of ... (words left out).
func ellipsisAt(t *text, k int) bool {
	tk := &t.toks[k]
	if tk.Kind != arabic.Punct {
		return false
	}
	if tk.Key == "…" {
		return true
	}
	return tk.Key == "." && k+2 < len(t.toks) && t.toks[k+1].Key == "." && t.toks[k+2].Key == "." && (k == 0 || t.toks[k-1].Key != ".")
}

// fullHash hashes a word as quoted: every letter, proclitics included,
// folded; a number by its value.
func fullHash(t *text, k int) uint64 {
	tk := &t.toks[k]
	if ellipsisAt(t, k) {
		return 1
	}
	h := uint64(14695981039346656037)
	for _, r := range tk.Key {
		h ^= uint64(fold(r))
		h *= 1099511628211
	}
	return h | 2
}

func runQuote(p *lint.Pass, c *compared) {
	aq, wq := quotations(c.art), quotations(c.wire)
	if len(aq) == 0 || len(wq) == 0 {
		return
	}
	index := map[uint64][]int32{}
	for i, q := range wq {
		for _, k := range q.words {
			if h := c.wire.hash[k]; h != 0 {
				if l := index[h]; len(l) == 0 || l[len(l)-1] != int32(i) {
					index[h] = append(l, int32(i))
				}
			}
		}
	}
	score := make([]int, len(wq))
	seen := map[uint64]bool{}
	var touched []int32
	for _, q := range aq {
		n := 0
		clear(seen)
		touched = touched[:0]
		for _, k := range q.words {
			h := c.art.hash[k]
			if h == 0 || seen[h] {
				continue
			}
			seen[h] = true
			n++
			for _, w := range index[h] {
				if score[w] == 0 {
					touched = append(touched, w)
				}
				score[w]++
			}
		}
		best, bestScore := -1, 0
		for _, w := range touched {
			if score[w] > bestScore || score[w] == bestScore && int(w) < best {
				best, bestScore = int(w), score[w]
			}
		}
		matched := -1
		for _, w := range touched {
			if 2*score[w] >= n && verbatim(c, q, wq[w]) {
				matched = int(w)
			}
			score[w] = 0
		}
		if n < 3 || best < 0 || 2*bestScore < n || bestScore < 2 {
			continue
		}
		start, end := c.art.toks[q.open].Start, c.art.toks[q.close].End
		if matched < 0 {
			w := wq[best]
			p.Report(lint.Diagnostic{Start: start, End: end,
				Message: p.T("changed", c.where(c.wire.toks[w.open].Start), excerpt(c.wire.src[c.wire.toks[w.open].End:c.wire.toks[w.close].Start]))})
			continue
		}
		w := wq[matched]
		as, ws := speaker(c.art, q), speaker(c.wire, w)
		if len(as) == 0 || len(ws) == 0 || !nameIn(c.art, as) || !nameIn(c.wire, ws) {
			continue
		}
		shared := false
		for _, k := range as {
			for _, j := range ws {
				shared = shared || c.art.hash[k] == c.wire.hash[j]
			}
		}
		if !shared {
			p.Report(lint.Diagnostic{Start: start, End: end,
				Message: p.T("speaker", c.where(c.wire.toks[w.open].Start), words(c.wire, ws), words(c.art, as))})
		}
	}
}

// verbatim reports whether the article's quotation is the wire's word for
// word, or a part of it, an ellipsis standing for words left out.
func verbatim(c *compared, a, w quotation) bool {
	pos := 0
	i := 0
	for i < len(a.words) {
		if ellipsisAt(c.art, a.words[i]) {
			i++
			continue
		}
		// the run of words up to the next ellipsis
		j := i
		for j < len(a.words) && !ellipsisAt(c.art, a.words[j]) {
			j++
		}
		found := false
		for s := pos; s+(j-i) <= len(w.words); s++ {
			ok := true
			for x := 0; x < j-i; x++ {
				if fullHash(c.art, a.words[i+x]) != fullHash(c.wire, w.words[s+x]) {
					ok = false
					break
				}
			}
			if ok {
				pos, found = s+(j-i), true
				break
			}
		}
		if !found {
			return false
		}
		i = j
	}
	return true
}

// speechVerbs are the verbs that give a quotation its speaker, by stem hash.
var speechVerbs = func() map[uint64]bool {
	m := map[uint64]bool{}
	for _, w := range strings.Fields("قال قالت أضاف أضافت أكد أكدت تابع تابعت أوضح أوضحت صرح صرحت ذكر ذكرت أعلن أعلنت اعتبر اعتبرت شدد شددت كتب كتبت رأى رأت") {
		_, h, _ := stemHash(w)
		m[h] = true
	}
	return m
}()

// speaker returns the content words naming who speaks a quotation: after
// a verb of speech before it in its sentence, else after one right after
// it.
func speaker(t *text, q quotation) []int {
	s := t.sents[t.sent[q.open]]
	for k := q.open - 1; k >= s.lo; k-- {
		tk := &t.toks[k]
		if tk.Kind == arabic.Punct && (tk.Key == "»" || tk.Key == "”") {
			break
		}
		if speechVerbs[t.hash[k]] {
			return contentWords(t, k+1, q.open)
		}
	}
	// «…»، قال فلان
	k := nextNonSpace(t, q.close, len(t.toks))
	if k < len(t.toks) && t.toks[k].Kind == arabic.Punct && t.toks[k].Key == "،" {
		k = nextNonSpace(t, k, len(t.toks))
	}
	if k < len(t.toks) && speechVerbs[t.hash[k]] {
		end := k + 1
		for end < len(t.toks) && end-k < 16 && t.toks[end].Kind != arabic.Punct && !(t.toks[end].Kind == arabic.Space && t.toks[end].Breaks > 0) {
			end++
		}
		return contentWords(t, k+1, end)
	}
	return nil
}

func contentWords(t *text, lo, hi int) []int {
	var out []int
	for k := lo; k < hi && len(out) < 8; k++ {
		if t.isKey[k] {
			out = append(out, k)
		}
	}
	return out
}

// nameIn reports whether the words hold a name: one of the gazetteer, or
// a word that is no common news word nor a nisba adjective (الألباني).
func nameIn(t *text, ws []int) bool {
	names := nameWords()
	for _, k := range ws {
		key := t.toks[k].Key
		f := folded(key)
		if names[f] {
			return true
		}
		if newsWord(key) || strings.Contains(key, "ال") && (strings.HasSuffix(f, "ي") || strings.HasSuffix(f, "يه")) {
			continue
		}
		return true
	}
	return false
}

func words(t *text, ws []int) string {
	var b strings.Builder
	for i, k := range ws {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t.src[t.toks[k].Start:t.toks[k].End])
	}
	return b.String()
}

// excerpt shortens a quotation for a message.
func excerpt(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if len(r) > 80 {
		return string(r[:80]) + "…"
	}
	return s
}
