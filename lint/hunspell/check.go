package hunspell

import "unicode/utf8"

// The affix stripping below follows Hunspell's (affixmgr.cxx, affentry.cxx):
// a prefix, then a suffix, then two suffixes, then a prefix with two
// suffixes, each tried in turn. It returns the index of the stem entry
// found, or -1.

// homonyms returns the stems of the .dic file spelled word, in the order
// of the file: entries lo to hi-1, none when lo == hi.
func (d *Dict) homonyms(word string) (lo, hi int32) {
	if k := d.words.find(word); k >= 0 {
		lo, hi := d.words.start[k], d.words.start[k+1]
		if lo <= hi && int(hi) <= len(d.entries) { // always, but for a damaged compiled file
			return int32(lo), int32(hi)
		}
	}
	return 0, 0
}

// setOf returns the flag set of stem e.
func (d *Dict) setOf(e int32) []flag {
	if s := d.entries[e]; int(s) < len(d.sets) { // always, but for a damaged compiled file
		return d.sets[s]
	}
	return nil
}

// prefixes calls fn for each prefix entry whose added string starts word,
// the empty ones first, until fn returns a stem.
func (d *Dict) prefixes(word string, fn func(a *affix) int32) int32 {
	for _, a := range d.pfxZero {
		if r := fn(a); r >= 0 {
			return r
		}
	}
	for i := 1; i <= len(word) && i <= d.maxPfx; i++ {
		if i < len(word) && !utf8.RuneStart(word[i]) {
			continue
		}
		for _, a := range d.pfx[word[:i]] {
			if r := fn(a); r >= 0 {
				return r
			}
		}
	}
	return -1
}

// suffixes calls fn for each suffix entry whose added string ends word, the
// empty ones first, until fn returns a stem.
func (d *Dict) suffixes(word string, fn func(a *affix) int32) int32 {
	for _, a := range d.sfxZero {
		if r := fn(a); r >= 0 {
			return r
		}
	}
	for i := len(word) - 1; i >= 0 && len(word)-i <= d.maxSfx; i-- {
		if !utf8.RuneStart(word[i]) {
			continue
		}
		for _, a := range d.sfx[word[i:]] {
			if r := fn(a); r >= 0 {
				return r
			}
		}
	}
	return -1
}

// affixCheck finds a stem of word with affixes.
func (d *Dict) affixCheck(word string) int32 {
	if r := d.prefixes(word, func(p *affix) int32 {
		if has(p.cont, d.onlyInCompound) {
			return -1
		}
		return d.pfxCheck(p, word)
	}); r >= 0 {
		return r
	}
	if r := d.suffixCheck(word, nil, false, 0); r >= 0 {
		return r
	}
	if !d.haveCont {
		return -1
	}
	if r := d.suffixCheckTwo(word, nil, false); r >= 0 {
		return r
	}
	return d.prefixes(word, func(p *affix) int32 { return d.pfxCheckTwo(p, word) })
}

// pfxCheck: word starts with p.add; is the rest, with p.strip put back, a
// stem taking p, or a stem taking p and a suffix?
func (d *Dict) pfxCheck(p *affix, word string) int32 {
	rest := len(word) - len(p.add)
	if rest < 0 || rest == 0 && !d.fullStrip {
		return -1
	}
	stem := p.strip + word[len(p.add):]
	if !p.cond.matchStart(stem) {
		return -1
	}
	if !has(p.cont, d.needAffix) && !has(p.cont, d.circumfix) {
		for e, hi := d.homonyms(stem); e < hi; e++ {
			if has(d.setOf(e), p.flag) {
				return e
			}
		}
	}
	if p.cross {
		return d.suffixCheck(stem, p, true, 0)
	}
	return -1
}

// sfxAllowed holds the conditions on a suffix that do not depend on the
// stem: circumfixes pair up, ONLYINCOMPOUND suffixes are out, and a
// NEEDAFFIX suffix needs another affix.
func (d *Dict) sfxAllowed(s, pfx *affix, cclass flag) bool {
	if d.circumfix != 0 {
		pc := pfx != nil && has(pfx.cont, d.circumfix)
		if pc != has(s.cont, d.circumfix) {
			return false
		}
	}
	if has(s.cont, d.onlyInCompound) {
		return false
	}
	if cclass == 0 && has(s.cont, d.needAffix) && (pfx == nil || has(pfx.cont, d.needAffix)) {
		return false
	}
	return true
}

// suffixCheck finds a stem of word with one suffix. pfx is a prefix already
// stripped (cross says the suffix must then allow cross products), cclass
// the flag of an outer suffix already stripped, which the suffix must name
// among its continuation flags.
func (d *Dict) suffixCheck(word string, pfx *affix, cross bool, cclass flag) int32 {
	return d.suffixes(word, func(s *affix) int32 {
		if cclass != 0 && len(s.cont) == 0 || !d.sfxAllowed(s, pfx, cclass) {
			return -1
		}
		return d.sfxCheck(s, word, pfx, cross, cclass)
	})
}

func (d *Dict) sfxCheck(s *affix, word string, pfx *affix, cross bool, cclass flag) int32 {
	if cross && !s.cross {
		return -1
	}
	rest := len(word) - len(s.add)
	if rest < 0 || rest == 0 && !d.fullStrip {
		return -1
	}
	stem := word[:rest] + s.strip
	if !s.cond.matchEnd(stem) {
		return -1
	}
	if cclass != 0 && !has(s.cont, cclass) {
		return -1
	}
	for e, hi := d.homonyms(stem); e < hi; e++ {
		set := d.setOf(e)
		if !has(set, s.flag) && (pfx == nil || !has(pfx.cont, s.flag)) {
			continue
		}
		if cross && (pfx == nil || !has(set, pfx.flag) && !has(s.cont, pfx.flag)) {
			continue
		}
		if has(set, d.onlyInCompound) {
			continue
		}
		return e
	}
	return -1
}

// suffixCheckTwo finds a stem of word with two suffixes: an outer one whose
// flag some affix names as a continuation, and an inner one that names it.
func (d *Dict) suffixCheckTwo(word string, pfx *affix, cross bool) int32 {
	return d.suffixes(word, func(s *affix) int32 {
		if !d.contClass[s.flag] {
			return -1
		}
		return d.sfxCheckTwo(s, word, pfx, cross)
	})
}

func (d *Dict) sfxCheckTwo(s *affix, word string, pfx *affix, cross bool) int32 {
	if cross && !s.cross {
		return -1
	}
	rest := len(word) - len(s.add)
	if rest < 0 || rest == 0 && !d.fullStrip {
		return -1
	}
	stem := word[:rest] + s.strip
	if !s.cond.matchEnd(stem) {
		return -1
	}
	if pfx != nil && !has(s.cont, pfx.flag) {
		// The prefix must go with the inner suffix.
		return d.suffixCheck(stem, pfx, cross, s.flag)
	}
	// No prefix, or one the outer suffix allows.
	return d.suffixCheck(stem, nil, false, s.flag)
}

// pfxCheckTwo: word starts with p.add; does the rest, with p.strip put
// back, have two suffixes on a stem?
func (d *Dict) pfxCheckTwo(p *affix, word string) int32 {
	rest := len(word) - len(p.add)
	if rest < 0 || rest == 0 && !d.fullStrip {
		return -1
	}
	if !p.cross {
		return -1
	}
	stem := p.strip + word[len(p.add):]
	if !p.cond.matchStart(stem) {
		return -1
	}
	return d.suffixCheckTwo(stem, p, true)
}
