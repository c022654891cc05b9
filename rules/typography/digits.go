package typography

import (
	"strings"

	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/lint/arabic"
)

// Digit sets, as bits.
const (
	asciiDigits   = 1 << iota // 0-9
	arabicIndic               // ٠-٩ (U+0660-U+0669)
	persianDigits             // ۰-۹ (U+06F0-U+06F9)
)

// setKeys are the catalogue keys of the digit sets' names.
var setKeys = map[uint8]string{asciiDigits: "ascii", arabicIndic: "arabic-indic", persianDigits: "persian"}

// zeros are the digit zero of each set.
var zeros = map[uint8]rune{asciiDigits: '0', arabicIndic: '٠', persianDigits: '۰'}

// number is a number token and the digit sets it uses.
type number struct {
	tok  int
	sets uint8
	// latin: the number belongs to a Latin name or code (G20، COVID-19،
	// iPhone 15), which keeps its own digits
	latin bool
}

// numbers is what the digit rules share about a document.
type numbers struct {
	all []number // only filled when some number is not ASCII
	// count and first: how many numbers use only one set, and the token
	// index of the first, by set
	count [3]int
	first [3]int
}

// majority is the set most numbers use, ties going to the set that comes
// first; 0 when there are no single-set numbers.
func (ns *numbers) majority() uint8 {
	best := -1
	for s := range 3 {
		if ns.count[s] == 0 {
			continue
		}
		if best < 0 || ns.count[s] > ns.count[best] || ns.count[s] == ns.count[best] && ns.first[s] < ns.first[best] {
			best = s
		}
	}
	if best < 0 {
		return 0
	}
	return 1 << best
}

func scanNumbers(p *lint.Pass) *numbers {
	return p.Memo("typography/numbers", func() any {
		ns := &numbers{}
		if !scanOf(p).nonASCII {
			return ns // ASCII digits only: nothing to compare
		}
		toks := p.Tokens
		for i := range toks {
			t := &toks[i]
			if t.Kind != arabic.Number {
				continue
			}
			sets := uint8(asciiDigits)
			if len(t.Key) != t.End-t.Start { // the key is the ASCII form
				sets = digitSets(p.Text[t.Start:t.End])
			}
			ns.all = append(ns.all, number{tok: i, sets: sets})
		}
		for k := range ns.all {
			n := &ns.all[k]
			n.latin = latinContext(toks, n.tok)
			if n.latin || n.sets&(n.sets-1) != 0 {
				continue
			}
			s := setIndex(n.sets)
			if ns.count[s] == 0 {
				ns.first[s] = n.tok
			}
			ns.count[s]++
		}
		return ns
	}).(*numbers)
}

func setIndex(set uint8) int {
	switch set {
	case arabicIndic:
		return 1
	case persianDigits:
		return 2
	}
	return 0
}

// digitSets returns the digit sets a number is written in.
func digitSets(s string) uint8 {
	var sets uint8
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			sets |= asciiDigits
		case r >= 0x0660 && r <= 0x0669:
			sets |= arabicIndic
		case r >= 0x06F0 && r <= 0x06F9:
			sets |= persianDigits
		}
	}
	return sets
}

// digitCount counts the digits of each set in s.
func digitCount(s string) (counts [3]int, first uint8) {
	for _, r := range s {
		var set uint8
		switch {
		case r >= '0' && r <= '9':
			set = asciiDigits
		case r >= 0x0660 && r <= 0x0669:
			set = arabicIndic
		case r >= 0x06F0 && r <= 0x06F9:
			set = persianDigits
		default:
			continue
		}
		if first == 0 {
			first = set
		}
		counts[setIndex(set)]++
	}
	return counts, first
}

// convert writes the number s in the digit set to. Into ASCII, the Arabic
// decimal and thousands separators become . and ,; the other way an ASCII
// separator is kept, since 1,5 and 1.000 are read differently by region.
func convert(s string, to uint8) string {
	zero := zeros[to]
	var b strings.Builder
	b.Grow(len(s) * 2)
	for _, r := range s {
		if v := arabic.DigitValue(r); v >= 0 {
			b.WriteRune(zero + rune(v))
			continue
		}
		if to == asciiDigits {
			switch r {
			case '٫':
				r = '.'
			case '٬':
				r = ','
			}
		}
		b.WriteRune(r)
	}
	return b.String()
}

// latinContext reports whether number token i is part of a Latin name or
// code: touching a Latin word (G20، 5G), joined to one by a hyphen
// (COVID-19) or after one and a single space (iPhone 15), or in a hashtag
// or handle.
func latinContext(toks []arabic.Token, i int) bool {
	latin := func(j int) bool { return j >= 0 && j < len(toks) && toks[j].Kind == arabic.Word && !toks[j].Arabic }
	if latin(i-1) || latin(i+1) {
		return true
	}
	if i > 0 {
		switch b := toks[i-1]; {
		case b.Kind == arabic.Punct && (b.Key == "-" || b.Key == "_"):
			return latin(i - 2)
		case b.Kind == arabic.Punct && (b.Key == "#" || b.Key == "@"):
			return true
		case b.Kind == arabic.Space && b.Key == " ":
			return latin(i - 2)
		}
	}
	if i+2 < len(toks) && toks[i+1].Kind == arabic.Punct && toks[i+1].Key == "-" {
		return latin(i + 2)
	}
	return false
}

// setName names a digit set in the pass's language: "ASCII".
func setName(p *lint.Pass, s uint8) string { return p.T(setKeys[s]) }

// setList names the sets of a mixed number: "ASCII and Arabic-Indic".
func setList(p *lint.Pass, sets uint8) string {
	var names []string
	for _, s := range [...]uint8{asciiDigits, arabicIndic, persianDigits} {
		if sets&s != 0 {
			names = append(names, setName(p, s))
		}
	}
	return strings.Join(names, p.T("and"))
}
