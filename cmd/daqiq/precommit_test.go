package main

import (
	"bytes"
	"context"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestPreCommitHooks runs the language: golang hooks of
// .pre-commit-hooks.yaml through the real pre-commit, the way a content
// repository uses them: the working tree of this repository (committed or
// not) is committed into a temporary repository, a temporary content
// repository points its .pre-commit-config.yaml at it by path and commit,
// and pre-commit clones it, builds daqiq with `go install ./...` and runs
// the hooks on an article with a misspelling.
//
// It skips without pre-commit, git or go, outside a git checkout, and with
// -short. Modules come from the local module cache when it has them (a
// file:// GOPROXY ahead of the usual one); PRE_COMMIT_HOME and GOPATH are
// temporary, the build cache is shared.
func TestPreCommitHooks(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: builds daqiq through pre-commit")
	}
	// the longest test of the package: the others run meanwhile
	t.Parallel()
	r := newPreCommitRig(t, "daqiq", "daqiq-fix")
	r.checkHooks("daqiq", "daqiq-fix", "pre-commit run daqiq (clone, go install, lint)")
	if matches, _ := filepath.Glob(r.goEnvGlob()); len(matches) == 0 {
		t.Errorf("no %s after the golang hooks ran", r.goEnvGlob())
	}
}

// TestPreCommitSystemHooks runs the language: system hooks the same way,
// with a daqiq built by the test first on PATH: pre-commit builds nothing
// and runs that binary. Without daqiq on PATH the hook fails and says so.
func TestPreCommitSystemHooks(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: builds daqiq")
	}
	t.Parallel()
	r := newPreCommitRig(t, "daqiq-system", "daqiq-fix-system")

	// PATH without any daqiq: pre-commit names the missing executable.
	var dirs []string
	for _, dir := range filepath.SplitList(os.Getenv("PATH")) {
		if _, err := os.Stat(filepath.Join(dir, "daqiq")); err != nil && dir != "" {
			dirs = append(dirs, dir)
		}
	}
	withPath := func(path string) {
		for i, kv := range r.env {
			if strings.HasPrefix(kv, "PATH=") {
				r.env[i] = "PATH=" + path
				return
			}
		}
		r.env = append(r.env, "PATH="+path)
	}
	withPath(strings.Join(dirs, string(os.PathListSeparator)))
	out, code := r.run(r.content, "pre-commit", "run", "--all-files", "--color", "never", "daqiq-system")
	if code != 1 || !strings.Contains(out, "Executable `daqiq` not found") {
		t.Fatalf("daqiq-system hook without daqiq on PATH: exit %d, want 1 and \"Executable `daqiq` not found\"\n%s", code, out)
	}

	bin := filepath.Join(r.tmp, "bin")
	build := exec.CommandContext(r.ctx, "go", "build", "-o", filepath.Join(bin, "daqiq"), ".")
	build.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	withPath(strings.Join(append([]string{bin}, dirs...), string(os.PathListSeparator)))
	r.checkHooks("daqiq-system", "daqiq-fix-system", "pre-commit run daqiq-system (lint)")
	if matches, _ := filepath.Glob(r.goEnvGlob()); len(matches) != 0 {
		t.Errorf("the system hooks built a Go environment: %v", matches)
	}
}

// preCommitRig is a hook repository (this working tree, committed) and a
// content repository whose .pre-commit-config.yaml uses the given hooks of
// it at that commit.
type preCommitRig struct {
	t       *testing.T
	ctx     context.Context
	tmp     string
	env     []string
	content string
	files   map[string]string
}

