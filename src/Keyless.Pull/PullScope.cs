namespace Keyless.Pull;

/// <summary>What one pull reads: <c>gcp:PROJECT</c>, <c>azure:TENANT</c> (with subscriptions), <c>gitlab:PATH</c>, <c>gitlab-group:PATH</c> or <c>aws:ACCOUNT</c>.</summary>
public sealed record PullScope(string Kind, string Name)
{
    public const string Gcp = "gcp";
    public const string GcpFolder = "gcp-folder";
    public const string GcpOrganization = "gcp-organization";
    public const string Azure = "azure";
    public const string AzureSubscription = "azure-subscription";
    public const string GitLab = "gitlab";
    public const string GitLabGroup = "gitlab-group";
    public const string GitLabInstance = "gitlab-instance";
    public const string Aws = "aws";

    public override string ToString() => $"{Kind}:{Name}";
}
