package i18n

import (
	"slices"
	"testing"
)

func TestParse(t *testing.T) {
	for in, want := range map[string]Lang{"": Ar, "ar": Ar, "AR-sa": Ar, "en": En, "en_US": En, " en-GB ": En} {
		if got, err := Parse(in); err != nil || got != want {
			t.Errorf("Parse(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for _, bad := range []string{"fr", "arabic", "e"} {
		if _, err := Parse(bad); err == nil {
			t.Errorf("Parse(%q): no error", bad)
		}
	}
}

func TestFormat(t *testing.T) {
	for _, c := range []struct {
		tmpl string
		args []any
		want string
	}{
		{"«{1}»، والصواب «{2}»", []any{"فى", "في"}, "«فى»، والصواب «في»"},
		{"{2} before {1}", []any{"a", "b"}, "b before a"},
		{"{x} {1} {} {3}", []any{7}, "{x} 7 {} "},
		{"no arguments", nil, "no arguments"},
	} {
		if got := Format(c.tmpl, c.args...); got != c.want {
			t.Errorf("Format(%q) = %q, want %q", c.tmpl, got, c.want)
		}
	}
	if got := Args("{2} and {1} and {2}"); !slices.Equal(got, []int{1, 2}) {
		t.Errorf("Args = %v", got)
	}
}

// TestPlural: the forms of Arabic counts, and English's thousands.
func TestPlural(t *testing.T) {
	for n, want := range map[int]string{1: "ملف واحد", 2: "ملفين", 3: "3 ملفات", 10: "10 ملفات", 11: "11 ملفا", 99: "99 ملفا", 100: "100 ملف", 105: "105 ملفات", 111: "111 ملفا", 1000: "1000 ملف"} {
		if got := Count(Ar, "files", n); got != want {
			t.Errorf("Count(Ar, files, %d) = %q, want %q", n, got, want)
		}
	}
	for n, want := range map[int]string{1: "1 file", 2: "2 files", 1500: "1,500 files", 1234567: "1,234,567 files"} {
		if got := Count(En, "files", n); got != want {
			t.Errorf("Count(En, files, %d) = %q, want %q", n, got, want)
		}
	}
}

// TestTextCatalogues: the program's own messages have the same keys in
// both languages (plural forms aside) and the same arguments.
func TestTextCatalogues(t *testing.T) {
	ar, en := Tables(Ar)["text"], Tables(En)["text"]
	base := func(k string) string {
		for _, f := range []string{".one", ".two", ".few", ".many", ".other"} {
			if len(k) > len(f) && k[len(k)-len(f):] == f {
				return k[:len(k)-len(f)]
			}
		}
		return k
	}
	keys := func(m map[string]string) map[string]bool {
		out := map[string]bool{}
		for k := range m {
			out[base(k)] = true
		}
		return out
	}
	ka, ke := keys(ar), keys(en)
	for k := range ka {
		if !ke[k] {
			t.Errorf("text.%s: Arabic only", k)
		}
	}
	for k := range ke {
		if !ka[k] {
			t.Errorf("text.%s: English only", k)
		}
	}
	for k, v := range en {
		if w, ok := ar[k]; ok && !slices.Equal(Args(v), Args(w)) && base(k) == k {
			t.Errorf("text.%s: arguments %v in English, %v in Arabic", k, Args(v), Args(w))
		}
	}
	for k := range ar {
		if base(k) != k && ar[base(k)+".other"] == "" {
			t.Errorf("text.%s: no .other form", base(k))
		}
	}
}
