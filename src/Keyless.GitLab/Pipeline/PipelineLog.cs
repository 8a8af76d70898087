namespace Keyless.GitLab.Pipeline;

/// <summary>
/// What reading a pipeline has to say besides the configuration: diagnostics (what GitLab would reject) and notes
/// (what it accepts but the lint should mention), each once, in the order met.
/// </summary>
internal sealed class PipelineLog
{
    private readonly List<PipelineDiagnostic> _diagnostics = [];
    private readonly List<PipelineNote> _notes = [];
    private readonly HashSet<PipelineDiagnostic> _seenDiagnostics = [];
    private readonly HashSet<PipelineNote> _seenNotes = [];

    public IReadOnlyList<PipelineDiagnostic> Diagnostics => _diagnostics;

    public IReadOnlyList<PipelineNote> Notes => _notes;

    /// <summary>GitLab would reject this; reading goes on without it.</summary>
    public void Warn(string message, SourceLocation at)
    {
        var diagnostic = new PipelineDiagnostic(message, at);
        if (_seenDiagnostics.Add(diagnostic))
        {
            _diagnostics.Add(diagnostic);
        }
    }

    /// <summary>GitLab accepts this; the lint says how it read it.</summary>
    public void Note(string message, SourceLocation at)
    {
        var note = new PipelineNote(message, at);
        if (_seenNotes.Add(note))
        {
            _notes.Add(note);
        }
    }
}
