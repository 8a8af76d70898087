namespace Keyless.Login.Diagnosis;

/// <summary>
/// Renders a login's notes and failure for people (the CLI sends it to standard error). Every line passes the
/// redactor: whatever a server echoes, the id_token and the access token never reach the terminal this way.
/// </summary>
public static class LoginReport
{
    public const string Redacted = "[redacted]";

    /// <summary>Writes the notes (info only when <paramref name="verbose"/>) and the failure, if any.</summary>
    public static void Write(TextWriter output, LoginResult result, IReadOnlyCollection<string> secrets, bool verbose = true)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(secrets);
        foreach (var note in result.Notes)
        {
            if (note.Level == NoteLevel.Warning || verbose)
            {
                output.WriteLine(Redact((note.Level == NoteLevel.Warning ? "warning: " : "note: ") + note.Text, secrets));
            }
        }

        if (result.Failure is not { } failure)
        {
            return;
        }

        output.WriteLine(Redact("error: " + failure.Summary, secrets));
        if (failure.Refusal is { } refusal)
        {
            output.WriteLine(Redact("  cloud: " + refusal, secrets));
        }

        foreach (var cause in failure.Causes)
        {
            output.WriteLine(Redact("  cause: " + cause, secrets));
        }

        foreach (var fix in failure.Fixes)
        {
            output.WriteLine(Redact("  fix: " + fix, secrets));
        }
    }

    /// <summary>
    /// Replaces each secret, and each long dot-separated part of one (a JWT's signature alone is still the
    /// token's proof), with <see cref="Redacted"/>.
    /// </summary>
    public static string Redact(string text, IReadOnlyCollection<string> secrets)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(secrets);
        foreach (var secret in secrets.Where(s => !string.IsNullOrEmpty(s)).OrderByDescending(s => s.Length))
        {
            text = text.Replace(secret, Redacted, StringComparison.Ordinal);
            foreach (var part in secret.Split('.').Where(p => p.Length >= 32))
            {
                text = text.Replace(part, Redacted, StringComparison.Ordinal);
            }
        }

        return text;
    }
}
