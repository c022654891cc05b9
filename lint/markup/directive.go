package markup

import (
	"bytes"
	"slices"
	"sort"
	"strings"
)

// DirectiveKind is what a suppression comment asks for.
type DirectiveKind uint8

const (
	// DisableNextLine: <!-- daqiq-disable-next-line [RULE ...] --> silences
	// the rules on the line after the comment's last line.
	DisableNextLine DirectiveKind = iota + 1
	// Disable: <!-- daqiq-disable [RULE ...] --> silences the rules up to
	// the matching daqiq-enable or the end of the file.
	Disable
	// Enable: <!-- daqiq-enable [RULE ...] --> ends a Disable region: with
	// no rule, every open region; with rules, the regions opened for
	// exactly those rules.
	Enable
)

func (k DirectiveKind) String() string {
	return [...]string{"", "daqiq-disable-next-line", "daqiq-disable", "daqiq-enable"}[k]
}

// Directive is one suppression comment.
type Directive struct {
	Kind DirectiveKind
	// Rules are the rule ids or families (spelling, dates) it names;
	// empty means every rule.
	Rules []string
	// RuleStarts are the source offsets of the names in Rules, one each.
	RuleStarts []int
	// Line is the 1-based source line where the comment starts; Start and
	// End are its bytes in the source.
	Line       int
	Start, End int
	// From and To are the source bytes it silences: the next line for
	// DisableNextLine, up to the matching Enable (or the end of the file)
	// for Disable; empty for Enable.
	From, To int

	used bool
}

// Matches reports whether the directive names rule (or names none).
func (d *Directive) Matches(rule string) bool {
	if len(d.Rules) == 0 {
		return true
	}
	for _, r := range d.Rules {
		if r == rule || strings.HasPrefix(rule, r+"/") {
			return true
		}
	}
	return false
}

// Suppressed reports whether a diagnostic of rule starting at the source
// offset off is silenced by a directive, and marks those that silence it
// as used. Its time grows with the logarithm of the number of directives
// (and with the directives it marks, once each), not with their number.
func (x *Extras) Suppressed(rule string, off int) bool {
	if x == nil || len(x.Directives) == 0 {
		return false
	}
	if x.sup == nil || x.sup.n != len(x.Directives) {
		x.sup = newSupIndex(x.Directives)
	}
	mark := func(i int) { x.Directives[i].used = true }
	hit := x.sup.all.stab(off, mark)
	if g := x.sup.named[rule]; g != nil && g.stab(off, mark) {
		hit = true
	}
	for i := 0; i < len(rule); i++ { // the families: "a" and "a/b" of "a/b/c"
		if rule[i] == '/' {
			if g := x.sup.named[rule[:i]]; g != nil && g.stab(off, mark) {
				hit = true
			}
		}
	}
	return hit
}

// supIndex finds the directives that silence a diagnostic: those naming
// no rule, and those naming each rule or family, each set as intervals
// [From, To) to stab.
type supIndex struct {
	n     int // len(Directives) when built
	all   *intervals
	named map[string]*intervals
}

func newSupIndex(ds []Directive) *supIndex {
	all := []int{}
	byName := map[string][]int{}
	for i := range ds {
		d := &ds[i]
		if d.Kind == Enable || d.From >= d.To {
			continue
		}
		if len(d.Rules) == 0 {
			all = append(all, i)
		}
		for k, r := range d.Rules {
			if !slices.Contains(d.Rules[:k], r) {
				byName[r] = append(byName[r], i)
			}
		}
	}
	x := &supIndex{n: len(ds), all: newIntervals(ds, all), named: make(map[string]*intervals, len(byName))}
	for r, ids := range byName {
		x.named[r] = newIntervals(ds, ids)
	}
	return x
}

// intervals are directives sorted by From, with the largest To of each
// prefix (does any cover an offset?) and a segment tree of the largest To
// of those not yet marked used (which ones to mark?), so that each is
// marked once and then no longer visited.
type intervals struct {
	ids      []int // directive indexes, by From
	from     []int
	prefixTo []int // prefixTo[k]: the largest To of ids[:k+1]
	size     int   // leaves of tree, a power of two
	tree     []int // tree[1] is the root; leaves at size+k: To, or -1 once marked
}

func newIntervals(ds []Directive, ids []int) *intervals {
	sort.SliceStable(ids, func(a, b int) bool { return ds[ids[a]].From < ds[ids[b]].From })
	v := &intervals{ids: ids, from: make([]int, len(ids)), prefixTo: make([]int, len(ids)), size: 1}
	for v.size < len(ids) {
		v.size *= 2
	}
	v.tree = make([]int, 2*v.size)
	for k := range v.tree {
		v.tree[k] = -1
	}
	hi := -1
	for k, i := range ids {
		v.from[k] = ds[i].From
		hi = max(hi, ds[i].To)
		v.prefixTo[k] = hi
		if !ds[i].used {
			v.tree[v.size+k] = ds[i].To
		}
	}
	for k := v.size - 1; k >= 1; k-- {
		v.tree[k] = max(v.tree[2*k], v.tree[2*k+1])
	}
	return v
}

// stab reports whether an interval holds off, and calls mark with each
// such directive not marked before.
func (v *intervals) stab(off int, mark func(int)) bool {
	if v == nil {
		return false
	}
	p := sort.SearchInts(v.from, off+1) // ids[:p] start at or before off
	if p == 0 || v.prefixTo[p-1] <= off {
		return false
	}
	v.mark(1, 0, v.size, p, off, mark)
	return true
}

