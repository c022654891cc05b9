package kinds

import (
	"strings"
	"testing"
)

// deleteLine removes the repeated line with one line end, whichever the
// file uses: \n, \r\n or a lone \r (old Mac files).
func TestDeleteLine(t *testing.T) {
	for _, c := range []struct{ text, line, want string }{
		{"أ\nب\nب\nج\n", "ب\nج", "أ\nب\nج\n"},
		{"أ\r\nب\r\nب\r\nج\r\n", "ب\r\nج", "أ\r\nب\r\nج\r\n"},
		{"أ\rب\rب\rج\r", "ب\rج", "أ\rب\rج\r"},
		{"أ\nب\nب", "", "أ\nب"},
		{"أ\r\nب\r\nب", "", "أ\r\nب"},
		{"أ\rب\rب", "", "أ\rب"},
	} {
		// the second ب: after the first line end that follows the first ب
		first := strings.Index(c.text, "ب")
		start := first + len("ب")
		start += strings.Index(c.text[start:], "ب")
		e := deleteLine(c.text, start, start+len("ب"))
		got := c.text[:e.Start] + e.New + c.text[e.End:]
		if got != c.want {
			t.Errorf("%q: deleting the second line gave %q, want %q", c.text, got, c.want)
		}
	}
}
