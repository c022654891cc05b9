package output

import (
	"slices"
	"sort"
)

// The line diff behind UnifiedDiff. Lines are numbered (equal lines, equal
// numbers) and the sequences of numbers are compared.
//
// For a region of up to patienceMin lines (what is left of both files
// once their common first and last lines are set aside) this is the
// algorithm of diff-match-patch, which UnifiedDiff used through go-diff:
// common prefix and suffix, the shorter side inside the longer, a half
// match (a common run at least half as long as the longer side), else
// Myers's middle snake, recursively, and the same merge of the result.
// The diffs of articles are therefore the ones go-diff gave. go-diff,
// though, gives up after a second of wall-clock time and then rewrites the
// whole rest of the file, and parts of it are quadratic (its substring
// search, its merge); here nothing depends on the clock:
//
//   - a larger region is first split at the lines that occur exactly once
//     on each side, the longest run of them in the same order (patience
//     diff), and each piece between two of them is diffed in turn;
//   - a region with no line in common is replaced at once;
//   - substring search is KMP, the merge is one pass (at most 64 rounds);
//   - the work of one diff is counted against a budget (diffBudget steps
//     of Myers's searches, of half matches and of the patience counts); a
//     search that would go past its share splits its region at the
//     furthest point it reached and goes on from there, and once the
//     budget is spent a region left is replaced whole. Only large regions
//     with no line unique on both sides get near it.

// edit kinds
const (
	opEqual = iota
	opDelete
	opInsert
)

// dop is n lines of one kind. Where they are is implied: the ops of a diff
// of a and b, read in order, walk through a (equal and delete) and b
// (equal and insert).
type dop struct {
	kind int8
	n    int
}

const (
	// patienceMin: a region of more lines than this (both sides) is
	// split at its unique lines before anything else.
	patienceMin = 4096
	// diffBudget bounds the work of one diff, in steps.
	diffBudget = 1 << 26
	// searchShare is the most steps one search may take before it splits
	// its region (or all that is left of the budget).
	searchShare = 1 << 24
)

type differ struct {
	budget int
	// scratch for the unique lines of a region, by line number; zero
	// between uses
	countA, countB []int32
	posA, posB     []int32
}

// diffLines returns the edits that turn a into b. ids is the number of
// distinct line numbers in a and b.
func diffLines(a, b []int32, ids int) []dop {
	d := &differ{budget: diffBudget}
	if len(a)+len(b) > patienceMin {
		d.countA, d.countB = make([]int32, ids), make([]int32, ids)
		d.posA, d.posB = make([]int32, ids), make([]int32, ids)
	}
	return d.main(a, b)
}

// main is diff-match-patch's diff_main: common prefix and suffix, the
// middle, the merge.
func (d *differ) main(a, b []int32) []dop {
	if slices.Equal(a, b) {
		if len(a) == 0 {
			return nil
		}
		return []dop{{opEqual, len(a)}}
	}
	p := commonPrefix(a, b)
	ma, mb := a[p:], b[p:]
	s := commonSuffix(ma, mb)
	ma, mb = ma[:len(ma)-s], mb[:len(mb)-s]

	var ds []dop
	if p != 0 {
		ds = append(ds, dop{opEqual, p})
	}
	if len(ma)+len(mb) > patienceMin && d.countA != nil {
		ds = d.patience(ds, ma, mb)
	} else {
		ds = d.compute(ds, ma, mb)
	}
	if s != 0 {
		ds = append(ds, dop{opEqual, s})
	}
	return cleanupMerge(ds, a, b)
}

// compute is diff_compute, for a and b with no common prefix or suffix;
// it appends to ds.
func (d *differ) compute(ds []dop, a, b []int32) []dop {
	if len(a) == 0 {
		return append(ds, dop{opInsert, len(b)})
	}
	if len(b) == 0 {
		return append(ds, dop{opDelete, len(a)})
	}
	long, short, op := b, a, int8(opInsert)
	if len(a) > len(b) {
		long, short, op = a, b, opDelete
	}
	if i := indexOf(long, short, 0); i >= 0 {
		// the shorter side inside the longer
		return append(ds, dop{op, i}, dop{opEqual, len(short)}, dop{op, len(long) - i - len(short)})
	}
	if len(short) == 1 {
		return append(ds, dop{opDelete, len(a)}, dop{opInsert, len(b)})
	}
	if hm, ok := d.halfMatch(a, b); ok {
		ds = append(ds, d.main(a[:hm.a1], b[:hm.b1])...)
		ds = append(ds, dop{opEqual, hm.mid})
		return append(ds, d.main(a[hm.a1+hm.mid:], b[hm.b1+hm.mid:])...)
	}
	return d.bisect(ds, a, b)
}

