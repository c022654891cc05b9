package arabic

// The tokenizer and the analysis as they were before their fast paths:
// the tests check that the fast versions give the same tokens and splits.

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

func tokenizeRef(text string) []Token {
	toks := make([]Token, 0, len(text)/5+1)
	i := 0
	if strings.HasPrefix(text, "\uFEFF") {
		i = len("\uFEFF")
	}
	for i < len(text) {
		r, n := decode(text, i)
		start := i
		switch {
		case IsLetter(r) || ((IsIgnorable(r) || r == Tatweel) && nextIsLetter(text, i+n)):
			// an Arabic word; Key is only computed when the word has marks
			clean := IsLetter(r)
			i += n
			for i < len(text) {
				// fast path: a two-byte character of the Arabic block
				if c := text[i]; c >= 0xD8 && c <= 0xDB && i+1 < len(text) && text[i+1]&0xC0 == 0x80 {
					switch block[int(c&0x03)<<6|int(text[i+1]&0x3F)] {
					case clsLetter:
						i += 2
						continue
					case clsMark:
						clean = false
						i += 2
						continue
					case clsOther:
						goto end
					}
				}
				r, n := decode(text, i)
				if IsLetter(r) {
					i += n
					continue
				}
				if !inWord(r) {
					break
				}
				clean = false
				i += n
			}
		end:
			// a trailing invisible mark belongs to what follows
			for i > start {
				r, n := utf8.DecodeLastRuneInString(text[start:i])
				if !IsIgnorable(r) {
					break
				}
				i -= n
			}
			key := text[start:i]
			if !clean {
				key = Key(key)
			}
			toks = append(toks, Token{Kind: Word, Arabic: true, Start: start, End: i, Key: key})
		case IsSpace(r):
			var breaks uint16
			for i < len(text) {
				r, n := decode(text, i)
				if !IsSpace(r) {
					break
				}
				if r == '\n' || r == '\r' && (i+1 == len(text) || text[i+1] != '\n') || r == 0x2028 || r == 0x2029 || r == 0x85 {
					breaks++
				}
				i += n
			}
			toks = append(toks, Token{Kind: Space, Breaks: breaks, Start: start, End: i, Key: text[start:i]})
		case DigitValue(r) >= 0:
			i = scanNumber(text, i)
			toks = append(toks, Token{Kind: Number, Start: start, End: i, Key: asciiDigits(text[start:i])})
		case unicode.IsLetter(r):
			i += n
			for i < len(text) {
				r, n := decode(text, i)
				if IsLetter(r) || !(unicode.IsLetter(r) || unicode.IsMark(r) || r == '\'' && i+n < len(text) && isLatinNext(text[i+n:])) {
					break
				}
				i += n
			}
			toks = append(toks, Token{Kind: Word, Start: start, End: i, Key: text[start:i]})
		case IsHaraka(r) || r == Tatweel || IsIgnorable(r) || unicode.IsMark(r):
			// a stray mark or tatweel with no letter before it: glue it to
			// the previous token so no byte is lost, or make it punctuation
			i += n
			if len(toks) > 0 && toks[len(toks)-1].End == start && toks[len(toks)-1].Kind == Word {
				t := &toks[len(toks)-1]
				t.End = i
				t.Key = Key(text[t.Start:t.End])
				continue
			}
			toks = append(toks, Token{Kind: Punct, Start: start, End: i, Key: text[start:i]})
		default:
			i += n
			toks = append(toks, Token{Kind: Punct, Start: start, End: i, Key: text[start:i]})
		}
	}
	return toks
}

func analyzeRef(toks []Token) *Splits {
	s := &Splits{start: make([]int32, len(toks)+1), cands: make([]Cand, 0, len(toks))}
	var states [64]uint32
	for i, t := range toks {
		s.start[i] = int32(len(s.cands))
		if t.Kind != Word || len(t.Key) == 0 {
			continue
		}
		k := t.Key
		if !t.Arabic || len(k) < 3 || len(k) > 255 {
			s.cands = append(s.cands, Cand{Hash: hashKey(k)})
			continue
		}
		// a backward FNV-1a pass gives the hash of every suffix of the key
		h := uint32(fnvOffset)
		limit := min(len(k), len(states)) // proclitics are short
		for j := len(k) - 1; j >= 0; j-- {
			h ^= uint32(k[j])
			h *= fnvPrime
			if j < limit {
				states[j] = h
			}
		}
		s.cands = append(s.cands, Cand{Hash: h})
		if r := rune(k[0]&0x1F)<<6 | rune(k[1]&0x3F); k[0]&0xE0 == 0xC0 && r >= 0x600 && r < 0x700 {
			for _, pi := range byFirst[r-0x600] {
				p := proclitics[pi].text
				if len(k) > len(p) && k[:len(p)] == p {
					s.cands = append(s.cands, Cand{Len: uint8(len(p)), Proclitic: pi, Hash: states[len(p)]})
				}
			}
		}
		if n := lamArticle(k); n > 0 && n < len(states) {
			// hash of "ا" + k[n:]: carry on backwards over the bytes of ا
			h := states[n]
			h ^= 0xA7
			h *= fnvPrime
			h ^= 0xD8
			h *= fnvPrime
			s.cands = append(s.cands, Cand{Len: uint8(n), Article: true, Hash: h})
		}
	}
	s.start[len(toks)] = int32(len(s.cands))
	return s
}

// matchAtRef is MatchAt as it was, with map lookups by string.
func (l *Lexicon) matchAtRef(toks []Token, sp *Splits, i int) (Match, bool) {
	if toks[i].Kind != Word {
		return Match{}, false
	}
	if !l.MayMatch(sp, i) {
		return Match{}, false
	}
	cands := sp.Of(i)
	key := toks[i].Key
	if len(l.phrases) > 0 {
		for _, c := range cands {
			if !l.mayHave(c.Hash) || c.Article {
				continue
			}
			if m, ok := l.matchPhraseRef(toks, i, key[c.Len:], key[:c.Len]); ok {
				return m, true
			}
		}
	}
	for _, c := range cands {
		if !l.mayHave(c.Hash) {
			continue
		}
		if c.Article {
			if e, ok := l.words["ا"+key[c.Len:]]; ok && e.Class <= ClassVerb {
				return Match{Entry: e, First: i, Last: i, Prefix: key[:c.Len], Article: true}, true
			}
			continue
		}
		e, ok := l.words[key[c.Len:]]
		if !ok {
			continue
		}
		if c.Len == 0 || proclitics[c.Proclitic].classes&(1<<e.Class) != 0 {
			return Match{Entry: e, First: i, Last: i, Prefix: key[:c.Len]}, true
		}
	}
	return Match{}, false
}

func (l *Lexicon) matchPhraseRef(toks []Token, i int, first, prefix string) (Match, bool) {
	phrases, ok := l.phrases[first]
	if !ok {
		return Match{}, false
	}
	for _, e := range phrases {
		if prefix != "" && !acceptsPrefix(prefix, e.Class) {
			continue
		}
		j, ok := i, true
		for _, w := range e.Rest {
			if j+2 >= len(toks) || toks[j+1].Kind != Space || toks[j+1].Breaks > 1 ||
				toks[j+2].Kind != Word || toks[j+2].Key != w {
				ok = false
				break
			}
			j += 2
		}
		if ok {
			return Match{Entry: e, First: i, Last: j, Prefix: prefix}, true
		}
	}
	return Match{}, false
}
