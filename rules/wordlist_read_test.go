//go:build unix

package rules_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/daqiq/daqiq/lint/config"
	"github.com/daqiq/daqiq/rules"
)

// A word list that is not a regular file (a link to /dev/zero, which would
// fill the memory) or is over config.MaxFileSize is an error naming it, for
// a built-in rule's wordlists and a custom rule's alike.
func TestWordListsRegularAndCapped(t *testing.T) {
	if _, err := os.Stat("/dev/zero"); err != nil {
		t.Skip(err)
	}
	dir := t.TempDir()
	if err := os.Symlink("/dev/zero", filepath.Join(dir, "zero.toml")); err != nil {
		t.Skip(err)
	}
	big := filepath.Join(dir, "big.toml")
	if err := os.WriteFile(big, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(big, config.MaxFileSize+1); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ name, toml, want string }{
		{"builtin", "[rules.\"spelling/misspelling\"]\nwordlists = [\"zero.toml\"]\n", "zero.toml: not a regular file (a device)"},
		{"custom", "[[rule]]\nid = \"house/words\"\nkind = \"substitution\"\nwordlists = [\"zero.toml\"]\n", "zero.toml: not a regular file (a device)"},
		{"big", "[rules.\"spelling/misspelling\"]\nwordlists = [\"big.toml\"]\n", "big.toml: larger than 16 MiB"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(dir, tc.name+".daqiq.toml")
			if err := os.WriteFile(path, []byte(tc.toml), 0o644); err != nil {
				t.Fatal(err)
			}
			cfg, err := config.Load(path)
			if err != nil {
				t.Fatal(err)
			}
			_, err = rules.Load(cfg)
			if err == nil || !strings.Contains(err.Error(), filepath.Join(dir, tc.want)) || !strings.HasPrefix(err.Error(), path+":") {
				t.Errorf("got %v, want an error at %s naming %s", err, path, tc.want)
			}
		})
	}
}
