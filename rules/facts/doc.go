// Package facts holds the rules that check an article's figures against
// each other: a total against its listed parts, shares of one whole
// against 100%, a count word against the list it announces, an age
// against a birth year and the dateline.
package facts
