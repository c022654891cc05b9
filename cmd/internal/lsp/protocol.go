package lsp

import "encoding/json"

// The few Language Server Protocol (3.17) types daqiq lsp reads and
// writes, with the protocol's JSON names. Fields daqiq does not use are
// left out: encoding/json skips them when reading.

type Position struct {
	Line      int `json:"line"`
	Character int `json:"character"`
}

type Range struct {
	Start Position `json:"start"`
	End   Position `json:"end"`
}

type Location struct {
	URI   string `json:"uri"`
	Range Range  `json:"range"`
}

type TextEdit struct {
	Range   Range  `json:"range"`
	NewText string `json:"newText"`
}

type WorkspaceEdit struct {
	Changes map[string][]TextEdit `json:"changes"`
}

type CodeDescription struct {
	Href string `json:"href"`
}

type Diagnostic struct {
	Range           Range            `json:"range"`
	Severity        int              `json:"severity"`
	Code            string           `json:"code"`
	CodeDescription *CodeDescription `json:"codeDescription,omitempty"`
	Source          string           `json:"source"`
	Message         string           `json:"message"`
}

// Diagnostic severities.
const (
	SeverityError       = 1
	SeverityWarning     = 2
	SeverityInformation = 3
)

type PublishDiagnosticsParams struct {
	URI         string       `json:"uri"`
	Version     *int32       `json:"version,omitempty"`
	Diagnostics []Diagnostic `json:"diagnostics"`
}

type CodeAction struct {
	Title       string         `json:"title"`
	Kind        string         `json:"kind"`
	Diagnostics []Diagnostic   `json:"diagnostics,omitempty"`
	IsPreferred bool           `json:"isPreferred,omitempty"`
	Edit        *WorkspaceEdit `json:"edit"`
}

// Code action kinds.
const (
	KindQuickFix = "quickfix"
	KindFixAll   = "source.fixAll.daqiq"
)

type MarkupContent struct {
	Kind  string `json:"kind"`
	Value string `json:"value"`
}

type Hover struct {
	Contents MarkupContent `json:"contents"`
	Range    *Range        `json:"range,omitempty"`
}

// Settings are what initializationOptions and
// workspace/didChangeConfiguration (as is, or under "daqiq") may set.
type Settings struct {
	// Lang is the messages' language: ar or en.
	Lang *string `json:"lang"`
	// Dateline is the publication date, YYYY-MM-DD ("" for none: the
	// article's own).
	Dateline *string `json:"dateline"`
	// RulePages is the base URL of the rule pages of a daqiq serve
	// (http://localhost:8080/rules/): codeDescription.href links there.
	RulePages *string `json:"rulePages"`
	// Config is a configuration file for every document, as --config.
	Config *string `json:"config"`
}

type initializeParams struct {
	Capabilities struct {
		General struct {
			PositionEncodings []string `json:"positionEncodings"`
		} `json:"general"`
		Workspace struct {
			DidChangeWatchedFiles struct {
				DynamicRegistration bool `json:"dynamicRegistration"`
			} `json:"didChangeWatchedFiles"`
		} `json:"workspace"`
		TextDocument struct {
			Hover struct {
				ContentFormat []string `json:"contentFormat"`
			} `json:"hover"`
		} `json:"textDocument"`
	} `json:"capabilities"`
	InitializationOptions json.RawMessage `json:"initializationOptions"`
}

type textDocumentItem struct {
	URI        string `json:"uri"`
	LanguageID string `json:"languageId"`
	Version    int32  `json:"version"`
	Text       string `json:"text"`
}

type versionedDocument struct {
	URI     string `json:"uri"`
	Version int32  `json:"version"`
}

type documentID struct {
	URI string `json:"uri"`
}

type didOpenParams struct {
	TextDocument textDocumentItem `json:"textDocument"`
}

type contentChange struct {
	Range *Range `json:"range"`
	Text  string `json:"text"`
}

type didChangeParams struct {
	TextDocument   versionedDocument `json:"textDocument"`
	ContentChanges []contentChange   `json:"contentChanges"`
}

type didCloseParams struct {
	TextDocument documentID `json:"textDocument"`
}

type codeActionParams struct {
	TextDocument documentID `json:"textDocument"`
	Range        Range      `json:"range"`
	Context      struct {
		Only []string `json:"only"`
	} `json:"context"`
}

type hoverParams struct {
	TextDocument documentID `json:"textDocument"`
	Position     Position   `json:"position"`
}

type didChangeConfigurationParams struct {
	Settings json.RawMessage `json:"settings"`
}

type fileEvent struct {
	URI  string `json:"uri"`
	Type int    `json:"type"`
}

type didChangeWatchedFilesParams struct {
	Changes []fileEvent `json:"changes"`
}
