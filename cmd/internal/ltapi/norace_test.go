//go:build !race

package ltapi

const raceDetector = false
