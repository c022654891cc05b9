package facts

import (
	_ "embed"

	"github.com/daqiq/daqiq/lint/i18n"
)

var (
	//go:embed messages_ar.toml
	messagesAr []byte
	//go:embed messages_en.toml
	messagesEn []byte
)

func init() {
	i18n.Register(i18n.Ar, "rules/facts/messages_ar.toml", messagesAr)
	i18n.Register(i18n.En, "rules/facts/messages_en.toml", messagesEn)
}
