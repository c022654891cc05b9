package checkrun

import (
	"errors"
	"fmt"
	"io"

	"github.com/daqiq/daqiq/cmd/internal/files"
	"github.com/daqiq/daqiq/cmd/internal/git"
	"github.com/daqiq/daqiq/engine"
	"github.com/daqiq/daqiq/lint"
	"github.com/daqiq/daqiq/lint/config"
)

// Paths are what daqiq check and baseline are given to check.
type Paths struct {
	Args      []string   // the paths named, - for standard input; none: . (or, Staged, none)
	Staged    bool       // --staged: the staged content of the staged files
	Config    string     // --config: the configuration file of every input ("": each finds its own)
	StdinName string     // --stdin-filename: the name standard input is reported by
	Stdin     io.Reader  // standard input, read when Args has -
	Fix       bool       // --fix: standard input is refused
	Fail      lint.Level // --fail-level (0: each configuration's)
}

// Gather lists the inputs named on the command line (or the staged files
// with --staged) and finds the rules and fail level of each. Files are not
// read here but by the workers, each just before it is checked (see
// Stream); standard input and staged content are read here. Each
// input is handled on its own: one that cannot be read, is not valid UTF-8
// or is binary is reported (exit 2, never written) and the others are
// checked; a binary file found by a directory walk or among the staged
// files is only a warning on stderr. A file named twice (or named and
// found by a walk) is checked once. The returned error stops the run: a
// usage, configuration or git error, its message ready to print.
func Gather(p Paths) ([]*Input, error) {
	// each configuration file is read once, for its excludes (the walk)
	// and its rules (the engine)
	loaded := map[string]*config.Config{}
	load := func(path string) (*config.Config, error) {
		if path == "" {
			return nil, nil
		}
		if cfg, ok := loaded[path]; ok {
			return cfg, nil
		}
		cfg, err := config.Load(path)
		if err != nil {
			return nil, err
		}
		loaded[path] = cfg
		return cfg, nil
	}
	var inputs []*Input
	args := p.Args
	if len(args) == 0 && !p.Staged {
		args = []string{"."}
	}
	// a file reached twice (named twice, named and walked, through a
	// link or another relative path) is one input: --fix must not write
	// it twice, whatever -j says; named once is named. One argument
	// cannot reach a file twice (a walk follows no links): its files are
	// not looked up.
	seen := map[string]*Input{}
	add := func(in *Input) {
		if in.real != "" && len(args) > 1 {
			key := files.SameFileKey(in.real)
			if first := seen[key]; first != nil {
				first.walked = first.walked && in.walked
				return
			}
			seen[key] = in
		}
		inputs = append(inputs, in)
	}
	if p.Staged {
		staged, err := git.StagedFiles()
		if err != nil {
			return nil, err
		}
		for _, sp := range staged {
			if !files.HasDefaultExt(sp) {
				continue
			}
			// the configuration's exclude skips a staged file as it
			// would in a walk of the folders
			cfg, err := load(config.Find(p.Config, sp))
			if err != nil {
				return nil, err
			}
			if files.Excluded(sp, cfg) {
				continue
			}
			// read by load (git show :path), reported under its own name;
			// the working tree is not touched
			add(&Input{Path: sp, staged: true, walked: true})
		}
	}
	for _, a := range args {
		if a == "-" {
			name := p.StdinName
			if name == "" {
				name = "-"
			}
			data, err := io.ReadAll(p.Stdin)
			if err != nil {
				err = fmt.Errorf("reading standard input: %v", err)
			}
			if data == nil {
				data = []byte{}
			}
			add(&Input{Path: name, data: data, err: err})
			continue
		}
		cfg, err := load(config.Find(p.Config, a))
		if err != nil {
			return nil, err
		}
		for _, f := range files.Expand(a, cfg) {
			add(&Input{Path: f.Path, real: f.Path, err: f.Err, walked: f.Walked})
		}
	}
	if p.Fix {
		for _, in := range inputs {
			if in.real == "" {
				return nil, errors.New("--fix cannot write to standard input: use --diff")
			}
		}
	}
	configs := map[string]*engine.Engine{}
	for _, in := range inputs {
		if in.err != nil {
			continue
		}
		from := in.real
		if in.staged {
			from = in.Path
		}
		if from == "" {
			from = in.Path
			if from == "-" {
				from = "."
			}
		}
		cfgPath := config.Find(p.Config, from)
		eng, ok := configs[cfgPath]
		if !ok {
			cfg, err := load(cfgPath)
			if err != nil {
				return nil, err
			}
			if eng, err = engine.New(cfg); err != nil {
				return nil, err
			}
			configs[cfgPath] = eng
		}
		in.Engine, in.From = eng, from
		in.Fail = eng.FailLevel()
		if p.Fail != 0 {
			in.Fail = p.Fail
		}
	}

	return inputs, nil
}
