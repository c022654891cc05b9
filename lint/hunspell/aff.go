package hunspell

import (
	"fmt"
	"strconv"
	"strings"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
)

// affix is one entry line of a PFX or SFX class.
type affix struct {
	flag   flag
	prefix bool
	cross  bool   // the class allows cross products (Y)
	strip  string // removed from the stem before add is added
	add    string // IGNORE characters removed
	cond   cond
	cont   []flag // continuation flags
}

// lineError is an error at a line of the .aff or .dic file.
func lineError(kind string, line int, format string, args ...any) error {
	return fmt.Errorf("%s line %d: %s", kind, line, fmt.Sprintf(format, args...))
}

// fields splits a line at spaces and tabs, as Hunspell does (not at other
// Unicode spaces, which may be part of a word or an affix).
func fields(line string) []string {
	var out []string
	for {
		i := 0
		for i < len(line) && (line[i] == ' ' || line[i] == '\t') {
			i++
		}
		line = line[i:]
		if line == "" {
			return out
		}
		j := 0
		for j < len(line) && line[j] != ' ' && line[j] != '\t' {
			j++
		}
		out = append(out, line[:j])
		line = line[j:]
	}
}

// splitLines cuts text into lines without their line ends.
func splitLines(text string) []string {
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimSuffix(l, "\r")
	}
	if n := len(lines); n > 0 && lines[n-1] == "" {
		lines = lines[:n-1]
	}
	return lines
}

// toUTF8 removes a byte order mark and converts 8-bit text to UTF-8.
func toUTF8(s string, enc encoding.Encoding) (string, error) {
	s = strings.TrimPrefix(s, "\xEF\xBB\xBF")
	if enc == nil {
		return s, nil
	}
	return enc.NewDecoder().String(s)
}

// encodingOf finds the SET directive of a .aff file (Ayaspell has it near
// the end) and returns the decoder for it, nil for UTF-8.
func encodingOf(aff string) (encoding.Encoding, error) {
	name := ""
	line := 0
	for rest := aff; len(rest) > 0; {
		line++
		var l string
		if i := strings.IndexByte(rest, '\n'); i >= 0 {
			l, rest = rest[:i], rest[i+1:]
		} else {
			l, rest = rest, ""
		}
		if line == 1 {
			l = strings.TrimPrefix(l, "\xEF\xBB\xBF")
		}
		if !strings.HasPrefix(l, "SET") {
			continue
		}
		f := fields(l)
		if len(f) >= 2 && f[0] == "SET" {
			name = f[1]
			break
		}
	}
	if name == "" {
		return nil, nil // Hunspell's default is ISO 8859-1, but UTF-8 is a safer guess today
	}
	key := strings.NewReplacer("-", "", "_", "", " ", "").Replace(strings.ToUpper(name))
	switch {
	case key == "UTF8":
		return nil, nil
	case strings.HasPrefix(key, "ISO8859"):
		n, err := strconv.Atoi(strings.TrimPrefix(key, "ISO8859"))
		if err == nil {
			if enc, ok := iso8859[n]; ok {
				return enc, nil
			}
		}
	case key == "KOI8R":
		return charmap.KOI8R, nil
	case key == "KOI8U":
		return charmap.KOI8U, nil
	case strings.HasPrefix(key, "MICROSOFTCP125"), strings.HasPrefix(key, "CP125"), strings.HasPrefix(key, "WINDOWS125"):
		n, err := strconv.Atoi(key[len(key)-1:])
		if err == nil {
			if enc, ok := windows125x[n]; ok {
				return enc, nil
			}
		}
	case key == "TIS620":
		return charmap.Windows874, nil
	}
	return nil, lineError("aff", line, "unsupported character set %q", name)
}

var iso8859 = map[int]encoding.Encoding{
	1: charmap.ISO8859_1, 2: charmap.ISO8859_2, 3: charmap.ISO8859_3, 4: charmap.ISO8859_4,
	5: charmap.ISO8859_5, 6: charmap.ISO8859_6, 7: charmap.ISO8859_7, 8: charmap.ISO8859_8,
	9: charmap.ISO8859_9, 10: charmap.ISO8859_10, 13: charmap.ISO8859_13, 14: charmap.ISO8859_14,
	15: charmap.ISO8859_15, 16: charmap.ISO8859_16,
}

var windows125x = map[int]encoding.Encoding{
	0: charmap.Windows1250, 1: charmap.Windows1251, 2: charmap.Windows1252, 3: charmap.Windows1253,
	4: charmap.Windows1254, 5: charmap.Windows1255, 6: charmap.Windows1256, 7: charmap.Windows1257,
	8: charmap.Windows1258,
}

