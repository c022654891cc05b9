package corpus

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// ParseSize reads 20MB, 5KB or a byte count. KB and MB are binary, as in
// the Go benchmarks' 20<<20.
func ParseSize(s string) (int, error) {
	mult := 1
	u := strings.ToUpper(strings.TrimSpace(s))
	switch {
	case strings.HasSuffix(u, "MB"), strings.HasSuffix(u, "MIB"):
		mult = 1 << 20
	case strings.HasSuffix(u, "KB"), strings.HasSuffix(u, "KIB"):
		mult = 1 << 10
	}
	n, err := strconv.Atoi(strings.TrimRight(u, "KMIB"))
	if err != nil || n < 1 {
		return 0, fmt.Errorf("bad size %q (want N, NKB or NMB)", s)
	}
	return n * mult, nil
}

// Split cuts text into n parts of about the same size, each ending
// at a paragraph end; joined again they are text, byte for byte.
func Split(text []byte, n int) [][]byte {
	var out [][]byte
	start := 0
	for k := 1; k < n && start < len(text); k++ {
		target := max(k*len(text)/n, start)
		i := bytes.Index(text[target:], []byte("\n\n"))
		if i < 0 {
			break
		}
		end := target + i + 2
		out = append(out, text[start:end])
		start = end
	}
	if start < len(text) {
		out = append(out, text[start:])
	}
	return out
}

// WriteFiles writes parts as a000.txt, a001.txt, … into the directory dir
// (created; "" writes none) and as JSON Lines, {"id": "a000", "text": …}
// per line, into the file jsonl ("" writes none): the corpus of
// testdata/bench/bench.sh, for daqiq check and daqiq batch.
func WriteFiles(parts [][]byte, dir, jsonl string) error {
	if dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
	}
	var lines bytes.Buffer
	for i, part := range parts {
		id := fmt.Sprintf("a%03d", i)
		if dir != "" {
			if err := os.WriteFile(filepath.Join(dir, id+".txt"), part, 0o644); err != nil {
				return err
			}
		}
		if jsonl != "" {
			b, _ := json.Marshal(map[string]string{"id": id, "text": string(part)})
			lines.Write(append(b, '\n'))
		}
	}
	if jsonl != "" {
		return os.WriteFile(jsonl, lines.Bytes(), 0o644)
	}
	return nil
}
