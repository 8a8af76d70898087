namespace Keyless.Formats.Inputs.Hcl;

/// <summary>What ended a run of literal template text.</summary>
internal enum HclTemplateStop
{
    /// <summary>The closing quote of a quoted template (not consumed).</summary>
    CloseQuote,

    /// <summary><c>${</c> (not consumed).</summary>
    Interpolation,

    /// <summary><c>%{</c> (not consumed).</summary>
    Directive,

    /// <summary>A newline, consumed and kept in the text (heredocs read line by line).</summary>
    LineEnd,

    /// <summary>The end of the text or of the heredoc's content.</summary>
    End,
}