// halfSplit is a half match: a[:a1] and b[:b1] come before the common
// run of mid lines, the rest after it.
type halfSplit struct{ a1, b1, mid int }

// halfMatch is diff_halfMatch: a run common to a and b at least half as
// long as the longer of them, found from a seed of a quarter of the
// longer one at its second and at its third quarter.
func (d *differ) halfMatch(a, b []int32) (halfSplit, bool) {
	long, short := b, a
	if len(a) > len(b) {
		long, short = a, b
	}
	if len(long) < 4 || len(short)*2 < len(long) {
		return halfSplit{}, false
	}
	hm1, ok1 := d.halfMatchAt(long, short, (len(long)+3)/4)
	hm2, ok2 := d.halfMatchAt(long, short, (len(long)+1)/2)
	var hm halfSplit
	switch {
	case !ok1 && !ok2:
		return halfSplit{}, false
	case !ok2:
		hm = hm1
	case !ok1:
		hm = hm2
	case hm1.mid > hm2.mid:
		hm = hm1
	default:
		hm = hm2
	}
	// hm.a1 is in long, hm.b1 in short
	if len(a) > len(b) {
		return hm, true
	}
	return halfSplit{a1: hm.b1, b1: hm.a1, mid: hm.mid}, true
}

// halfMatchAt is diff_halfMatchI: the longest run common to long and short
// that holds the seed long[i:i+len(long)/4], if it is at least half as
// long as long. Its a1 is in long, its b1 in short.
func (d *differ) halfMatchAt(long, short []int32, i int) (halfSplit, bool) {
	seed := long[i : i+len(long)/4]
	best, found := halfSplit{}, false
	fail := kmpTable(seed)
	for j := indexOfKMP(short, seed, fail, 0); j >= 0; j = indexOfKMP(short, seed, fail, j+1) {
		pre := commonPrefix(long[i:], short[j:])
		suf := commonSuffix(long[:i], short[:j])
		d.budget -= pre + suf
		if best.mid < pre+suf {
			best, found = halfSplit{a1: i - suf, b1: j - suf, mid: pre + suf}, true
		}
		if d.budget < 0 {
			break // a periodic text: enough
		}
	}
	if !found || best.mid*2 < len(long) {
		return halfSplit{}, false
	}
	return best, true
}

// bisect is diff_bisect: Myers's search for the middle snake from both
// ends at once, then the two halves. A search that uses up its share of
// the budget splits off the part before the furthest point it reached
// and goes on with the rest.
func (d *differ) bisect(ds []dop, a, b []int32) []dop {
	for {
		x, y, res := d.middleSnake(a, b)
		switch res {
		case snakeFound:
			ds = append(ds, d.main(a[:x], b[:y])...)
			return append(ds, d.main(a[x:], b[y:])...)
		case snakePartial:
			// the part before (x, y) has a short diff; the rest has no
			// common suffix (its region had none) but may have a prefix
			ds = append(ds, d.main(a[:x], b[:y])...)
			a, b = a[x:], b[y:]
			if p := commonPrefix(a, b); p > 0 {
				ds = append(ds, dop{opEqual, p})
				a, b = a[p:], b[p:]
			}
			if len(a) == 0 || len(b) == 0 {
				return d.compute(ds, a, b)
			}
		default:
			return append(ds, dop{opDelete, len(a)}, dop{opInsert, len(b)})
		}
	}
}

// What middleSnake found.
const (
	snakeFound   = iota // the middle snake: split there
	snakePartial        // the search used up its share: split off the part before there
	snakeNone           // no line in common, or no budget left
)

