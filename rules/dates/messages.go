package dates

import (
	"embed"

	"github.com/daqiq/daqiq/lint/i18n"
)

//go:embed messages_ar.toml messages_en.toml
var messages embed.FS

func init() { i18n.RegisterFamily(messages, "rules/dates") }
