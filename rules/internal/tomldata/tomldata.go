// Package tomldata decodes the rule families' embedded TOML data files.
package tomldata

import (
	"fmt"

	"github.com/BurntSushi/toml"
)

// Decode decodes data, the TOML file name, into v strictly: a key v has no
// field for is an error, so that a misspelt table in a data file fails the
// tests instead of being ignored. Errors start with the file's name.
func Decode(name string, data []byte, v any) error {
	md, err := toml.Decode(string(data), v)
	if err != nil {
		return fmt.Errorf("%s: %v", name, err)
	}
	if und := md.Undecoded(); len(und) > 0 {
		return fmt.Errorf("%s: unknown key %s", name, und[0])
	}
	return nil
}
