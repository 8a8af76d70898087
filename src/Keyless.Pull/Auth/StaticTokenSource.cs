namespace Keyless.Pull.Auth;

/// <summary>A token the user gave (a GitLab personal, project or group access token from an environment variable).</summary>
public sealed class StaticTokenSource(string token, string description) : ITokenSource
{
    public string Description => description;

    public Task<string> GetTokenAsync(bool refresh, CancellationToken cancellationToken) => Task.FromResult(token);
}
