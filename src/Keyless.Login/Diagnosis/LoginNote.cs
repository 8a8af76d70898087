namespace Keyless.Login.Diagnosis;

/// <summary>One sentence about the token or the trust, said before (or beside) the exchange.</summary>
public sealed record LoginNote(NoteLevel Level, string Text)
{
    public static LoginNote Info(string text) => new(NoteLevel.Info, text);

    public static LoginNote Warning(string text) => new(NoteLevel.Warning, text);
}
