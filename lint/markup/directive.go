package markup

import (
	"bytes"
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
// as used.
func (x *Extras) Suppressed(rule string, off int) bool {
	if x == nil {
		return false
	}
	hit := false
	for i := range x.Directives {
		d := &x.Directives[i]
		if d.Kind != Enable && d.From <= off && off < d.To && d.Matches(rule) {
			d.used = true
			hit = true
		}
	}
	return hit
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
	x.Directives = append(x.Directives, Directive{Kind: k, Rules: rules, Start: s, End: e})
}

// resolveDirectives sorts the directives and computes what each silences.
func (x *Extras) resolveDirectives() {
	ds := x.Directives
	sort.SliceStable(ds, func(i, j int) bool { return ds[i].Start < ds[j].Start })
	var open []int // indexes of Disable directives not yet closed
	line, at := 1, 0
	for i := range ds {
		d := &ds[i]
		line += bytes.Count(x.src[at:d.Start], []byte("\n"))
		at = d.Start
		d.Line = line
		switch d.Kind {
		case DisableNextLine:
			_, next := lineAt(x.src, lineStart(x.src, max(d.End-1, d.Start)))
			if next < len(x.src) {
				_, after := lineAt(x.src, next)
				d.From, d.To = next, after
			}
		case Disable:
			d.From, d.To = d.End, len(x.src)
			open = append(open, i)
		case Enable:
			kept := open[:0]
			for _, o := range open {
				if len(d.Rules) == 0 || sameRules(ds[o].Rules, d.Rules) {
					ds[o].To = d.Start
					d.used = true
				} else {
					kept = append(kept, o)
				}
			}
			open = kept
		}
	}
}

func lineStart(src []byte, i int) int {
	return bytes.LastIndexByte(src[:i], '\n') + 1
}

func sameRules(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	a, b = append([]string{}, a...), append([]string{}, b...)
	sort.Strings(a)
	sort.Strings(b)
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
