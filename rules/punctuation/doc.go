// Package punctuation holds the punctuation rules for Arabic copy: spaces
// around marks, Latin marks in Arabic text, doubled marks, unbalanced
// quotes and brackets, the colon before a quotation.
//
// The family reads the token stream once per document (marks.go): it keeps
// the few marks any of its rules may care about and shares them, with the
// pairing of quotes and brackets, through Pass.Memo. Each rule then visits
// those marks alone.
package punctuation
