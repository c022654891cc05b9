package hunspell

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
)

func openFixture(t *testing.T, name string) *Dict {
	t.Helper()
	d, err := Open(filepath.Join("testdata", name+".aff"), filepath.Join("testdata", name+".dic"))
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func checkWords(t *testing.T, d *Dict, good, bad []string) {
	t.Helper()
	for _, w := range good {
		if !d.Spell(w) {
			t.Errorf("Spell(%q) = false, want true", w)
		}
	}
	for _, w := range bad {
		if d.Spell(w) {
			t.Errorf("Spell(%q) = true, want false", w)
		}
	}
}

func TestLongFlagsAndAliases(t *testing.T) {
	d := openFixture(t, "long")
	t.Run("stems", func(t *testing.T) {
		checkWords(t, d, []string{"كتاب", "مدرسة", "قلم", "لاعب"}, []string{"كتب", "مدرس"})
	})
	t.Run("suffix with strip and condition", func(t *testing.T) {
		// ة is stripped before ات; [^ة] keeps the other entry off.
		checkWords(t, d, []string{"مدرسات", "قلمات"}, []string{"مدرسةات", "لاعبي"})
	})
	t.Run("prefix with strip", func(t *testing.T) {
		checkWords(t, d, []string{"اكرم", "أكرم"}, []string{"أاكرم"})
	})
	t.Run("cross product", func(t *testing.T) {
		// Pp and Aa are both Y; Qq is N.
		checkWords(t, d, []string{"وكتاب", "وكتابه", "بكتاب"}, []string{"بكتابه", "وبكتاب"})
	})
	t.Run("two suffixes", func(t *testing.T) {
		// Bb's continuation alias 4 allows Cc over it: كتاب+ه, then ه→هم.
		checkWords(t, d, []string{"كتابه", "كتابهم", "وكتابهم"}, []string{"قلمهم", "كتابم"})
	})
	t.Run("prefix allowed by the suffix", func(t *testing.T) {
		// Dd's continuation alias 6 is the prefix Rr, which قلم lacks.
		checkWords(t, d, []string{"قلمي", "لقلمي"}, []string{"لقلم", "لكتاب"})
	})
	t.Run("NEEDAFFIX", func(t *testing.T) {
		checkWords(t, d, []string{"علمات"}, []string{"علم"})
	})
	t.Run("FORBIDDENWORD", func(t *testing.T) {
		// كتابات would be كتاب+ات, but it is listed as forbidden; the
		// affixed forms of a forbidden stem are forbidden too.
		checkWords(t, d, nil, []string{"كتابات", "سيء", "سيءات"})
	})
	t.Run("ONLYINCOMPOUND", func(t *testing.T) {
		checkWords(t, d, nil, []string{"صفر"})
	})
	t.Run("IGNORE", func(t *testing.T) {
		checkWords(t, d, []string{"كِتَابٌ", "كتـــاب", "مَدْرَسَاتٌ"}, []string{"كِتَب"})
	})
	t.Run("ICONV", func(t *testing.T) {
		checkWords(t, d, []string{"ﻻعب", "ﻻعبات"}, nil)
	})
	t.Run("separator lines", func(t *testing.T) {
		if got := d.Words(); got != 9 {
			t.Errorf("Words() = %d, want 9 (separators and file names skipped)", got)
		}
		checkWords(t, d, nil, []string{"::::::::::::::", "part1.dic", "part1"})
	})
	t.Run("REP and MAP", func(t *testing.T) {
		wantRep := [][2]string{{"^الى$", "إلى"}, {"ه$", "ة"}}
		if got := d.Rep(); !reflect.DeepEqual(got, wantRep) {
			t.Errorf("Rep() = %q, want %q", got, wantRep)
		}
		wantMap := [][]string{{"ا", "أ", "إ", "آ"}, {"ىء", "ئ"}}
		if got := d.Map(); !reflect.DeepEqual(got, wantMap) {
			t.Errorf("Map() = %q, want %q", got, wantMap)
		}
	})
}

func TestNumFlags(t *testing.T) {
	d := openFixture(t, "num")
	checkWords(t, d, []string{"play", "plays", "replay", "replays", "redo"}, []string{"do", "dos", "undo"})
}

func TestUTF8Flags(t *testing.T) {
	d := openFixture(t, "utf8")
	checkWords(t, d, []string{"walk", "walker", "unwalk", "unwalker", "talk"}, []string{"talker", "untalk"})
}

func TestCharFlagsLatin1(t *testing.T) {
	d := openFixture(t, "char")
	checkWords(t, d,
		[]string{
			"work", "works", "unwork", "unworks", "cities", "café", "cafés",
			"Work", "WORKS", "Paris", "PARIS", "foo",
			"work-city", "work.", "1,000.5", "2024-06-01", "-work",
			"bar", // a compound flag does not keep a word from standing alone
		},
		[]string{
			"citys", "unwork-", "paris", "Foo", "FOO", "1..0", "work-cityx",
		})
	if got := d.Ignored(); !slices.Contains(got, "COMPOUNDFLAG") {
		t.Errorf("Ignored() = %q, want COMPOUNDFLAG in it", got)
	}
}

func TestMalformed(t *testing.T) {
	_, err := Open(filepath.Join("testdata", "bad.aff"), filepath.Join("testdata", "num.dic"))
	if err == nil || !strings.Contains(err.Error(), "aff line 6:") {
		t.Errorf("bad.aff: error %v, want one at aff line 6", err)
	}
	for _, tc := range []struct{ aff, dic, want string }{
		{"FLAG long\nSFX Aa Y 1\nSFX A 0 s .\n", "1\nx\n", "aff line 3:"},
		{"SFX A Y 1\nSFX A 0 s [ab\n", "1\nx\n", "aff line 2:"},
		{"SFX A Y x\n", "1\nx\n", "aff line 1:"},
		{"FLAG odd\n", "1\nx\n", "aff line 1:"},
		{"FLAG num\nSFX 1 Y 1\nSFX 1 0 s .\n", "2\nx/1\ny/1,a\n", "dic line 3:"},
		{"AF 1\nAF AB\n", "2\nx/1\ny/2\n", "dic line 3:"},
		{"AF 2\nAF AB\n", "1\nx\n", "aff line 2:"},
		{"", "words\nx\n", "dic line 1:"},
		{"SET KOI9\n", "1\nx\n", "aff line 1:"},
	} {
		_, err := Load(strings.NewReader(tc.aff), strings.NewReader(tc.dic))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Load(%q, %q): error %v, want one at %s", tc.aff, tc.dic, err, tc.want)
		}
	}
}

