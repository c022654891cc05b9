package config

import (
	"errors"
	"strings"
	"testing"
)

func TestParseTooLarge(t *testing.T) {
	src := []byte("# " + strings.Repeat("ب", (MaxSize-2)/2) + "\n")
	if _, err := Parse("x.toml", src[:MaxSize]); err != nil {
		t.Errorf("Parse of %d bytes: %v", MaxSize, err)
	}
	_, err := Parse("dir/.daqiq.toml", src)
	var e *Error
	if !errors.As(err, &e) || !errors.Is(err, ErrTooLarge) || e.Path != "dir/.daqiq.toml" || !strings.Contains(e.Msg, "1 MiB") {
		t.Fatalf("Parse of %d bytes: %v, want an *Error naming the file and the 1 MiB limit", len(src), err)
	}
}

func TestParseTooDeep(t *testing.T) {
	over, deep := MaxNesting+1, MaxKeyParts+1
	inline := func(n int) string { return strings.Repeat("{a=", n) + "1" + strings.Repeat("}", n) }
	dotted := func(n int) string { return strings.Repeat("a.", n-1) + "a" }
	for _, c := range []struct {
		name, src string
		line, col int // 0: no limit error
	}{
		{"inline tables", "# c\nx = " + inline(over) + "\n", 2, 5 + 3*MaxNesting},
		{"inline tables at the limit", "x = " + inline(MaxNesting) + "\n", 0, 0},
		{"arrays", "x = " + strings.Repeat("[", over) + strings.Repeat("]", over) + "\n", 1, 5 + MaxNesting},
		{"arrays over lines", "x = [\n" + strings.Repeat(" [\n", over-1) + strings.Repeat("]", over) + "\n", 1 + MaxNesting, 2},
		{"header", "[" + dotted(deep) + "]\n", 1, 2 + 2*MaxKeyParts - 1},
		{"header at the limit", "[" + dotted(MaxKeyParts) + "]\n", 0, 0},
		{"array table header", "[[" + dotted(deep) + "]]\n", 1, 3 + 2*MaxKeyParts - 1},
		{"quoted parts", "[rules." + strings.Repeat(`"a b".`, deep-2) + "x]\n", 1, 7 + 6*(MaxKeyParts-1)},
		{"spaced parts", "[" + strings.Repeat("a . ", deep-1) + "a]\n", 1, 2 + 4*(MaxKeyParts-1) + 2},
		{"dotted key", dotted(deep) + " = 1\n", 1, 2*MaxKeyParts - 1 + 1},
		{"dotted key in an inline table", "x = {" + dotted(deep) + " = 1}\n", 1, 6 + 2*MaxKeyParts - 1},
		{"after a BOM", "\uFEFFx = " + inline(over) + "\n", 1, 5 + 3*MaxNesting},
		{"Arabic before", "# «ب»\n\"ب\" = 1\n" + `"ج" = ` + inline(over) + "\n", 3, 7 + 3*MaxNesting},
		// strings and comments are not read
		{"floats", "x = [" + strings.Repeat("1.5, ", 200) + "2.5]\n", 0, 0},
		{"brackets in strings", `[[rule]]` + "\n" + `id = "a/b"` + "\n" + `kind = "pattern"` + "\n" +
			`pattern = "` + strings.Repeat(`\"[(`, 100) + `"` + "\n" + `message = '` + strings.Repeat("[.", 100) + "'\n", 0, 0},
		{"multi-line strings", "x = \"\"\"\n" + strings.Repeat("[a.", 100) + "\\\"\"\"\n\"\"\"\"\ny = '''" + strings.Repeat("{a.", 100) + "''''\n", 0, 0},
		{"comments", "# " + strings.Repeat("[a.", 100) + "\nx = 1 # " + strings.Repeat("{.", 100) + "\n", 0, 0},
		{"after a multi-line string", "x = '''\n[\n'''\ny = " + inline(over) + "\n", 4, 5 + 3*MaxNesting},
	} {
		_, err := Parse("c.toml", []byte(c.src))
		if c.line == 0 {
			if errors.Is(err, ErrTooDeep) {
				t.Errorf("%s: %v", c.name, err)
			}
			continue
		}
		var e *Error
		if !errors.As(err, &e) || !errors.Is(err, ErrTooDeep) || e.Path != "c.toml" || e.Line != c.line || e.Col != c.col {
			t.Errorf("%s: %v, want c.toml:%d:%d (%d)", c.name, err, c.line, c.col, MaxNesting)
		}
	}
}
