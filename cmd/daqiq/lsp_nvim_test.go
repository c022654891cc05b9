package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// nvimScript drives Neovim's built-in LSP client (0.7 and later) with
// the daqiq binary as the server: it opens the article, waits for
// vim.diagnostic.get() to hold the findings, asks for the code actions at
// the first one, applies the preferred quick fix, waits for the
// diagnostics to clear, and writes what it saw as JSON.
const nvimScript = `
local bin, file, out = os.getenv('DAQIQ_BIN'), os.getenv('DAQIQ_FILE'), os.getenv('DAQIQ_OUT')
local report = {}
local function finish()
  local f = io.open(out, 'w')
  f:write(vim.fn.json_encode(report))
  f:close()
  vim.cmd('qa!')
end
local ok, err = pcall(function()
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local id = vim.lsp.start_client({ name = 'daqiq', cmd = { bin, 'lsp' }, root_dir = vim.fn.fnamemodify(file, ':h') })
  vim.lsp.buf_attach_client(0, id)
  vim.wait(20000, function() return #vim.diagnostic.get(0) > 0 end, 20)
  report.before = {}
  for _, d in ipairs(vim.diagnostic.get(0)) do
    table.insert(report.before, { lnum = d.lnum, col = d.col, end_col = d.end_col, severity = d.severity, source = d.source, message = d.message })
  end
  local d = vim.diagnostic.get(0)[1]
  if d == nil then return end
  vim.api.nvim_win_set_cursor(0, { d.lnum + 1, d.col })
  local params = vim.lsp.util.make_range_params()
  params.context = { diagnostics = {} }
  local res = vim.lsp.buf_request_sync(0, 'textDocument/codeAction', params, 10000) or {}
  report.titles = {}
  local chosen
  for _, r in pairs(res) do
    for _, a in ipairs(r.result or {}) do
      table.insert(report.titles, a.title)
      if a.isPreferred and chosen == nil then chosen = a end
    end
  end
  if chosen == nil then return end
  vim.lsp.util.apply_workspace_edit(chosen.edit, 'utf-16')
  vim.wait(20000, function() return #vim.diagnostic.get(0) == 0 end, 20)
  report.after = #vim.diagnostic.get(0)
  report.lines = vim.api.nvim_buf_get_lines(0, 0, -1, false)
end)
if not ok then report.error = tostring(err) end
finish()
`

