package output

import (
	"encoding/json"
	"io"

	"github.com/daqiq/daqiq/lint"
)

// WriteJSONL writes JSON Lines: one object per diagnostic, one per line,
// with the fields of the JSON format (ToJSON). No diagnostics, no output.
func WriteJSONL(w io.Writer, files []lint.File) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, f := range files {
		for _, d := range ToJSON(f) {
			if err := enc.Encode(d); err != nil {
				return err
			}
		}
	}
	return nil
}
