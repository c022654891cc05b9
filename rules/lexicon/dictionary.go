package lexicon

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"github.com/daqiq/daqiq/lint/arabic"
	"github.com/daqiq/daqiq/lint/config"
	"github.com/daqiq/daqiq/lint/hunspell"
)

// EnvVar, when set, replaces the default dictionaries (those a
// configuration without [spelling] dictionaries gets): a comma-separated
// list of names and paths, or "none". Tests set it to "none" so that
// their output does not depend on what the machine has installed.
const EnvVar = "DAQIQ_DICTIONARIES"

// defaultDictionaries is what a configuration without [spelling]
// dictionaries uses.
func defaultDictionaries() []string {
	if v, ok := os.LookupEnv(EnvVar); ok {
		if v = strings.TrimSpace(v); v == "" || v == "none" {
			return []string{}
		}
		return strings.Split(v, ",")
	}
	return []string{"ar"}
}

// Install says how to get a dictionary, for the rules' Unavailable text.
const Install = "no Hunspell dictionary found: apt-get install hunspell-ar (it puts ar.aff and ar.dic in /usr/share/hunspell; DICPATH adds directories), or set [spelling] dictionaries in .daqiq.toml"

// Lexicon is the words the lexicon rules accept: one or more Hunspell
// dictionaries, plain word lists and accepted words. It is found when a
// configuration is read (a few file tests) and loaded the first time a
// rule asks for a word, once per process for each distinct set of files.
// Safe for concurrent use.
type Lexicon struct {
	key         string
	unavailable string      // why the rules cannot run; "" when they can
	pairs       [][2]string // Hunspell .aff and .dic files
	lists       []string    // plain word lists: accepted words
	accept      []string    // accepted words from the configuration

	once  sync.Once
	dicts []*hunspell.Dict
	extra map[string]bool // accepted words and the words of the lists, as keys
	err   error

	verdicts verdictCache
}

var (
	registryMu sync.Mutex
	registry   = map[string]*Lexicon{}
)

// Find resolves a [spelling] table (nil: the defaults) against the
// configuration's directory. A dictionary named without a path ("ar")
// that the system lacks is no error: the lexicon is then unavailable. A
// path that does not exist is an error.
func Find(sp *config.Spelling, dir string) (*Lexicon, error) {
	var names, accept, acceptFiles []string
	if sp != nil {
		names, accept, acceptFiles = sp.Dictionaries, sp.Accept, sp.AcceptFiles
	}
	if names == nil {
		names = defaultDictionaries()
	}
	lx := &Lexicon{}
	var missing []string
	for _, n := range names {
		n = strings.TrimSpace(n)
		if n == "" {
			continue
		}
		if !strings.ContainsAny(n, `/\`) && !strings.Contains(n, ".") {
			aff, dic, err := hunspell.Find(n, nil)
			if err != nil {
				missing = append(missing, n)
				continue
			}
			lx.pairs = append(lx.pairs, [2]string{aff, dic})
			continue
		}
		p := n
		if !filepath.IsAbs(p) {
			p = filepath.Join(dir, p)
		}
		if aff, dic, err := hunspell.Find(p, nil); err == nil {
			lx.pairs = append(lx.pairs, [2]string{aff, dic})
			continue
		}
		if fi, err := os.Stat(p); err == nil && fi.Mode().IsRegular() {
			lx.lists = append(lx.lists, p)
			continue
		}
		return nil, fmt.Errorf("[spelling] dictionaries: %q is neither a Hunspell dictionary (.aff and .dic) nor a word list", n)
	}
	for _, f := range acceptFiles {
		p := f
		if !filepath.IsAbs(p) {
			p = filepath.Join(dir, p)
		}
		if fi, err := os.Stat(p); err != nil || !fi.Mode().IsRegular() {
			return nil, fmt.Errorf("[spelling] accept_files: no file %q", f)
		}
		lx.lists = append(lx.lists, p)
	}
	for _, w := range accept {
		if k := arabic.Key(strings.TrimSpace(w)); k != "" {
			lx.accept = append(lx.accept, k)
		}
	}
	sort.Strings(lx.accept)
	if len(lx.pairs) == 0 {
		lx.unavailable = Install
		if len(missing) > 0 {
			lx.unavailable = fmt.Sprintf("dictionary %s not found; %s", strings.Join(missing, ", "), Install)
		}
	}
	var k strings.Builder
	for _, p := range lx.pairs {
		k.WriteString(p[0] + "\x00" + p[1] + "\x00")
	}
	k.WriteString("\x01" + strings.Join(lx.lists, "\x00") + "\x01" + strings.Join(lx.accept, "\x00") + "\x01" + lx.unavailable)
	lx.key = k.String()
	registryMu.Lock()
	defer registryMu.Unlock()
	if old, ok := registry[lx.key]; ok {
		return old, nil
	}
	registry[lx.key] = lx
	return lx, nil
}

// Unavailable says why the rules cannot run, "" when they can.
func (lx *Lexicon) Unavailable() string { return lx.unavailable }

// Load loads the dictionaries and word lists, the first time it is
// called; later calls return the first call's error.
func (lx *Lexicon) Load() error {
	lx.once.Do(func() {
		if lx.unavailable != "" {
			lx.err = fmt.Errorf("%s", lx.unavailable)
			return
		}
		lx.dicts = make([]*hunspell.Dict, len(lx.pairs))
		errs := make([]error, len(lx.pairs)+1)
		var wg sync.WaitGroup
		for i, p := range lx.pairs {
			wg.Go(func() { lx.dicts[i], errs[i] = openDict(p[0], p[1]) })
		}
		wg.Go(func() { lx.extra, errs[len(lx.pairs)] = readLists(lx.lists, lx.accept) })
		wg.Wait()
		for _, err := range errs {
			if err != nil {
				lx.err = err
				lx.dicts = nil
				break
			}
		}
	})
	return lx.err
}

// readLists reads plain word lists: one word a line, # starts a comment.
func readLists(paths, accept []string) (map[string]bool, error) {
	out := map[string]bool{}
	for _, w := range accept {
		out[w] = true
	}
	for _, p := range paths {
		data, err := config.ReadFile(p)
		if err != nil {
			return nil, err
		}
		sc := bufio.NewScanner(bytes.NewReader(data))
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			line, _, _ := strings.Cut(sc.Text(), "#")
			for _, w := range strings.Fields(line) {
				if k := arabic.Key(w); k != "" {
					out[k] = true
				}
			}
		}
		if err := sc.Err(); err != nil {
			return nil, fmt.Errorf("%s: %w", p, err)
		}
	}
	return out, nil
}

// accepted reports whether a word is accepted: by a dictionary, or as an
// accepted word, alone or after و ف ب ك ل and their pairs.
func (lx *Lexicon) accepted(k string) bool {
	for _, d := range lx.dicts {
		if d.Spell(k) {
			return true
		}
	}
	return lx.listed(k)
}

// listed reports whether k is an accepted word of the configuration or a
// word list, alone or after a proclitic.
func (lx *Lexicon) listed(k string) bool {
	if len(lx.extra) == 0 {
		return false
	}
	if lx.extra[k] {
		return true
	}
	for _, p := range nameClitics {
		if rest, ok := strings.CutPrefix(k, p); ok && lx.extra[rest] {
			return true
		}
	}
	return false
}

var nameClitics = arabic.Prefixes(arabic.ClassNoArt)
