using Keyless.Trust.Diagnostics;

namespace Keyless.Pull;

/// <summary>
/// Where each API is read, by the names gcloud's endpoint overrides and the clouds use: <c>iam</c>,
/// <c>cloudresourcemanager</c>, <c>graph</c>, <c>arm</c>, <c>authority</c> (the Entra authority host) and
/// <c>gitlab</c>. Each is a base URL the API's own paths are appended to (<c>v1/projects/…</c>, <c>v1.0/applications</c>,
/// <c>subscriptions/…</c>, <c>api/v4/…</c>).
/// </summary>
public sealed record PullEndpoints
{
    public static readonly string[] Names = ["iam", "cloudresourcemanager", "graph", "arm", "authority", "gitlab"];

    public Uri Iam { get; init; } = new("https://iam.googleapis.com/");

    public Uri ResourceManager { get; init; } = new("https://cloudresourcemanager.googleapis.com/");

    public Uri Graph { get; init; } = new("https://graph.microsoft.com/");

    public Uri Arm { get; init; } = new("https://management.azure.com/");

    public Uri Authority { get; init; } = new("https://login.microsoftonline.com/");

    public Uri GitLab { get; init; } = new("https://gitlab.com/");

    /// <summary>AWS IAM's Query API (global, signed in us-east-1). <c>--endpoint iam=URL</c> sets it with Google's IAM: the name is each cloud's.</summary>
    public Uri AwsIam { get; init; } = new("https://iam.amazonaws.com/");

    /// <summary>Set when every endpoint is a running <c>keyless emulate</c>, whose reader endpoint gives the credentials.</summary>
    public Uri? Emulator { get; init; }

    /// <summary>Every endpoint at a running <c>keyless emulate</c>: IAM (Google's and AWS's) and Resource Manager at its root, Graph under <c>graph/</c>, ARM under <c>arm/</c>, GitLab at its root.</summary>
    public static PullEndpoints ForEmulator(Uri emulator)
    {
        ArgumentNullException.ThrowIfNull(emulator);
        var root = new Uri(emulator.AbsoluteUri.TrimEnd('/') + "/");
        return new PullEndpoints
        {
            Iam = root,
            ResourceManager = root,
            Graph = new Uri(root, "graph/"),
            Arm = new Uri(root, "arm/"),
            Authority = root,
            GitLab = root,
            AwsIam = root,
            Emulator = root,
        };
    }

    /// <summary>This set with one endpoint replaced; an unknown name is the caller's error.</summary>
    public PullEndpoints With(string name, Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var based = new Uri(url.AbsoluteUri.TrimEnd('/') + "/");
        return name switch
        {
            "iam" => this with { Iam = based, AwsIam = based },
            "cloudresourcemanager" => this with { ResourceManager = based },
            "graph" => this with { Graph = based },
            "arm" => this with { Arm = based },
            "authority" => this with { Authority = based },
            "gitlab" => this with { GitLab = based },
            _ => throw new InputException("--endpoint", $"'{name}' is not one of {string.Join(", ", Names)}"),
        };
    }

    /// <summary>The endpoint an API name stands for.</summary>
    public Uri Of(string name) => name switch
    {
        "iam" => Iam,
        "cloudresourcemanager" => ResourceManager,
        "graph" => Graph,
        "arm" => Arm,
        "authority" => Authority,
        "aws-iam" => AwsIam,
        _ => GitLab,
    };
}
