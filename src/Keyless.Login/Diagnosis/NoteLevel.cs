namespace Keyless.Login.Diagnosis;

/// <summary>How much a note matters: <see cref="Warning"/> means the exchange will probably fail because of it.</summary>
public enum NoteLevel
{
    Info,
    Warning,
}