// middleSnake is the search of diff_bisect, which counts its steps
// against the budget.
func (d *differ) middleSnake(a, b []int32) (int, int, int) {
	n, m := len(a), len(b)
	maxD := (n + m + 1) / 2
	share := min(d.budget, searchShare)
	if share <= 0 {
		return 0, 0, snakeNone
	}
	// v holds the diagonals reached at step dd, |k| ≤ dd+1: no bigger
	// than the steps the share allows
	limit := min(maxD, share/(n+m)+1)
	vOffset := limit + 1
	vLength := 2 * vOffset
	v1 := make([]int, vLength)
	v2 := make([]int, vLength)
	for i := range v1 {
		v1[i], v2[i] = -1, -1
	}
	v1[vOffset+1], v2[vOffset+1] = 0, 0
	delta := n - m
	front := delta%2 != 0
	k1start, k1end, k2start, k2end := 0, 0, 0, 0
	steps := 0
	defer func() { d.budget -= steps }()
	for dd := 0; dd < maxD; dd++ {
		if dd >= limit || steps > share {
			// the point furthest from the start that dd-1 steps reached
			bx, by := -1, -1
			for k := -(dd - 1) + k1start; k <= dd-1-k1end; k += 2 {
				x := v1[vOffset+k]
				if y := x - k; x >= 0 && x <= n && y >= 0 && y <= m && x+y > bx+by {
					bx, by = x, y
				}
			}
			if bx+by <= 0 || bx+by >= n+m {
				return 0, 0, snakeNone
			}
			return bx, by, snakePartial
		}
		for k1 := -dd + k1start; k1 <= dd-k1end; k1 += 2 {
			k1Offset := vOffset + k1
			var x1 int
			if k1 == -dd || (k1 != dd && v1[k1Offset-1] < v1[k1Offset+1]) {
				x1 = v1[k1Offset+1]
			} else {
				x1 = v1[k1Offset-1] + 1
			}
			y1 := x1 - k1
			s := x1
			for x1 < n && y1 < m && a[x1] == b[y1] {
				x1++
				y1++
			}
			steps += 1 + x1 - s
			v1[k1Offset] = x1
			if x1 > n {
				k1end += 2
			} else if y1 > m {
				k1start += 2
			} else if front {
				k2Offset := vOffset + delta - k1
				if k2Offset >= 0 && k2Offset < vLength && v2[k2Offset] != -1 {
					if x2 := n - v2[k2Offset]; x1 >= x2 {
						return x1, y1, snakeFound
					}
				}
			}
		}
		for k2 := -dd + k2start; k2 <= dd-k2end; k2 += 2 {
			k2Offset := vOffset + k2
			var x2 int
			if k2 == -dd || (k2 != dd && v2[k2Offset-1] < v2[k2Offset+1]) {
				x2 = v2[k2Offset+1]
			} else {
				x2 = v2[k2Offset-1] + 1
			}
			y2 := x2 - k2
			s := x2
			for x2 < n && y2 < m && a[n-x2-1] == b[m-y2-1] {
				x2++
				y2++
			}
			steps += 1 + x2 - s
			v2[k2Offset] = x2
			if x2 > n {
				k2end += 2
			} else if y2 > m {
				k2start += 2
			} else if !front {
				k1Offset := vOffset + delta - k2
				if k1Offset >= 0 && k1Offset < vLength && v1[k1Offset] != -1 {
					x1 := v1[k1Offset]
					y1 := vOffset + x1 - k1Offset
					if x1 >= n-x2 {
						return x1, y1, snakeFound
					}
				}
			}
		}
	}
	return 0, 0, snakeNone // no line in common
}

// patience splits a large region at the lines that occur once in a and
// once in b, the longest run of them that is in the same order on both
// sides, and diffs the pieces between them; with no such line it is
// diffed as a small one.
func (d *differ) patience(ds []dop, a, b []int32) []dop {
	for i, x := range a {
		d.countA[x]++
		d.posA[x] = int32(i)
	}
	for j, x := range b {
		d.countB[x]++
		d.posB[x] = int32(j)
	}
	// the unique pairs in the order of a; then the longest increasing run
	// of their positions in b (patience sorting)
	type pair struct{ i, j int32 }
	var pairs []pair
	common := false
	for _, x := range a {
		if d.countB[x] > 0 {
			common = true
			if d.countA[x] == 1 && d.countB[x] == 1 {
				pairs = append(pairs, pair{d.posA[x], d.posB[x]})
			}
		}
	}
	for _, x := range a {
		d.countA[x] = 0
	}
	for _, x := range b {
		d.countB[x] = 0
	}
	d.budget -= len(a) + len(b)
	switch {
	case !common:
		return append(ds, dop{opDelete, len(a)}, dop{opInsert, len(b)})
	case len(pairs) == 0 || d.budget <= 0:
		return d.compute(ds, a, b)
	}
	tops := []int32{}                 // index into pairs of the top of each pile
	prev := make([]int32, len(pairs)) // the top of the pile to the left when placed
	for p := range pairs {
		j := pairs[p].j
		k := sort.Search(len(tops), func(t int) bool { return pairs[tops[t]].j > j })
		if k > 0 {
			prev[p] = tops[k-1]
		} else {
			prev[p] = -1
		}
		if k == len(tops) {
			tops = append(tops, int32(p))
		} else {
			tops[k] = int32(p)
		}
	}
	run := make([]pair, len(tops))
	for p, k := tops[len(tops)-1], len(tops)-1; p >= 0; p, k = prev[p], k-1 {
		run[k] = pairs[p]
	}
	ds = slices.Grow(ds, 2*len(run)+1)
	ai, bi := 0, 0
	for _, pr := range run {
		ds = append(ds, d.main(a[ai:pr.i], b[bi:pr.j])...)
		ds = append(ds, dop{opEqual, 1})
		ai, bi = int(pr.i)+1, int(pr.j)+1
	}
	return append(ds, d.main(a[ai:], b[bi:])...)
}

