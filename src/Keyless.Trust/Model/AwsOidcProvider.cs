namespace Keyless.Trust.Model;

/// <summary>
/// An IAM OIDC identity provider: the issuer STS trusts for <c>AssumeRoleWithWebIdentity</c> and the audiences
/// (client ids) it accepts. IAM keeps the URL without its scheme, which is also how its ARN and its condition keys
/// (<c>gitlab.com:sub</c>) spell it.
/// </summary>
public sealed record AwsOidcProvider
{
    /// <summary>Host and optional path, no scheme, no trailing slash: <c>gitlab.com</c>, <c>gitlab.example.com/gitlab</c>.</summary>
    public required string Url { get; init; }

    /// <summary><c>arn:aws:iam::ACCOUNT:oidc-provider/URL</c> when the input says (get-open-id-connect-provider does not).</summary>
    public string? Arn { get; init; }

    /// <summary>The audiences a token may carry (<c>ClientIDList</c>, <c>client_id_list</c>).</summary>
    public IReadOnlyList<string> ClientIds { get; init; } = [];

    public string? TerraformAddress { get; init; }

    /// <summary>Attributes not known until apply (a plan's unknown values).</summary>
    public IReadOnlyList<string> Unknown { get; init; } = [];

    public required SourceRef Source { get; init; }

    /// <summary>The account of its ARN, when known.</summary>
    public string? AccountId => AwsArn.Account(Arn);

    /// <summary>The URL IAM keeps for an issuer or a URL as the input wrote it: no scheme, no trailing slash.</summary>
    public static string NormalizeUrl(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var text = url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ? url[8..] : url;
        return text.TrimEnd('/');
    }
}
