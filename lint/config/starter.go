package config

import _ "embed"

// Starter is the commented configuration `daqiq init` writes: every
// setting, off or at its default, with what it does.
//
//go:embed starter.toml
var Starter []byte
