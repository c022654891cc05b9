// Package apijson writes the JSON answers of daqiq's HTTP APIs (the
// server's /api/v1 and the LanguageTool-compatible /v2): one encoding,
// Arabic and <>& as they are, for both.
package apijson

import (
	"bytes"
	"encoding/json"
	"errors"
	"net/http"
)

// Encode is v as JSON, Arabic and <>& as they are. It panics on a value
// that cannot be encoded: only the APIs' own types are.
func Encode(v any) []byte {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		panic(err)
	}
	return buf.Bytes()
}

// Write writes v as a JSON answer with the status code.
func Write(w http.ResponseWriter, code int, v any) { WriteBody(w, code, Encode(v)) }

// WriteBody writes an encoded JSON answer with the status code.
func WriteBody(w http.ResponseWriter, code int, body []byte) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(code)
	w.Write(body)
}

// TooLarge reports whether err says a request body went over its
// http.MaxBytesReader limit.
func TooLarge(err error) bool {
	var mb *http.MaxBytesError
	return errors.As(err, &mb)
}
