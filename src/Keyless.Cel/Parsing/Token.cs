namespace Keyless.Cel.Parsing;

internal enum TokenKind
{
    End,
    Int,
    Uint,
    Double,
    String,
    Bytes,
    Ident,
    QuotedIdent,
    True,
    False,
    Null,
    In,
    LParen,
    RParen,
    LBracket,
    RBracket,
    LBrace,
    RBrace,
    Dot,
    Comma,
    Colon,
    Question,
    Not,
    Minus,
    Plus,
    Star,
    Slash,
    Percent,
    Less,
    LessEquals,
    Greater,
    GreaterEquals,
    EqualEqual,
    NotEqual,
    AndAnd,
    OrOr,
}

/// <summary>One token: its kind, span and, for literals and names, its decoded value.</summary>
internal readonly record struct Token(TokenKind Kind, int Offset, int Length, CelValue? Value = null, string? Text = null)
{
    public int End => Offset + Length;
}
