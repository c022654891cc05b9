package jsonutf8

import (
	"encoding/json"
	"math/rand/v2"
	"strings"
	"testing"
)

func TestCheck(t *testing.T) {
	for lit, ok := range map[string]bool{
		`{"text":"قال"}`:                    true,
		`{"text":"\ud83d\ude00 \u0041"}`:    true,
		`{"text":"\ufffd �"}`:               true,
		`{"text":"\\ud800"}`:                true, // a backslash, then ud800
		`{"text":"\\\ud800"}`:               false,
		`{"text":"\ud800"}`:                 false,
		`{"text":"\uD800x"}`:                false,
		`{"text":"\ud800\u0041"}`:           false,
		`{"text":"\ud800\ud800\udc00"}`:     false,
		`{"text":"\udc00"}`:                 false,
		`{"text":"\ud83d\\ude00"}`:          false,
		`{"text":"` + "\xff" + `"}`:         false,
		`{"text":"` + "\xed\xa0\x80" + `"}`: false, // a surrogate in UTF-8 (CESU-8)
		`{"text":"\ud8`:                     true,  // a syntax error, for the decoder
		`\`:                                 true,
	} {
		if err := Check([]byte(lit)); (err == nil) != ok {
			t.Errorf("Check(%q) = %v, want ok %v", lit, err, ok)
		}
	}
}

// Check refuses exactly the strings that encoding/json decodes with a
// U+FFFD nobody asked for.
func TestCheckAgainstEncodingJSON(t *testing.T) {
	type piece struct {
		lit   string
		fffds int // U+FFFD asked for
	}
	pieces := []piece{
		{`a`, 0}, {`قال`, 0}, {`\\`, 0}, {`\"`, 0}, {`\n`, 0}, {`\u0041`, 0}, {`\u0627`, 0},
		{`\ud800`, 0}, {`\udbff`, 0}, {`\udc00`, 0}, {`\uDFFF`, 0}, {`\ud83d\ude00`, 0},
		{`\ufffd`, 1}, {"\uFFFD", 1}, {"\xff", 0}, {"\xc3", 0}, {`\\u`, 0}, {`u`, 0}, {`d800`, 0},
	}
	r := rand.New(rand.NewPCG(3, 4))
	for i := 0; i < 20000; i++ {
		var b strings.Builder
		want := 0
		b.WriteString(`"`)
		for n := r.IntN(6); n > 0; n-- {
			p := pieces[r.IntN(len(pieces))]
			b.WriteString(p.lit)
			want += p.fffds
		}
		b.WriteString(`"`)
		lit := b.String()
		var s string
		if err := json.Unmarshal([]byte(lit), &s); err != nil {
			continue // e.g. \\u then d800 cut short: not a string literal
		}
		lossless := strings.Count(s, "\uFFFD") == want
		if err := Check([]byte(lit)); (err == nil) != lossless {
			t.Fatalf("Check(%q) = %v, but encoding/json decodes %q (%d U+FFFD asked for)", lit, err, s, want)
		}
	}
}
