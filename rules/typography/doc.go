// Package typography holds the typography rules: words and numbers run
// together, runs of spaces, hidden and bidi characters, tatweel, mixed
// digit sets.
package typography
