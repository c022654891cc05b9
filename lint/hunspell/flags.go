package hunspell

import (
	"fmt"
	"slices"
	"strconv"
	"unicode/utf8"
)

// flagType is the FLAG directive of a .aff file.
type flagType int

const (
	flagChar flagType = iota // one character per flag (the default)
	flagLong                 // two characters per flag
	flagNum                  // decimal numbers separated by commas
	flagUTF8                 // one UTF-8 character per flag
)

// flag is a dictionary flag, numbered densely from 1 in the order of first
// appearance. 0 is no flag: it is in no set.
type flag uint16

// flags interns flag names and flag sets.
type flags struct {
	typ   flagType
	ids   map[string]flag
	names []string // names[id]; names[0] is unused
	sets  map[string][]flag
}

func newFlags() *flags {
	return &flags{ids: map[string]flag{}, names: []string{""}, sets: map[string][]flag{}}
}

func (f *flags) intern(name string) (flag, error) {
	if id, ok := f.ids[name]; ok {
		return id, nil
	}
	if len(f.names) > 0xFFFF {
		return 0, fmt.Errorf("more than %d distinct flags", 0xFFFF)
	}
	id := flag(len(f.names))
	f.names = append(f.names, name)
	f.ids[name] = id
	return id, nil
}

// split cuts a flag string into flag names according to the flag type.
func (f *flags) split(s string, yield func(string) error) error {
	switch f.typ {
	case flagLong:
		n := utf8.RuneCountInString(s)
		if n%2 != 0 {
			return fmt.Errorf("odd number of characters in long flags %q", s)
		}
		for len(s) > 0 {
			_, a := utf8.DecodeRuneInString(s)
			_, b := utf8.DecodeRuneInString(s[a:])
			if err := yield(s[:a+b]); err != nil {
				return err
			}
			s = s[a+b:]
		}
	case flagNum:
		for len(s) > 0 {
			part := s
			i := 0
			for i < len(s) && s[i] != ',' {
				i++
			}
			part, s = s[:i], s[i:]
			if len(s) > 0 {
				s = s[1:]
			}
			n, err := strconv.ParseUint(part, 10, 16)
			if err != nil || n == 0 {
				return fmt.Errorf("bad numeric flag %q", part)
			}
			if err := yield(strconv.FormatUint(n, 10)); err != nil {
				return err
			}
		}
	default: // flagChar, flagUTF8
		for len(s) > 0 {
			_, size := utf8.DecodeRuneInString(s)
			if err := yield(s[:size]); err != nil {
				return err
			}
			s = s[size:]
		}
	}
	return nil
}

// one decodes a single flag (an affix class name, a NEEDAFFIX value).
func (f *flags) one(s string) (flag, error) {
	var ids []flag
	err := f.split(s, func(name string) error {
		id, err := f.intern(name)
		ids = append(ids, id)
		return err
	})
	if err != nil {
		return 0, err
	}
	if len(ids) != 1 {
		return 0, fmt.Errorf("%q is not one flag", s)
	}
	return ids[0], nil
}

// set decodes a flag string into a sorted set, shared between equal strings.
func (f *flags) set(s string) ([]flag, error) {
	if set, ok := f.sets[s]; ok {
		return set, nil
	}
	var set []flag
	err := f.split(s, func(name string) error {
		id, err := f.intern(name)
		set = append(set, id)
		return err
	})
	if err != nil {
		return nil, err
	}
	slices.Sort(set)
	set = slices.Compact(set)
	f.sets[s] = set
	return set, nil
}

// has reports whether the sorted set holds the flag; never for flag 0.
func has(set []flag, f flag) bool {
	if f == 0 {
		return false
	}
	if len(set) < 16 {
		for _, g := range set {
			if g == f {
				return true
			}
			if g > f {
				return false
			}
		}
		return false
	}
	_, ok := slices.BinarySearch(set, f)
	return ok
}
