// Command daqiq-beam checks an archive of articles with daqiq's engine on
// Apache Beam: locally on the Prism runner (--runner=prism, the default),
// or on Dataflow, Flink or Spark. It reads JSON Lines as daqiq batch does
// and writes, under --output PREFIX, PREFIX-findings-<id>.jsonl (one line
// per article, exactly daqiq batch's; a shard per bundle, <id> 16 random
// hex digits), PREFIX-rules.jsonl (findings and articles per rule) and
// PREFIX-sources.jsonl (articles, failed lines, findings and findings per
// rule of each input file).
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/x/beamx"

	"github.com/daqiq/daqiq/cmd/internal/batch"
	"github.com/daqiq/daqiq/lint/config"
)

// globs is a flag given once or more.
type globs []string

func (g *globs) String() string     { return strings.Join(*g, ",") }
func (g *globs) Set(v string) error { *g = append(*g, v); return nil }

var (
	inputs      globs
	inputFormat = flag.String("input-format", "jsonl", "jsonl (one article per line, as daqiq batch reads) or txt (each file is an article; its id is its path)")
	output      = flag.String("output", "", "prefix of the output files: PREFIX-findings-<id>.jsonl (the output lines, in no order, a shard per bundle: cat them, or sort them by id, for daqiq batch's single file; refused if shards of an earlier run are there), PREFIX-rules.jsonl, PREFIX-sources.jsonl")
	textField   = flag.String("text-field", "text", "the field holding the article (a string)")
	idField     = flag.String("id-field", "id", "the field echoed as id (any JSON value); its string form is the diagnostics' path")
	dateField   = flag.String("date-field", "", "a field holding the dateline (YYYY-MM-DD, or an RFC 3339 timestamp) for the date rules")
	formatField = flag.String("format-field", "", "a field naming the article's format: txt, md or html (default txt)")
	configFile  = flag.String("config", "", "configuration file (default: $DAQIQ_CONFIG, else the nearest "+config.FileName+" from the first input's directory up); read where the pipeline is built and sent to the workers")
	lang        = flag.String("lang", os.Getenv("DAQIQ_LANG"), "language of the messages: ar (the default) or en (also lang in "+config.FileName+")")
	jobs        = flag.Int("jobs", 0, "articles checked at once in a bundle (0: the number of CPUs with --runner=prism or none given, 1 otherwise)")
	blockBytes  = flag.Int64("block-bytes", 1<<20, "input files are handed out in blocks of whole lines of about this many bytes")
)

func init() {
	flag.Var(&inputs, "input", "input files: a glob pattern (local, gs://, …); give it more than once for more patterns")
}

func main() {
	flag.Parse()
	beam.Init()
	o, err := optionsFromFlags()
	if err != nil {
		fmt.Fprintln(os.Stderr, "daqiq-beam:", err)
		os.Exit(2)
	}
	ctx := context.Background()
	if err := noEarlierShards(ctx, o); err != nil {
		fmt.Fprintln(os.Stderr, "daqiq-beam:", err)
		os.Exit(2)
	}
	p, s := beam.NewPipelineWithRoot()
	Build(s, o)
	if err := beamx.Run(ctx, p); err != nil {
		fmt.Fprintln(os.Stderr, "daqiq-beam:", err)
		os.Exit(1)
	}
}

func optionsFromFlags() (Options, error) {
	o := Options{
		Inputs: inputs, Output: *output, Lang: *lang, Jobs: *jobs, BlockBytes: *blockBytes,
		Fields: batch.Fields{Text: *textField, ID: *idField, Date: *dateField, Format: *formatField},
	}
	if len(o.Inputs) == 0 {
		return o, fmt.Errorf("--input is required")
	}
	if o.Output == "" {
		return o, fmt.Errorf("--output is required")
	}
	switch *inputFormat {
	case "jsonl":
	case "txt":
		o.TextInput = true
	default:
		return o, fmt.Errorf("--input-format %q: want jsonl or txt", *inputFormat)
	}
	if o.Jobs <= 0 {
		o.Jobs = 1
		if r := flag.Lookup("runner"); r == nil || r.Value.String() == "" || r.Value.String() == "prism" {
			o.Jobs = runtime.NumCPU()
		}
	}
	from := o.Inputs[0]
	if i := strings.IndexAny(from, "*?["); i >= 0 {
		from = filepath.Dir(from[:i] + "x")
	}
	if cp := config.Find(*configFile, from); cp != "" {
		src, err := config.ReadFile(cp)
		if err != nil {
			return o, err
		}
		if _, err := config.Parse(cp, src); err != nil {
			return o, err
		}
		o.ConfigPath, o.ConfigSrc = cp, string(src)
	}
	return o, nil
}

// noEarlierShards refuses an --output whose findings shards are already
// there: the shards of two runs could not be told apart.
func noEarlierShards(ctx context.Context, o Options) error {
	findings, _, _ := o.Outputs()
	fs, err := filesystem.New(ctx, findings)
	if err != nil {
		return err
	}
	defer fs.Close()
	old, err := fs.List(ctx, findings)
	if err != nil {
		return err
	}
	if len(old) > 0 {
		return fmt.Errorf("%s: %d shards of an earlier run (%s, …); remove them or give another --output", findings, len(old), old[0])
	}
	return nil
}
