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

    /// <summary>The API call the file answers (<c>keyless pull</c> writes it): a file a manifest names this way is known,
    /// so one that holds no trust (an empty list, a project's number) is not listed as skipped.</summary>
    public string? Response { get; init; }

    /// <summary>The file holding the next page of this list response, when it is given (then no "page 1 of more" note).</summary>
    public string? NextPage { get; init; }

    /// <summary>A listing that repeats resources read in full from other files (a group's projects): not imported.</summary>
    public bool Listing { get; init; }
}
