package output

import (
	"bufio"
	"fmt"
	"hash/maphash"
	"io"
	"math/bits"
	"strings"
	"unsafe"
)

// UnifiedDiff renders the change from old to new as a unified diff with
// three lines of context. The line diff is diffLines (linediff.go); the
// rendering keeps the Arabic words as they are (go-diff's patch text, which
// this used once, percent-encodes non-ASCII bytes). Lines end with "\n", as
// patch(1) and git read them: a file of lone-CR line ends is one line here.
func UnifiedDiff(w io.Writer, path string, old, new []byte) {
	if string(old) == string(new) {
		return
	}
	// number the lines: equal lines, equal numbers (the strings share the
	// bytes of old and new, which UnifiedDiff only reads)
	oldLines := splitKeep(unsafe.String(unsafe.SliceData(old), len(old)))
	newLines := splitKeep(unsafe.String(unsafe.SliceData(new), len(new)))
	nums := newNumbering(len(oldLines) + len(newLines)/8)
	a := nums.number(oldLines, nil, nil)
	b := nums.number(newLines, oldLines, a)

	// one op a line: its kind, and the line in old (' ', '-') or new ('+')
	type op struct {
		kind byte
		line int32
	}
	ops := make([]op, 0, max(len(a), len(b)))
	ai, bi := int32(0), int32(0)
	for _, d := range diffLines(a, b, len(nums.lines)) {
		for range d.n {
			switch d.kind {
			case opEqual:
				ops = append(ops, op{' ', ai})
				ai, bi = ai+1, bi+1
			case opDelete:
				ops = append(ops, op{'-', ai})
				ai++
			default:
				ops = append(ops, op{'+', bi})
				bi++
			}
		}
	}
	bw := bufio.NewWriter(w)
	defer bw.Flush()
	fmt.Fprintf(bw, "--- %s\n+++ %s\n", diffPath("a/", path), diffPath("b/", path))
	const ctx = 3
	// oldLine and newLine number the lines of ops[done:] in old and new
	oldLine, newLine, done := 1, 1, 0
	for i := 0; i < len(ops); {
		if ops[i].kind == ' ' {
			i++
			continue
		}
		// a hunk: from ctx lines before the change to ctx lines after the
		// last change that is within 2*ctx lines of the previous one
		start := max(i-ctx, 0)
		end := i
		for j := i; j < len(ops); j++ {
			if ops[j].kind != ' ' {
				end = j
				continue
			}
			if j-end > 2*ctx {
				break
			}
		}
		stop := min(end+ctx+1, len(ops))
		for _, o := range ops[done:start] {
			if o.kind != '+' {
				oldLine++
			}
			if o.kind != '-' {
				newLine++
			}
		}
		oldN, newN := 0, 0
		for _, o := range ops[start:stop] {
			if o.kind != '+' {
				oldN++
			}
			if o.kind != '-' {
				newN++
			}
		}
		fmt.Fprintf(bw, "@@ -%s +%s @@\n", hunkRange(oldLine, oldN), hunkRange(newLine, newN))
		for _, o := range ops[start:stop] {
			var text string
			if o.kind == '+' {
				text = newLines[o.line]
			} else {
				text = oldLines[o.line]
			}
			bw.WriteByte(o.kind)
			bw.WriteString(text)
			if !strings.HasSuffix(text, "\n") {
				bw.WriteString("\n\\ No newline at end of file\n")
			}
		}
		oldLine, newLine, done = oldLine+oldN, newLine+newN, stop
		i = stop
	}
}

func hunkRange(start, n int) string {
	if n == 0 {
		return fmt.Sprintf("%d,0", start-1)
	}
	if n == 1 {
		return fmt.Sprintf("%d", start)
	}
	return fmt.Sprintf("%d,%d", start, n)
}

// splitKeep splits s into lines, each keeping its "\n".
func splitKeep(s string) []string {
	out := make([]string, 0, strings.Count(s, "\n")+1)
	for s != "" {
		i := strings.IndexByte(s, '\n')
		if i < 0 {
			out = append(out, s)
			break
		}
		out = append(out, s[:i+1])
		s = s[i+1:]
	}
	return out
}

// numbering gives each distinct line a number, from 0 in the order the
// lines first come. Its table is open addressing on a hash of the line,
// eight bytes a slot (a map of strings costs three times as much on
// 200,000 lines, most of it waiting for memory), and the lines of the new
// text are first tried against the old line after the last one they
// matched: most are the same lines in the same order, found without the
// table.
type numbering struct {
	seed  maphash.Seed
	slots []uint64 // the hash's top 32 bits, the number plus one; 0 is empty
	lines []string // by number
	first []int32  // by number: where the line first comes in the old text, or -1
}

// newNumbering makes a table for about n distinct lines; it grows.
func newNumbering(n int) *numbering {
	t := &numbering{seed: maphash.MakeSeed(), lines: make([]string, 0, n), first: make([]int32, 0, n)}
	t.slots = make([]uint64, 1<<bits.Len(uint(n+n/2+1))) // at most two thirds full
	return t
}

// number returns the numbers of lines: those of the old text (old nil),
// then those of the new one, with the old text and its numbers.
func (t *numbering) number(lines, old []string, oldNums []int32) []int32 {
	out := make([]int32, len(lines))
	next := 0 // in old: after the last line matched
	for i, l := range lines {
		if next < len(old) && old[next] == l {
			out[i] = oldNums[next]
			next++
			continue
		}
		num := t.lookup(l, old == nil, i)
		out[i] = num
		if old != nil && t.first[num] >= 0 {
			next = int(t.first[num]) + 1
		}
	}
	return out
}

// lookup returns the number of line l, a new one if it has none; at is
// where l is in the old text when inOld.
func (t *numbering) lookup(l string, inOld bool, at int) int32 {
	h := maphash.String(t.seed, l)
	mask := uint64(len(t.slots) - 1)
	for j := h & mask; ; j = (j + 1) & mask {
		s := t.slots[j]
		if s == 0 {
			t.lines = append(t.lines, l)
			first := int32(-1)
			if inOld {
				first = int32(at)
			}
			t.first = append(t.first, first)
			t.slots[j] = h&^0xFFFFFFFF | uint64(len(t.lines))
			if len(t.lines)*3 > len(t.slots)*2 {
				t.grow()
			}
			return int32(len(t.lines) - 1)
		}
		if s>>32 == h>>32 && t.lines[s&0xFFFFFFFF-1] == l {
			return int32(s&0xFFFFFFFF - 1)
		}
	}
}

// grow doubles the table.
func (t *numbering) grow() {
	slots := make([]uint64, 2*len(t.slots))
	mask := uint64(len(slots) - 1)
	for num, l := range t.lines {
		h := maphash.String(t.seed, l)
		j := h & mask
		for slots[j] != 0 {
			j = (j + 1) & mask
		}
		slots[j] = h&^0xFFFFFFFF | uint64(num+1)
	}
	t.slots = slots
}
