namespace Keyless.Trust.Model;

/// <summary>The lifecycle state of a pool or provider (<c>state</c> in the IAM API).</summary>
public enum ResourceState
{
    Active,
    Deleted,
}
