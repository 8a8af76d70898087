namespace Keyless.Plan.Pipeline;

/// <summary>How <c>keyless plan</c> writes the GitLab jobs (<c>--ci</c>).</summary>
public enum CiStyle
{
    /// <summary>Each job whole: id_tokens, rules and the login script written out.</summary>
    Inline,

    /// <summary>Each job extends a login job from Keyless's CI/CD components (<c>include: component:</c>).</summary>
    Component,
}
