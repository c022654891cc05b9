package config

import (
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"

	"github.com/daqiq/daqiq/lint/linttest/scaling"
)

// matchGlobBacktrack is MatchGlob before it was memoised, verbatim but for
// the name: backtracking, exponential in the number of **, which is why it
// gave up (matched nothing) beyond 8 of them.
func matchGlobBacktrack(glob, path string) bool {
	var segs []string
	for _, g := range strings.Split(glob, "/") {
		if g == "**" && len(segs) > 0 && segs[len(segs)-1] == "**" {
			continue // a/**/**/b is a/**/b: keeps the match linear in practice
		}
		segs = append(segs, g)
	}
	if n := strings.Count(glob, "**"); n > 8 {
		return false // a pathological glob matches nothing rather than hang
	}
	return matchSegsBacktrack(segs, strings.Split(path, "/"))
}

func matchSegsBacktrack(g, p []string) bool {
	for len(g) > 0 {
		if g[0] == "**" {
			for i := 0; i <= len(p); i++ {
				if matchSegsBacktrack(g[1:], p[i:]) {
					return true
				}
			}
			return false
		}
		if len(p) == 0 {
			return false
		}
		if ok, err := filepath.Match(g[0], p[0]); err != nil || !ok {
			return false
		}
		g, p = g[1:], p[1:]
	}
	return len(p) == 0
}

// TestMatchGlobSameAsBacktracking compares MatchGlob with the backtracking
// matcher on random globs and paths. Beyond 8 ** the old matcher gave up
// by design; there the comparison is with its backtracking without the
// cut-off (affordable on paths this short).
func TestMatchGlobSameAsBacktracking(t *testing.T) {
	r := rand.New(rand.NewPCG(12, 10))
	globSegs := []string{"**", "**", "**", "*", "a", "b", "?", "a*", "*b", "[ab]", "[", "", "***", "a**", "?*?", "خ*", "[!a]", `\*`}
	pathSegs := []string{"a", "b", "ab", "ba", "", "c", "خبر", "*", "aab", "[", "bb"}
	for i := 0; i < 30000; i++ {
		g := make([]string, r.IntN(12))
		for k := range g {
			g[k] = globSegs[r.IntN(len(globSegs))]
		}
		p := make([]string, r.IntN(9))
		for k := range p {
			p[k] = pathSegs[r.IntN(len(pathSegs))]
		}
		glob, path := strings.Join(g, "/"), strings.Join(p, "/")
		want := matchGlobBacktrack(glob, path)
		if strings.Count(glob, "**") > 8 {
			var segs []string
			for _, s := range strings.Split(glob, "/") {
				if s != "**" || len(segs) == 0 || segs[len(segs)-1] != "**" {
					segs = append(segs, s)
				}
			}
			want = matchSegsBacktrack(segs, strings.Split(path, "/"))
		}
		if got := MatchGlob(glob, path); got != want {
			t.Fatalf("MatchGlob(%q, %q) = %v, backtracking says %v", glob, path, got, want)
		}
	}
}

// TestMatchGlobLinear: a glob with 8 ** that fails on a path 48 folders
// deep took 64 s; now twice the path takes twice the time.
func TestMatchGlobLinear(t *testing.T) {
	glob := strings.Repeat("**/a/", 8) + "b"
	if !MatchGlob(strings.Repeat("**/", 9)+"b", "x/y/b") {
		t.Error("a glob with nine ** matches nothing")
	}
	scaling.Linear(t, 200, func(n int) func() {
		path := strings.Repeat("a/", n) + "c"
		return func() {
			for range 3000 {
				if MatchGlob(glob, path) {
					t.Fatal("matched")
				}
			}
		}
	})
}
