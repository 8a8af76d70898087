namespace Keyless.Trust.Identities;

public enum Verdict
{
    Allow,
    Deny,

    /// <summary>The answer depends on something the inputs do not say (a plan's unknown values, an IAM condition).</summary>
    Indeterminate,
}