// unsupportedDirectives are recognised and reported by Ignored when a
// dictionary uses them.
var unsupportedDirectives = map[string]bool{
	"COMPLEXPREFIXES": true, "COMPOUNDFLAG": true, "COMPOUNDBEGIN": true,
	"COMPOUNDMIDDLE": true, "COMPOUNDEND": true, "COMPOUNDRULE": true,
	"COMPOUNDMIN": true, "COMPOUNDWORDMAX": true, "COMPOUNDPERMITFLAG": true,
	"COMPOUNDFORBIDFLAG": true, "COMPOUNDROOT": true, "COMPOUNDSYLLABLE": true,
	"CHECKCOMPOUNDDUP": true, "CHECKCOMPOUNDREP": true, "CHECKCOMPOUNDCASE": true,
	"CHECKCOMPOUNDTRIPLE": true, "SIMPLIFIEDTRIPLE": true, "CHECKCOMPOUNDPATTERN": true,
	"FORCEUCASE": true, "COMPOUNDMORESUFFIXES": true, "ONLYMAXDIFF": true,
	"OCONV": true, "CHECKSHARPS": true, "WARN": true, "FORBIDWARN": true,
	"LANG": true, "SUBSTANDARD": true, "SYLLABLENUM": true, "LEMMA_PRESENT": true,
}

// parseAff reads the .aff text into d.
func (d *Dict) parseAff(text string) error {
	lines := splitLines(text)
	ignoredSeen := map[string]bool{}
	var forbiddenSet bool
	// FLAG must be known before any flag is read; Hunspell reads it first
	// wherever it is, and so do we.
	for i, l := range lines {
		if !strings.HasPrefix(l, "FLAG") {
			continue
		}
		f := fields(l)
		if len(f) >= 2 && f[0] == "FLAG" {
			switch strings.ToLower(f[1]) {
			case "long":
				d.flags.typ = flagLong
			case "num":
				d.flags.typ = flagNum
			case "utf-8", "utf8":
				d.flags.typ = flagUTF8
			default:
				return lineError("aff", i+1, "unknown flag type %q", f[1])
			}
			break
		}
	}
	// IGNORE is applied to affixes as they are read, so read it first too.
	for _, l := range lines {
		if !strings.HasPrefix(l, "IGNORE") {
			continue
		}
		f := fields(l)
		if len(f) >= 2 && f[0] == "IGNORE" {
			for _, r := range f[1] {
				d.ignore = append(d.ignore, r)
			}
			break
		}
	}

	for i := 0; i < len(lines); i++ {
		lineNo := i + 1
		f := fields(lines[i])
		if len(f) == 0 || strings.HasPrefix(f[0], "#") {
			continue
		}
		key := f[0]
		arg := func() (string, error) {
			if len(f) < 2 {
				return "", lineError("aff", lineNo, "%s without a value", key)
			}
			return f[1], nil
		}
		oneFlag := func() (flag, error) {
			a, err := arg()
			if err != nil {
				return 0, err
			}
			fl, err := d.flags.one(a)
			if err != nil {
				return 0, lineError("aff", lineNo, "%s: %v", key, err)
			}
			return fl, nil
		}
		var err error
		switch key {
		case "SET", "FLAG", "IGNORE":
			// read above
		case "AF":
			err = d.table(lines, &i, key, func(f []string, lineNo int) error {
				if len(f) < 2 {
					return lineError("aff", lineNo, "AF entry without flags")
				}
				set, err := d.flags.set(f[1])
				if err != nil {
					return lineError("aff", lineNo, "AF: %v", err)
				}
				d.sets = append(d.sets, set)
				d.aliases++
				return nil
			})
		case "AM":
			// Morphological aliases: a table whose entries are skipped.
			err = d.table(lines, &i, key, func([]string, int) error { return nil })
		case "PFX", "SFX":
			err = d.parseAffixClass(lines, &i, f)
		case "ICONV":
			d.iconv = &convTable{}
			err = d.table(lines, &i, key, func(f []string, lineNo int) error {
				if len(f) < 3 {
					return lineError("aff", lineNo, "ICONV entry needs a pattern and a replacement")
				}
				d.iconv.add(f[1], f[2])
				return nil
			})
		case "REP":
			err = d.table(lines, &i, key, func(f []string, lineNo int) error {
				if len(f) < 3 {
					return lineError("aff", lineNo, "REP entry needs a pattern and a replacement")
				}
				d.rep = append(d.rep, [2]string{f[1], f[2]})
				return nil
			})
		case "MAP":
			err = d.table(lines, &i, key, func(f []string, lineNo int) error {
				if len(f) < 2 {
					return lineError("aff", lineNo, "MAP entry without characters")
				}
				d.maps = append(d.maps, parseMap(f[1]))
				return nil
			})
		case "BREAK":
			d.breaks = []string{}
			err = d.table(lines, &i, key, func(f []string, lineNo int) error {
				if len(f) < 2 {
					return lineError("aff", lineNo, "BREAK entry without a pattern")
				}
				d.breaks = append(d.breaks, f[1])
				return nil
			})
		case "NEEDAFFIX", "PSEUDOROOT":
			d.needAffix, err = oneFlag()
		case "FORBIDDENWORD":
			d.forbidden, err = oneFlag()
			forbiddenSet = true
		case "ONLYINCOMPOUND":
			d.onlyInCompound, err = oneFlag()
		case "CIRCUMFIX":
			d.circumfix, err = oneFlag()
		case "KEEPCASE":
			d.keepCase, err = oneFlag()
		case "FULLSTRIP":
			d.fullStrip = true
		default:
			// Other directives, including tables such as COMPOUNDRULE
			// whose entry lines start with the same keyword.
			if unsupportedDirectives[key] && !ignoredSeen[key] {
				ignoredSeen[key] = true
				d.ignored = append(d.ignored, key)
			}
		}
		if err != nil {
			return err
		}
	}
	if !forbiddenSet {
		// Hunspell's default forbidden-word flag is the number 65510,
		// which a file can only spell with FLAG num or UTF-8.
		switch d.flags.typ {
		case flagNum:
			d.forbidden, _ = d.flags.intern("65510")
		case flagUTF8:
			d.forbidden, _ = d.flags.intern("\uFFE6")
		}
	}
	return nil
}

