package arabic

import (
	"reflect"
	"strings"
	"testing"
)

// AddKey, given the keys a lexicon holds, builds the same lexicon as Add.
func TestAddKey(t *testing.T) {
	forms := []string{"الأمم المتحدة", "ألمانيا", "كوريا الشمالية", "محمد بن سلمان", "محمد بن زايد", "محمد", "أولاف شولتس"}
	a, b := NewLexicon(), NewLexicon()
	for i, f := range forms {
		a.Add(f, ClassNoArt, i)
	}
	for i, f := range forms {
		words := strings.Fields(f)
		for j, w := range words {
			words[j] = Key(w)
		}
		if !b.AddKey(strings.Join(words, " "), ClassNoArt, i) {
			t.Fatalf("AddKey %q: already present", f)
		}
	}
	if !reflect.DeepEqual(a.words, b.words) || !reflect.DeepEqual(a.phrases, b.phrases) || a.filter != b.filter {
		t.Errorf("AddKey built another lexicon:\n%v %v\n%v %v", a.words, a.phrases, b.words, b.phrases)
	}
}
