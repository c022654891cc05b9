package hunspell

import (
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Dict is a loaded Hunspell dictionary. It is safe for concurrent use.
type Dict struct {
	flags *flags

	// From the .aff file.
	pfx, sfx       map[string][]*affix // by the affix string added
	pfxZero        []*affix            // prefixes that add nothing
	sfxZero        []*affix            // suffixes that add nothing
	maxPfx, maxSfx int                 // longest added strings, in bytes
	contClass      []bool              // by flag: named in some continuation set
	haveCont       bool
	aliases        int // number of AF aliases; sets[1..aliases] are theirs
	ignore         []rune
	iconv          *convTable
	rep            [][2]string
	maps           [][]string
	breaks         []string // nil: Hunspell's default
	needAffix      flag
	forbidden      flag
	onlyInCompound flag
	circumfix      flag
	keepCase       flag
	fullStrip      bool
	ignored        []string

	// From the .dic file.
	sets    [][]flag // flag sets of the stems; sets[0] is empty
	setIDs  map[string]int32
	wb      *wordBuilder // while the .dic file is read
	words   wordTable
	entries []uint32 // the stems' flag sets (indexes in sets), by word

	cache    *cache
	compiled bool // read from a compiled file (OpenCached)
}

// Load reads a dictionary from its .aff and .dic files. Errors name the file
// ("aff" or "dic") and the line.
func Load(aff, dic io.Reader) (*Dict, error) {
	affText, err := readAll(aff)
	if err != nil {
		return nil, fmt.Errorf("aff: %w", err)
	}
	dicText, err := readAll(dic)
	if err != nil {
		return nil, fmt.Errorf("dic: %w", err)
	}
	return load(affText, dicText)
}

// readAll reads r into a string without copying it once more at the end.
func readAll(r io.Reader) (string, error) {
	var b strings.Builder
	if f, ok := r.(*os.File); ok {
		if fi, err := f.Stat(); err == nil && fi.Mode().IsRegular() {
			b.Grow(int(fi.Size()) + 1)
		}
	}
	_, err := io.Copy(&b, r)
	return b.String(), err
}

func load(affText, dicText string) (*Dict, error) {
	enc, err := encodingOf(affText)
	if err != nil {
		return nil, err
	}
	affText, err = toUTF8(affText, enc)
	if err != nil {
		return nil, fmt.Errorf("aff: %w", err)
	}
	d := &Dict{
		flags:  newFlags(),
		pfx:    map[string][]*affix{},
		sfx:    map[string][]*affix{},
		sets:   [][]flag{nil},
		setIDs: map[string]int32{},
	}
	if err := d.parseAff(affText); err != nil {
		return nil, err
	}
	d.contClass = make([]bool, len(d.flags.names))
	for _, m := range []map[string][]*affix{d.pfx, d.sfx} {
		for _, as := range m {
			for _, a := range as {
				d.markCont(a)
			}
		}
	}
	for _, a := range d.pfxZero {
		d.markCont(a)
	}
	for _, a := range d.sfxZero {
		d.markCont(a)
	}

	dicText, err = toUTF8(dicText, enc)
	if err != nil {
		return nil, fmt.Errorf("dic: %w", err)
	}
	if err := d.parseDic(dicText); err != nil {
		return nil, err
	}
	d.setIDs = nil
	d.flags = nil
	d.cache = newCache(defaultCacheSize)
	return d, nil
}

// Open loads the dictionary from the named .aff and .dic files.
func Open(affPath, dicPath string) (*Dict, error) {
	af, err := os.Open(affPath)
	if err != nil {
		return nil, err
	}
	defer af.Close()
	df, err := os.Open(dicPath)
	if err != nil {
		return nil, err
	}
	defer df.Close()
	d, err := Load(af, df)
	if err != nil {
		return nil, fmt.Errorf("%s or %s: %w", affPath, dicPath, err)
	}
	return d, nil
}

// Rep returns the REP table of the .aff file: pairs of a frequent
// misspelling and its correction, for suggestions. As in Hunspell, a ^ at
// the start or a $ at the end of the first string anchors it to the start
// or the end of the word, and _ stands for a space.
func (d *Dict) Rep() [][2]string { return d.rep }

// Map returns the MAP table of the .aff file: sets of related characters
// (or strings, written in parentheses in the file), for suggestions.
func (d *Dict) Map() [][]string { return d.maps }

// Ignored lists the directives of the .aff file that are known to Hunspell
// but not applied by this package (compounding, for one).
func (d *Dict) Ignored() []string { return d.ignored }

// Words returns the number of stems read from the .dic file.
func (d *Dict) Words() int { return len(d.entries) }

func (d *Dict) markCont(a *affix) {
	for _, f := range a.cont {
		d.contClass[f] = true
		d.haveCont = true
	}
}

func (d *Dict) addAffix(a *affix) {
	if a.prefix {
		if a.add == "" {
			d.pfxZero = append(d.pfxZero, a)
			return
		}
		d.pfx[a.add] = append(d.pfx[a.add], a)
		d.maxPfx = max(d.maxPfx, len(a.add))
		return
	}
	if a.add == "" {
		d.sfxZero = append(d.sfxZero, a)
		return
	}
	d.sfx[a.add] = append(d.sfx[a.add], a)
	d.maxSfx = max(d.maxSfx, len(a.add))
}

// alias returns the flag set of an AF alias number.
func (d *Dict) alias(s string) ([]flag, error) {
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 || n > d.aliases {
		return nil, fmt.Errorf("bad flag alias %q (the AF table has %d)", s, d.aliases)
	}
	return d.sets[n], nil
}

// removeIgnored removes the IGNORE characters from s.
func (d *Dict) removeIgnored(s string) string {
	if len(d.ignore) == 0 {
		return s
	}
	i := strings.IndexFunc(s, d.isIgnored)
	if i < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:i])
	for _, r := range s[i:] {
		if !d.isIgnored(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func (d *Dict) isIgnored(r rune) bool {
	return slices.Contains(d.ignore, r)
}

// parseMap splits a MAP entry into its characters and parenthesised
// strings.
func parseMap(s string) []string {
	var out []string
	for len(s) > 0 {
		if s[0] == '(' {
			if j := strings.IndexByte(s, ')'); j > 0 {
				out = append(out, s[1:j])
				s = s[j+1:]
				continue
			}
		}
		_, size := utf8.DecodeRuneInString(s)
		out = append(out, s[:size])
		s = s[size:]
	}
	return out
}

// isSeparator reports whether a .dic line is a separator line of colons,
// as more(1) writes between files.
func isSeparator(l string) bool {
	return len(l) >= 3 && strings.Trim(l, ":") == ""
}

// parseDic reads the .dic text into d.
func (d *Dict) parseDic(text string) error {
	next := func() (string, bool) {
		if text == "" {
			return "", false
		}
		l := text
		if i := strings.IndexByte(text, '\n'); i >= 0 {
			l, text = text[:i], text[i+1:]
		} else {
			text = ""
		}
		return strings.TrimSuffix(l, "\r"), true
	}
	first, ok := next()
	if !ok {
		return lineError("dic", 1, "empty file")
	}
	// The first line is the number of words, possibly followed by a
	// morphological field.
	f := fields(first)
	if len(f) == 0 {
		return lineError("dic", 1, "missing word count")
	}
	count, err := strconv.Atoi(f[0])
	if err != nil || count < 0 {
		return lineError("dic", 1, "missing or bad word count %q", first)
	}
	d.wb = newWordBuilder(min(count, 1<<22))
	for lineNo := 2; ; lineNo++ {
		l, ok := next()
		if !ok {
			d.words, d.entries = d.wb.done()
			d.wb = nil
			return nil
		}
		if isSeparator(l) {
			// more(1) output: a separator, a file name, a separator.
			// Skip the name if the separator after it is there.
			rest := text
			if _, ok := next(); ok {
				if l2, ok := next(); ok && isSeparator(l2) {
					lineNo += 2
					continue
				}
			}
			text = rest
			continue
		}
		if err := d.addLine(l, lineNo); err != nil {
			return err
		}
	}
}

// addLine adds one stem line of the .dic file.
func (d *Dict) addLine(l string, lineNo int) error {
	// The morphological field starts at a tab, or at a space before a
	// field name such as " po:".
	if t := strings.IndexByte(l, '\t'); t >= 0 {
		l = l[:t]
	}
	if sp := morphStart(l); sp >= 0 {
		l = l[:sp]
	}
	l = strings.TrimRight(l, " ")
	if l == "" {
		return nil
	}
	word, flagStr := l, ""
	// "\/" is a slash in the word; a slash at the start is part of it.
	for from := 1; from < len(word); {
		j := strings.IndexByte(word[from:], '/')
		if j < 0 {
			break
		}
		j += from
		if word[j-1] == '\\' {
			word = word[:j-1] + word[j:]
			from = j
			continue
		}
		word, flagStr = word[:j], word[j+1:]
		break
	}
	set := int32(0)
	if flagStr != "" {
		if d.aliases > 0 {
			n, err := strconv.Atoi(flagStr)
			if err != nil || n < 1 || n > d.aliases {
				return lineError("dic", lineNo, "bad flag alias %q (the AF table has %d)", flagStr, d.aliases)
			}
			set = int32(n)
		} else {
			id, ok := d.setIDs[flagStr]
			if !ok {
				fs, err := d.flags.set(flagStr)
				if err != nil {
					return lineError("dic", lineNo, "%v", err)
				}
				id = int32(len(d.sets))
				d.sets = append(d.sets, fs)
				d.setIDs[flagStr] = id
			}
			set = id
		}
	}
	word = d.removeIgnored(word)
	if word == "" {
		return nil
	}
	d.wb.addStem(word, uint32(set))
	return nil
}

// morphStart finds a morphological field written after a space, like
// "word/AB po:noun": the space before a two-letter name and a colon.
func morphStart(l string) int {
	for i := 0; i+3 < len(l); i++ {
		if (l[i] == ' ' || l[i] == '\t') && l[i+3] == ':' && l[i+1] != ' ' && l[i+2] != ' ' {
			return i
		}
	}
	return -1
}
