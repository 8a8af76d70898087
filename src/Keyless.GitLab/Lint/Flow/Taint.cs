namespace Keyless.GitLab.Lint.Flow;

/// <summary>
/// A value derived from a secret: <see cref="Source"/> names it (the token variable, or the command that printed an
/// access token). <see cref="Transformed"/> is set once it went through base64, cut, jq…: GitLab masks the token
/// only in its verbatim form, so a transformed copy reaches the log unmasked.
/// </summary>
internal sealed record Taint(TaintKind Kind, string Source, bool Transformed)
{
    public static Taint? Strongest(IEnumerable<Taint?> taints)
    {
        Taint? best = null;
        foreach (var taint in taints)
        {
            if (taint is null)
            {
                continue;
            }

            // An ID token outranks a derived credential; a transformed copy outranks a verbatim one (it is unmasked).
            if (best is null || (taint.Kind < best.Kind) || (taint.Kind == best.Kind && taint.Transformed && !best.Transformed))
            {
                best = taint;
            }
        }

        return best;
    }
}
