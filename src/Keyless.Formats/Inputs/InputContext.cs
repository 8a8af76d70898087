using Keyless.Trust.Model;

namespace Keyless.Formats.Inputs;

/// <summary>What a keyless manifest says about one file that cannot name its identity itself.</summary>
internal sealed record InputContext
{
    public static InputContext None { get; } = new();

    /// <summary>A bare get-iam-policy of this service account.</summary>
    public string? ServiceAccount { get; init; }

    /// <summary>A bare get-iam-policy of this project.</summary>
    public string? Project { get; init; }

    /// <summary>Federated credentials (az ad app / az identity list) of this identity.</summary>
    public AzureParentRef? AzureParent { get; init; }

    /// <summary>GitLab protected branches/tags/environments of this project (id or path).</summary>
    public string? GitLabProject { get; init; }
}
