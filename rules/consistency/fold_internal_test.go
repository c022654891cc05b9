package consistency

import (
	"strings"
	"testing"
)

// TestFoldKey: the byte-level fold of a key is the letter fold it stands
// for (أ إ آ ٱ → ا، ؤ → و، ئ ى → ي، ة → ه), copies nothing when nothing
// folds, and leaves other letters alone (keys are valid UTF-8).
func TestFoldKey(t *testing.T) {
	ref := func(s string) string {
		return strings.Map(func(r rune) rune {
			switch r {
			case 'أ', 'إ', 'آ', 'ٱ':
				return 'ا'
			case 'ؤ':
				return 'و'
			case 'ئ', 'ى':
				return 'ي'
			case 'ة':
				return 'ه'
			}
			return r
		}, s)
	}
	for _, k := range []string{"", "أردوغان", "إيدي", "آمنة", "ٱلله", "مؤسسة", "رئيس", "مصطفى", "فاطمة", "راما", "abc", "ن", "زيلينسكي", "\xd8\xa3"} {
		if got, want := foldKey(k), ref(k); got != want {
			t.Errorf("foldKey(%q) = %q, want %q", k, got, want)
		}
		if got, want := string(foldAppend([]byte(">"), k)), ">"+ref(k); got != want {
			t.Errorf("foldAppend(%q) = %q, want %q", k, got, want)
		}
	}
}

func TestStartsWithAl(t *testing.T) {
	for k, want := range map[string]bool{"الرئيس": true, "ألمانيا": true, "إلهام": true, "آلاف": true, "ٱلله": true, "البا": true, "ال": true, "لبنان": false, "أحمد": false, "ا": false, "": false, "وال": false} {
		if got := startsWithAl(k); got != want {
			t.Errorf("startsWithAl(%q) = %v, want %v", k, got, want)
		}
	}
}