func newPreCommitRig(t *testing.T, hookIDs ...string) *preCommitRig {
	t.Helper()
	for _, tool := range []string{"pre-commit", "git", "go"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s is not installed", tool)
		}
	}
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, ".pre-commit-hooks.yaml")); err != nil {
		t.Fatal(err)
	}
	if err := exec.Command("git", "-C", root, "rev-parse", "--git-dir").Run(); err != nil {
		t.Skip("not a git checkout: cannot snapshot the working tree")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	t.Cleanup(cancel)

	tmp := t.TempDir()
	r := &preCommitRig{t: t, ctx: ctx, tmp: tmp, env: preCommitEnv(t, tmp)}

	// The hook repository: this working tree, committed.
	hooks := filepath.Join(tmp, "daqiq")
	list, err := exec.Command("git", "-C", root, "ls-files", "-z", "--cached", "--others", "--exclude-standard").Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range strings.Split(strings.TrimRight(string(list), "\x00"), "\x00") {
		if err := copyTracked(filepath.Join(root, name), filepath.Join(hooks, name)); err != nil {
			t.Fatal(err)
		}
	}
	r.must(hooks, "git", "init", "-q")
	r.must(hooks, "git", "add", "-A")
	r.must(hooks, "git", "commit", "-q", "--no-verify", "-m", "snapshot")
	rev := strings.TrimSpace(r.must(hooks, "git", "rev-parse", "HEAD"))

	// The content repository.
	r.content = filepath.Join(tmp, "content")
	config := "repos:\n" +
		"  - repo: " + filepath.ToSlash(hooks) + "\n" +
		"    rev: " + rev + "\n" +
		"    hooks:\n"
	for _, id := range hookIDs {
		config += "      - id: " + id + "\n"
	}
	r.files = map[string]string{
		"news/article.txt":        "قال المتحدث إن هاذا القرار نهائي.\n",
		"notes.md":                "# ملاحظات\n\nقال المتحدث إن القرار نهائي.\n",
		"script.py":               "# هاذا\n", // not markdown, html or plain text: never passed
		".pre-commit-config.yaml": config,
	}
	for name, text := range r.files {
		p := filepath.Join(r.content, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	r.must(r.content, "git", "init", "-q")
	r.must(r.content, "git", "add", "-A")
	return r
}

// goEnvGlob matches the Go environments pre-commit builds for language:
// golang hooks.
func (r *preCommitRig) goEnvGlob() string {
	return filepath.Join(r.tmp, "pre-commit", "repo*", "golangenv-*")
}

func (r *preCommitRig) run(dir string, name string, args ...string) (string, int) {
	r.t.Helper()
	cmd := exec.CommandContext(r.ctx, name, args...)
	cmd.Dir = dir
	cmd.Env = r.env
	out, err := cmd.CombinedOutput()
	code := 0
	if err != nil {
		ee, ok := err.(*exec.ExitError)
		if !ok || r.ctx.Err() != nil {
			r.t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
		}
		code = ee.ExitCode()
	}
	return string(out), code
}

func (r *preCommitRig) must(dir string, name string, args ...string) string {
	r.t.Helper()
	out, code := r.run(dir, name, args...)
	if code != 0 {
		r.t.Fatalf("%s %s: exit %d\n%s", name, strings.Join(args, " "), code, out)
	}
	return out
}

// checkHooks runs the lint hook (findings: exit 1, the article untouched),
// the fix hook (the article fixed, pre-commit reporting modified files)
// and the lint hook again (nothing left).
func (r *preCommitRig) checkHooks(lint, fix, what string) {
	t := r.t
	t.Helper()
	article := filepath.Join(r.content, "news/article.txt")
	start := time.Now()
	out, code := r.run(r.content, "pre-commit", "run", "--all-files", "--color", "never", lint)
	t.Logf("%s: %v\n%s", what, time.Since(start).Round(time.Millisecond), out)
	if code != 1 {
		t.Fatalf("%s hook: exit %d, want 1\n%s", lint, code, out)
	}
	for _, want := range []string{"Failed", "news/article.txt:1:", "spelling/misspelling", "هاذا"} {
		if !strings.Contains(out, want) {
			t.Errorf("%s hook output lacks %q:\n%s", lint, want, out)
		}
	}
	if strings.Contains(out, "script.py") || strings.Contains(out, "notes.md") {
		t.Errorf("%s hook reported a file it should not:\n%s", lint, out)
	}
	if got := readString(t, article); got != r.files["news/article.txt"] {
		t.Errorf("the %s hook changed the article:\n%s", lint, got)
	}

	out, code = r.run(r.content, "pre-commit", "run", "--all-files", "--color", "never", fix)
	if code != 1 || !strings.Contains(out, "files were modified by this hook") {
		t.Fatalf("%s hook: exit %d, want 1 with files modified\n%s", fix, code, out)
	}
	if got, want := readString(t, article), "قال المتحدث إن هذا القرار نهائي.\n"; got != want {
		t.Errorf("%s left\n%s\nwant\n%s", fix, got, want)
	}
	if got := readString(t, filepath.Join(r.content, "script.py")); got != r.files["script.py"] {
		t.Errorf("%s changed script.py:\n%s", fix, got)
	}

	out, code = r.run(r.content, "pre-commit", "run", "--all-files", "--color", "never", lint)
	if code != 0 || !strings.Contains(out, "Passed") {
		t.Fatalf("%s hook after the fix: exit %d, want 0\n%s", lint, code, out)
	}
}

// preCommitEnv is the environment for git, go and pre-commit: no user or
// system git configuration, a fixed identity, temporary PRE_COMMIT_HOME and
// GOPATH, and the local module cache as the first module proxy.
func preCommitEnv(t *testing.T, tmp string) []string {
	t.Helper()
	drop := map[string]bool{
		"GIT_DIR": true, "GIT_WORK_TREE": true, "GIT_INDEX_FILE": true, "GIT_OBJECT_DIRECTORY": true,
		"GIT_COMMON_DIR": true, "GIT_CEILING_DIRECTORIES": true, "GOBIN": true, "GOMODCACHE": true,
		"GOFLAGS": true, "GOPATH": true, "GOPROXY": true, "SKIP": true, "PRE_COMMIT_HOME": true,
		"PRE_COMMIT_COLOR": true, "DAQIQ_CONFIG": true,
	}
	var env []string
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		if !drop[k] {
			env = append(env, kv)
		}
	}
	proxy := goEnv(t, "GOPROXY")
	if cache := goEnv(t, "GOMODCACHE"); cache != "" {
		if _, err := os.Stat(filepath.Join(cache, "cache", "download")); err == nil {
			local := "file://" + filepath.ToSlash(filepath.Join(cache, "cache", "download"))
			if proxy == "" || proxy == "off" {
				proxy = local
			} else {
				proxy = local + "," + proxy
			}
		}
	}
	gitconfig := filepath.Join(tmp, "gitconfig")
	if err := os.WriteFile(gitconfig, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	return append(env,
		"GIT_CONFIG_NOSYSTEM=1",
		"GIT_CONFIG_GLOBAL="+gitconfig,
		"GIT_AUTHOR_NAME=daqiq test", "GIT_AUTHOR_EMAIL=test@daqiq.invalid",
		"GIT_COMMITTER_NAME=daqiq test", "GIT_COMMITTER_EMAIL=test@daqiq.invalid",
		"PRE_COMMIT_HOME="+filepath.Join(tmp, "pre-commit"),
		"GOPATH="+filepath.Join(tmp, "gopath"),
		"GOPROXY="+proxy,
		"GOFLAGS=-modcacherw", // the temporary module cache can be removed
		"NO_COLOR=1",
	)
}

func goEnv(t *testing.T, key string) string {
	t.Helper()
	out, err := exec.Command("go", "env", key).Output()
	if err != nil {
		t.Fatalf("go env %s: %v", key, err)
	}
	return strings.TrimSpace(string(out))
}

// copyTracked copies a file or symlink of the working tree; a file deleted
// but still in the index, or a submodule, is left out.
func copyTracked(src, dst string) error {
	fi, err := os.Lstat(src)
	if err != nil {
		if os.IsNotExist(err) {
			return nil
		}
		return err
	}
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return err
	}
	switch {
	case fi.Mode()&fs.ModeSymlink != 0:
		target, err := os.Readlink(src)
		if err != nil {
			return err
		}
		return os.Symlink(target, dst)
	case !fi.Mode().IsRegular():
		return nil
	}
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, fi.Mode().Perm())
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

func readString(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(bytes.TrimPrefix(data, []byte("\ufeff")))
}
