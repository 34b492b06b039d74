package bicep

import (
	"strconv"

	"github.com/lhlint/lhlint/internal/model"
)

// Kind is the kind of a token. The names are those of the Bicep compiler's
// token types, so a token stream can be compared with its baselines.
type Kind uint8

// The token kinds.
const (
	EndOfFile Kind = iota
	Unrecognized
	NewLine
	Identifier
	Integer
	TrueKeyword
	FalseKeyword
	NullKeyword
	StringComplete    // 'abc', or a whole ''' string without holes
	StringLeftPiece   // 'abc${
	StringMiddlePiece // }abc${
	StringRightPiece  // }abc'
	At
	LeftBrace
	RightBrace
	LeftParen
	RightParen
	LeftSquare
	RightSquare
	Comma
	Dot
	Ellipsis
	Question
	DoubleQuestion
	Colon
	DoubleColon
	Semicolon
	Assignment
	Arrow
	Plus
	Minus
	Asterisk
	Slash
	Modulo
	Exclamation
	LeftChevron
	RightChevron
	LessThanOrEqual
	GreaterThanOrEqual
	Equals
	NotEquals
	EqualsInsensitive
	NotEqualsInsensitive
	LogicalAnd
	LogicalOr
	Pipe
	Hat
	numKinds
)

var kindNames = [numKinds]string{
	EndOfFile: "EndOfFile", Unrecognized: "Unrecognized", NewLine: "NewLine",
	Identifier: "Identifier", Integer: "Integer",
	TrueKeyword: "TrueKeyword", FalseKeyword: "FalseKeyword", NullKeyword: "NullKeyword",
	StringComplete: "StringComplete", StringLeftPiece: "StringLeftPiece",
	StringMiddlePiece: "StringMiddlePiece", StringRightPiece: "StringRightPiece",
	At: "At", LeftBrace: "LeftBrace", RightBrace: "RightBrace", LeftParen: "LeftParen",
	RightParen: "RightParen", LeftSquare: "LeftSquare", RightSquare: "RightSquare",
	Comma: "Comma", Dot: "Dot", Ellipsis: "Ellipsis", Question: "Question",
	DoubleQuestion: "DoubleQuestion", Colon: "Colon", DoubleColon: "DoubleColon",
	Semicolon: "Semicolon", Assignment: "Assignment", Arrow: "Arrow",
	Plus: "Plus", Minus: "Minus", Asterisk: "Asterisk", Slash: "Slash", Modulo: "Modulo",
	Exclamation: "Exclamation", LeftChevron: "LeftChevron", RightChevron: "RightChevron",
	LessThanOrEqual: "LessThanOrEqual", GreaterThanOrEqual: "GreaterThanOrEqual",
	Equals: "Equals", NotEquals: "NotEquals", EqualsInsensitive: "EqualsInsensitive",
	NotEqualsInsensitive: "NotEqualsInsensitive", LogicalAnd: "LogicalAnd",
	LogicalOr: "LogicalOr", Pipe: "Pipe", Hat: "Hat",
}

func (k Kind) String() string {
	if k < numKinds {
		return kindNames[k]
	}
	return "Kind(" + strconv.Itoa(int(k)) + ")"
}

// Token is one token of a Bicep file: its kind and byte range in the text.
// String tokens also carry their text with escapes decoded.
type Token struct {
	Kind     Kind
	Multi    bool // a ''' string (or piece of one)
	Off, End int  // byte offsets of the token in the text
	Val      string
}

// Comment is a // or /* */ comment, delimiters included.
type Comment struct {
	model.Span
	Text string // the comment as written
}

// Pragma is a #disable-next-line, #disable-diagnostics or
// #restore-diagnostics line, which Bicep uses to silence diagnostics.
type Pragma struct {
	model.Span
	Keyword string   // "disable-next-line", without the #
	Codes   []string // the diagnostic codes or rule names that follow
}

// rawPragma is a Pragma at byte offsets, as the lexer finds it.
type rawPragma struct {
	off, end int
	keyword  string
	codes    []string
}

// rawComment is a Comment at byte offsets.
type rawComment struct{ off, end int }