func TestFind(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"xx.aff", "xx.dic", "yy.aff"} {
		if err := os.WriteFile(filepath.Join(dir, f), nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	aff, dic, err := Find("xx", []string{filepath.Join(dir, "none"), dir})
	if err != nil || aff != filepath.Join(dir, "xx.aff") || dic != filepath.Join(dir, "xx.dic") {
		t.Errorf("Find(xx) = %q, %q, %v", aff, dic, err)
	}
	if _, _, err := Find("yy", []string{dir}); !errors.Is(err, ErrNotFound) {
		t.Errorf("Find(yy) error %v, want ErrNotFound (no .dic)", err)
	}
	if aff, _, err := Find(filepath.Join(dir, "xx.aff"), nil); err != nil || aff != filepath.Join(dir, "xx.aff") {
		t.Errorf("Find(path) = %q, %v", aff, err)
	}
	t.Setenv("DICPATH", dir)
	if aff, _, err := Find("xx", nil); err != nil || aff != filepath.Join(dir, "xx.aff") {
		t.Errorf("Find with DICPATH = %q, %v", aff, err)
	}
}

func TestConcurrentSpell(t *testing.T) {
	d := openFixture(t, "long")
	words := []string{"كتاب", "وكتابهم", "لقلمي", "علم", "كتابات", "ﻻعبات", "مدرسةات"}
	want := make([]bool, len(words))
	for i, w := range words {
		want[i] = d.spell(w, 0)
	}
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for k := range 2000 {
				i := (g + k) % len(words)
				if got := d.Spell(words[i]); got != want[i] {
					t.Errorf("Spell(%q) = %v, want %v", words[i], got, want[i])
					return
				}
			}
		})
	}
	wg.Wait()
}

func TestCacheBound(t *testing.T) {
	c := newCache(cacheShards * 4)
	for i := range 10000 {
		c.put(strings.Repeat("x", i%50)+string(rune('a'+i%26))+string(rune(i)), true)
	}
	for i := range c.shards {
		if n := len(c.shards[i].m); n > 4 {
			t.Fatalf("shard %d holds %d words, limit 4", i, n)
		}
	}
}
