//go:build race

package serve

// raceDetector: built with -race, which makes every check several times
// slower; the load test then checks fewer requests and no speed floor.
const raceDetector = true