// TestNeovim is the end-to-end test with a real client: Neovim headless
// runs the built daqiq as its language server on an Arabic article with
// an emoji before the finding (UTF-16 positions, which Neovim turns into
// byte columns), reads vim.diagnostic.get() and applies the preferred
// quick fix. It skips when nvim is not installed (Debian's neovim;
// .ci/run installs it).
func TestNeovim(t *testing.T) {
	nvim, err := exec.LookPath("nvim")
	if err != nil {
		t.Skip("nvim not installed (apt-get install neovim): the Neovim end-to-end test of daqiq lsp is skipped")
	}
	if testing.Short() {
		t.Skip("builds the binary: not under -short")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "daqiq")
	build := exec.Command("go", "build", "-o", bin, ".")
	build.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	docs := filepath.Join(dir, "news")
	if err := os.Mkdir(docs, 0o755); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(docs, "article.txt")
	const text = "😀 عقد الوزير إجتماع مع المديرين.\n"
	if err := os.WriteFile(file, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	script, out := filepath.Join(dir, "test.lua"), filepath.Join(dir, "out.json")
	if err := os.WriteFile(script, []byte(nvimScript), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, nvim, "--headless", "--clean", "-n", "-c", "luafile "+script)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "DAQIQ_BIN="+bin, "DAQIQ_FILE="+file, "DAQIQ_OUT="+out,
		"DAQIQ_CONFIG=", "DAQIQ_LANG=", "XDG_STATE_HOME="+dir, "XDG_DATA_HOME="+dir, "XDG_CONFIG_HOME="+dir)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("nvim: %v\n%s", err, b)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	var rep struct {
		Error  string
		Before []struct {
			Lnum     int `json:"lnum"`
			Col      int `json:"col"`
			EndCol   int `json:"end_col"`
			Severity int
			Source   string
			Message  string
		}
		Titles []string
		After  *int
		Lines  []string
	}
	if err := json.Unmarshal(data, &rep); err != nil {
		t.Fatalf("%v: %s", err, data)
	}
	t.Logf("Neovim saw: %s", data)
	if rep.Error != "" {
		t.Fatalf("the Lua script failed: %s", rep.Error)
	}
	if len(rep.Before) != 1 {
		t.Fatalf("vim.diagnostic.get(): %s, want one finding", data)
	}
	// Neovim's columns are bytes: 😀 (4) + space + عقد (6) + space +
	// الوزير (12) + space = 25, and إجتماع is 12 bytes
	if b := rep.Before[0]; b.Lnum != 0 || b.Col != 25 || b.EndCol != 37 {
		t.Errorf("finding at line %d, bytes %d–%d; want 0, 25–37", b.Lnum, b.Col, b.EndCol)
	}
	if d := rep.Before[0]; d.Severity != 1 || d.Source != "daqiq" || !strings.Contains(d.Message, "اجتماع") {
		t.Errorf("finding %+v", d)
	}
	if len(rep.Titles) == 0 || rep.Titles[0] != "اكتب «اجتماع»" {
		t.Errorf("code actions %q", rep.Titles)
	}
	if rep.After == nil || *rep.After != 0 {
		t.Errorf("diagnostics after the fix: %v, want none", rep.After)
	}
	if want := strings.TrimSuffix(strings.Replace(text, "إجتماع", "اجتماع", 1), "\n"); len(rep.Lines) == 0 || rep.Lines[0] != want {
		t.Errorf("buffer after the fix %q, want %q", rep.Lines, want)
	}
}

// TestLSPStdio runs daqiq lsp as the command line does: standard output
// holds nothing but framed protocol messages, and exit after shutdown is
// exit code 0.
func TestLSPStdio(t *testing.T) {
	frame := func(s string) string { return "Content-Length: " + strconv.Itoa(len(s)) + "\r\n\r\n" + s }
	in := frame(`{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}`) +
		frame(`{"jsonrpc":"2.0","method":"initialized","params":{}}`) +
		frame(`{"jsonrpc":"2.0","id":2,"method":"shutdown"}`) +
		frame(`{"jsonrpc":"2.0","method":"exit"}`)
	var stdout, stderr bytes.Buffer
	if code := run([]string{"daqiq", "lsp", "--stdio"}, strings.NewReader(in), &stdout, &stderr); code != 0 {
		t.Fatalf("exit code %d; stderr: %s", code, stderr.String())
	}
	rest := stdout.String()
	var n int
	for rest != "" {
		head, body, ok := strings.Cut(rest, "\r\n\r\n")
		length, err := strconv.Atoi(strings.TrimPrefix(head, "Content-Length: "))
		if !ok || err != nil || length > len(body) || !json.Valid([]byte(body[:length])) {
			t.Fatalf("stdout is not protocol messages alone: %q", stdout.String())
		}
		rest, n = body[length:], n+1
	}
	if n != 2 {
		t.Errorf("%d messages on stdout, want the 2 answers: %q", n, stdout.String())
	}
	if code := run([]string{"daqiq", "lsp", "--lang", "fr"}, strings.NewReader(""), &stdout, &stderr); code != 2 {
		t.Errorf("--lang fr: exit code %d, want 2", code)
	}
	if code := run([]string{"daqiq", "lsp"}, strings.NewReader(""), &stdout, &stderr); code != 1 {
		t.Errorf("input closed without exit: exit code %d, want 1", code)
	}
}
