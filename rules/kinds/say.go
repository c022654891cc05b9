package kinds

import (
	"strings"

	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/lint/i18n"
)

// say is the message of a word-list or pattern finding, with the word
// and the fix in {1} and {2} and the rule id in {3}: the built-in rule's
// "message" in the catalogue, in the pass's language; else the template
// a custom rule of .daqiq.toml was given ({word} and {fix} quoted as the
// pass's language quotes); else the kind's own message (kinds.key).
func say(p *lint.Pass, tmpl, key, word, fix string) string {
	if tmpl, ok := i18n.Lookup(p.Lang(), p.Rule.ID, "message"); ok {
		return i18n.Format(tmpl, word, fix, p.Rule.ID)
	}
	if _, ok := i18n.Lookup(i18n.En, p.Rule.ID, "message"); ok {
		return p.T("message", word, fix, p.Rule.ID) // records the gap
	}
	if tmpl != "" {
		return strings.ReplaceAll(strings.ReplaceAll(tmpl, "{word}", p.Q(word)), "{fix}", p.Q(fix))
	}
	return i18n.T(p.Lang(), "kinds", key, word, fix, p.Rule.ID)
}

// kindT is a message of the kinds table in the pass's language.
func kindT(p *lint.Pass, key string, args ...any) string {
	return i18n.T(p.Lang(), "kinds", key, args...)
}