// cleanupMerge is diff_cleanupMerge for the ops of a diff of a and b:
// adjacent ops of a kind are merged, deletions go before insertions, the
// lines a deletion and an insertion next to each other start or end with
// join the equality beside them, and an edit between two equalities
// slides over one of them where it can, until nothing changes. One pass
// over the ops (go-diff splices its list, quadratic in the ops).
func cleanupMerge(ds []dop, a, b []int32) []dop {
	for range 64 { // the rounds end long before: each joins equalities
		var changed bool
		ds = mergePass(ds, a, b)
		ds, changed = shiftPass(ds, a, b)
		if !changed {
			break
		}
	}
	return ds
}

// mergePass is the first pass of diff_cleanupMerge.
func mergePass(ds []dop, a, b []int32) []dop {
	out := make([]dop, 0, len(ds)+1)
	ai, bi := 0, 0 // where the current op starts
	var (
		nDel, nIns     int // ops in the current run of edits
		delLen, insLen int // their lines
		runA, runB     int // where the run starts
	)
	for i := 0; i <= len(ds); i++ {
		o := dop{opEqual, 0} // the end
		if i < len(ds) {
			o = ds[i]
		}
		if o.kind != opEqual {
			if nDel+nIns == 0 {
				runA, runB = ai, bi
			}
			if o.kind == opDelete {
				nDel++
				delLen += o.n
				ai += o.n
			} else {
				nIns++
				insLen += o.n
				bi += o.n
			}
			continue
		}
		eq := o.n
		switch {
		case nDel+nIns > 1:
			if nDel != 0 && nIns != 0 {
				if c := commonPrefix(b[runB:runB+insLen], a[runA:runA+delLen]); c != 0 {
					if len(out) > 0 && out[len(out)-1].kind == opEqual {
						out[len(out)-1].n += c
					} else {
						out = append(out, dop{opEqual, c})
					}
					runA, runB = runA+c, runB+c
					delLen, insLen = delLen-c, insLen-c
				}
				if c := commonSuffix(b[runB:runB+insLen], a[runA:runA+delLen]); c != 0 {
					eq += c
					delLen, insLen = delLen-c, insLen-c
				}
			}
			switch {
			case nDel == 0:
				out = append(out, dop{opInsert, insLen})
			case nIns == 0:
				out = append(out, dop{opDelete, delLen})
			default:
				out = append(out, dop{opDelete, delLen}, dop{opInsert, insLen})
			}
			out = append(out, dop{opEqual, eq})
		case nDel+nIns == 1:
			out = append(out, ds[i-1], dop{opEqual, eq})
		case len(out) > 0 && out[len(out)-1].kind == opEqual:
			out[len(out)-1].n += eq
		default:
			out = append(out, dop{opEqual, eq})
		}
		ai, bi = ai+o.n, bi+o.n
		nDel, nIns, delLen, insLen = 0, 0, 0, 0
	}
	if len(out) > 0 && out[len(out)-1].n == 0 {
		out = out[:len(out)-1] // the end marker
	}
	return out
}