// mark visits the subtree of node, leaves [lo, hi), for leaves below p
// whose To is past off.
func (v *intervals) mark(node, lo, hi, p, off int, mark func(int)) {
	if lo >= p || v.tree[node] <= off {
		return
	}
	if hi-lo == 1 {
		mark(v.ids[lo])
		v.tree[node] = -1
		return
	}
	mid := (lo + hi) / 2
	v.mark(2*node, lo, mid, p, off, mark)
	v.mark(2*node+1, mid, hi, p, off, mark)
	v.tree[node] = max(v.tree[2*node], v.tree[2*node+1])
}

// Unused returns the directives that silenced nothing in the calls to
// Suppressed (or Filter) so far, and the enables that closed nothing.
func (x *Extras) Unused() []Directive {
	if x == nil {
		return nil
	}
	var out []Directive
	for _, d := range x.Directives {
		if !d.used {
			out = append(out, d)
		}
	}
	return out
}

// ParseDirective reads the text inside an HTML comment ("<!--" and "-->"
// excluded): a directive word, then rule ids separated by spaces or
// commas, then optionally "--" and a reason. ok is false when the comment
// is not a directive.
func ParseDirective(comment string) (kind DirectiveKind, rules []string, ok bool) {
	s := strings.TrimSpace(comment)
	for _, k := range []DirectiveKind{DisableNextLine, Disable, Enable} {
		w := k.String()
		if s == w || strings.HasPrefix(s, w) && (s[len(w)] == ' ' || s[len(w)] == '\t' || s[len(w)] == '\n' || s[len(w)] == '\r') {
			rest := s[len(w):]
			if i := strings.Index(rest, "--"); i >= 0 {
				rest = rest[:i]
			}
			rules = strings.FieldsFunc(rest, func(r rune) bool {
				return r == ',' || r == ' ' || r == '\t' || r == '\n' || r == '\r'
			})
			if len(rules) == 0 {
				rules = nil
			}
			return k, rules, true
		}
	}
	return 0, nil, false
}

// addComments records the directives among the HTML comments in src[s:e].
func (x *Extras) addComments(src []byte, s, e int) {
	for s < e {
		i := bytes.Index(src[s:e], []byte("<!--"))
		if i < 0 {
			return
		}
		cs := s + i
		j := bytes.Index(src[cs+4:e], []byte("-->"))
		if j < 0 {
			return
		}
		ce := cs + 4 + j + 3
		x.addDirective(src, cs, ce, string(src[cs+4:ce-3]))
		s = ce
	}
}

func (x *Extras) addDirective(src []byte, s, e int, body string) {
	k, rules, ok := ParseDirective(body)
	if !ok {
		return
	}
	// body is src[s+4:e-3]; each name is the next field after the one
	// before, so searching on from there finds it and nothing else
	var starts []int
	if len(rules) > 0 {
		starts = make([]int, len(rules))
		at := strings.Index(body, k.String()) + len(k.String())
		for i, r := range rules {
			at += strings.Index(body[at:], r)
			starts[i] = s + 4 + at
			at += len(r)
		}
	}
	x.Directives = append(x.Directives, Directive{Kind: k, Rules: rules, RuleStarts: starts, Start: s, End: e})
}

// resolveDirectives sorts the directives and computes what each silences,
// in one pass over the source however many share a line or stay open.
func (x *Extras) resolveDirectives() {
	ds := x.Directives
	sort.SliceStable(ds, func(i, j int) bool { return ds[i].Start < ds[j].Start })
	open := map[string][]int{} // Disable directives not yet closed, by their rules
	line, at := 1, 0
	// the line of the last next-line directive: its start, and the start
	// and end of the line after it
	var lineFrom, from, to int
	lineTo := -1
	for i := range ds {
		d := &ds[i]
		line += bytes.Count(x.src[at:d.Start], []byte("\n"))
		at = d.Start
		d.Line = line
		switch d.Kind {
		case DisableNextLine:
			last := max(d.End-1, d.Start) // the comment's last line
			if last < lineFrom || last >= lineTo {
				lineFrom = lineStart(x.src, last)
				_, next := lineAt(x.src, lineFrom)
				lineTo, from, to = next, next, next
				if next < len(x.src) {
					_, to = lineAt(x.src, next)
				}
			}
			if from < len(x.src) {
				d.From, d.To = from, to
			}
		case Disable:
			d.From, d.To = d.End, len(x.src)
			k := rulesKey(d.Rules)
			open[k] = append(open[k], i)
		case Enable:
			end := func(k string) { // the regions opened for rules k
				for _, o := range open[k] {
					ds[o].To = d.Start
					d.used = true
				}
				delete(open, k)
			}
			if len(d.Rules) > 0 {
				end(rulesKey(d.Rules))
			} else {
				for k := range open {
					end(k)
				}
			}
		}
	}
}

// rulesKey is the same for two lists of rules when they hold the same
// rules, in any order: sorted, joined by a comma, which a rule never holds.
func rulesKey(rules []string) string {
	if len(rules) < 2 {
		return strings.Join(rules, ",")
	}
	return strings.Join(slices.Sorted(slices.Values(rules)), ",")
}

func lineStart(src []byte, i int) int {
	return bytes.LastIndexByte(src[:i], '\n') + 1
}
