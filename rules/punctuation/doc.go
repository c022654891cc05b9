// Package punctuation holds the punctuation rules for Arabic copy: spaces
// around marks, Latin marks in Arabic text, doubled marks, unbalanced
// quotes and brackets, the colon before a quotation.
package punctuation
