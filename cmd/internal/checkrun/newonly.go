package checkrun

import (
	"github.com/daqiq/daqiq/cmd/internal/git"
	"github.com/daqiq/daqiq/lint"
)

// OnlyChanged keeps the findings that start on a line added or changed
// since rev (the staged content against HEAD for --staged).
func OnlyChanged(f lint.File, in *Input, rev string) (lint.File, error) {
	var lines map[int]bool
	var err error
	if in.staged {
		lines, err = git.StagedChangedLines(in.Path)
	} else {
		lines, err = git.ChangedLines(rev, in.Path)
	}
	if err != nil {
		return f, err
	}
	var kept []lint.Diagnostic
	for _, d := range f.Diagnostics {
		if lines[f.Doc.Pos(d.Start).Line] {
			kept = append(kept, d)
		}
	}
	f.Diagnostics = kept
	return f, nil
}