// shiftPass is the second pass of diff_cleanupMerge: an edit between two
// equalities whose lines end with the equality before it moves over that
// one (A<ins>BA</ins>C → <ins>AB</ins>AC), one whose lines start with the
// equality after it over that one. It walks the ops as go-diff's loop
// over its list does, with links in place of splices.
func shiftPass(ds []dop, a, b []int32) ([]dop, bool) {
	if len(ds) < 3 {
		return ds, false
	}
	next := make([]int, len(ds))
	prev := make([]int, len(ds))
	for i := range ds {
		next[i], prev[i] = i+1, i-1
	}
	remove := func(i int) {
		if prev[i] >= 0 {
			next[prev[i]] = next[i]
		}
		if next[i] < len(ds) {
			prev[next[i]] = prev[i]
		}
		ds[i].n = -1
	}
	// where ds[i] starts in a and b
	ai, bi := 0, 0
	if ds[0].kind != opInsert {
		ai = ds[0].n
	}
	if ds[0].kind != opDelete {
		bi = ds[0].n
	}
	changed := false
	for i := next[0]; i < len(ds) && next[i] < len(ds); {
		p, nx := prev[i], next[i]
		e := ds[i]
		if ds[p].kind != opEqual || ds[nx].kind != opEqual || e.kind == opEqual {
			ai, bi = advance(ai, bi, e)
			i = nx
			continue
		}
		// the edit's lines
		var edit []int32
		if e.kind == opDelete {
			edit = a[ai : ai+e.n]
		} else {
			edit = b[bi : bi+e.n]
		}
		lp, ln := ds[p].n, ds[nx].n
		// the equality before ends at (ai, bi), the one after starts at
		// the end of the edit
		na, nb := advance(ai, bi, e)
		switch {
		case lp <= e.n && slices.Equal(edit[e.n-lp:], a[ai-lp:ai]):
			// over the equality before: the edit starts where it did
			ai, bi = ai-lp, bi-lp
			ds[nx].n += lp
			remove(p)
			changed = true
			na, nb = advance(ai, bi, e)
			ai, bi = na+ds[nx].n, nb+ds[nx].n
			i = next[nx]
		case ln <= e.n && slices.Equal(edit[:ln], a[na:na+ln]):
			// over the equality after
			ds[p].n += ln
			ai, bi = ai+ln, bi+ln
			remove(nx)
			changed = true
			ai, bi = advance(ai, bi, e)
			i = next[i]
		default:
			ai, bi = na, nb
			i = nx
		}
	}
	out := ds[:0]
	for _, o := range ds {
		if o.n >= 0 {
			out = append(out, o)
		}
	}
	return out, changed
}

// advance moves a position in a and b over an op.
func advance(ai, bi int, o dop) (int, int) {
	switch o.kind {
	case opDelete:
		return ai + o.n, bi
	case opInsert:
		return ai, bi + o.n
	}
	return ai + o.n, bi + o.n
}

func commonPrefix(a, b []int32) int {
	n := min(len(a), len(b))
	for i := range n {
		if a[i] != b[i] {
			return i
		}
	}
	return n
}

func commonSuffix(a, b []int32) int {
	n := min(len(a), len(b))
	for i := 1; i <= n; i++ {
		if a[len(a)-i] != b[len(b)-i] {
			return i - 1
		}
	}
	return n
}

// indexOf returns the first place at or after from where pat occurs in s,
// or -1.
func indexOf(s, pat []int32, from int) int {
	return indexOfKMP(s, pat, kmpTable(pat), from)
}

// kmpTable is the failure function of Knuth, Morris and Pratt: f[i] is
// the length of the longest proper border of pat[:i+1].
func kmpTable(pat []int32) []int {
	f := make([]int, len(pat))
	k := 0
	for i := 1; i < len(pat); i++ {
		for k > 0 && pat[i] != pat[k] {
			k = f[k-1]
		}
		if pat[i] == pat[k] {
			k++
		}
		f[i] = k
	}
	return f
}

// indexOfKMP is indexOf with pat's table, in O(len(s)-from+len(pat)).
func indexOfKMP(s, pat []int32, f []int, from int) int {
	if len(pat) == 0 {
		if from <= len(s) {
			return from
		}
		return -1
	}
	k := 0
	for i := from; i < len(s); i++ {
		for k > 0 && s[i] != pat[k] {
			k = f[k-1]
		}
		if s[i] == pat[k] {
			k++
		}
		if k == len(pat) {
			return i - len(pat) + 1
		}
	}
	return -1
}
