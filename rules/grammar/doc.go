// Package grammar holds the grammar rules an Arabic copy editor applies on
// every page: إنّ or أنّ after reporting verbs, the counted noun after a
// numeral written in digits.
package grammar
