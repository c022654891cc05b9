//go:build !daqiq_nogen

package generate

// withGenerated reports whether this build holds the generated files (it is
// not built with the tag daqiq_nogen).
const withGenerated = true