// table reads a counted table: a header "KEY n" and n entry lines that
// start with KEY.
func (d *Dict) table(lines []string, i *int, key string, entry func(f []string, lineNo int) error) error {
	head := fields(lines[*i])
	if len(head) < 2 {
		return lineError("aff", *i+1, "%s without a count", key)
	}
	n, err := strconv.Atoi(head[1])
	if err != nil || n < 0 {
		return lineError("aff", *i+1, "%s: bad count %q", key, head[1])
	}
	return entries(lines, i, key, n, entry)
}

// entries reads the n entry lines of a table whose header is lines[*i].
// Blank lines and comments between them are skipped.
func entries(lines []string, i *int, key string, n int, entry func(f []string, lineNo int) error) error {
	headLine := *i + 1
	for k := 0; k < n; {
		*i++
		if *i >= len(lines) {
			return lineError("aff", len(lines), "%s: file ends after %d of %d entries (table from line %d)", key, k, n, headLine)
		}
		f := fields(lines[*i])
		if len(f) == 0 || strings.HasPrefix(f[0], "#") {
			continue
		}
		if f[0] != key {
			return lineError("aff", *i+1, "%s entry %d of %d expected (table from line %d), found %q", key, k+1, n, headLine, f[0])
		}
		if err := entry(f, *i+1); err != nil {
			return err
		}
		k++
	}
	return nil
}

// parseAffixClass reads a PFX or SFX header and its entries.
func (d *Dict) parseAffixClass(lines []string, i *int, head []string) error {
	headLine := *i + 1
	key := head[0]
	if len(head) < 4 {
		return lineError("aff", headLine, "%s header needs a flag, Y or N and a count", key)
	}
	fl, err := d.flags.one(head[1])
	if err != nil {
		return lineError("aff", headLine, "%s: %v", key, err)
	}
	cross := head[2] == "Y"
	if !cross && head[2] != "N" {
		return lineError("aff", headLine, "%s %s: cross product must be Y or N, not %q", key, head[1], head[2])
	}
	n, err := strconv.Atoi(head[3])
	if err != nil || n <= 0 {
		return lineError("aff", headLine, "%s %s: bad entry count %q", key, head[1], head[3])
	}
	return entries(lines, i, key, n, func(f []string, lineNo int) error {
		if len(f) < 4 {
			return lineError("aff", lineNo, "%s entry needs a flag, a strip string and an affix", key)
		}
		if g, err := d.flags.one(f[1]); err != nil || g != fl {
			return lineError("aff", lineNo, "%s entry of class %q found in class %q", key, f[1], head[1])
		}
		a := &affix{flag: fl, prefix: key == "PFX", cross: cross}
		if f[2] != "0" {
			a.strip = f[2]
		}
		add := f[3]
		if slash := strings.IndexByte(add, '/'); slash >= 0 {
			cont := add[slash+1:]
			add = add[:slash]
			if d.aliases > 0 {
				set, err := d.alias(cont)
				if err != nil {
					return lineError("aff", lineNo, "%v", err)
				}
				a.cont = set
			} else {
				a.cont, err = d.flags.set(cont)
				if err != nil {
					return lineError("aff", lineNo, "%v", err)
				}
			}
		}
		if add == "0" {
			add = ""
		}
		a.add = d.removeIgnored(add)
		c := "."
		if len(f) >= 5 {
			c = f[4]
		}
		a.cond, err = parseCond(c)
		if err != nil {
			return lineError("aff", lineNo, "%v", err)
		}
		d.addAffix(a)
		return nil
	})
}
