namespace Keyless.Plan.Pipeline;

/// <summary>Where the Keyless CI/CD components are included from: <c>component: {Project}/login-gcp@{Version}</c>.</summary>
/// <param name="Project">The component project's full path with its host, e.g. <c>gitlab.com/keyless/keyless</c>
/// (or <c>$CI_SERVER_FQDN/platform/keyless</c> for a copy on the same instance).</param>
/// <param name="Version">The release to pin, e.g. <c>0.1.0</c>.</param>
public sealed record ComponentSource(string Project, string Version)
{
    public string Reference(string component) => $"{Project}/{component}@{Version}";
}
