//go:build race

package ltapi

// raceDetector: built with -race, which makes every check several times
// slower; the scaling test then measures smaller texts.
const raceDetector = true
