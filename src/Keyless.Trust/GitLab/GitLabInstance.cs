namespace Keyless.Trust.GitLab;

/// <summary>
/// The GitLab instance that mints a token, as far as the token can tell: its <c>iss</c> and whether it is GitLab.com.
/// </summary>
/// <remarks>
/// GitLab writes <c>iss</c> from <c>Gitlab.config.ci_id_tokens.issuer_url</c> (lib/gitlab/ci/jwt_v2.rb), which is the
/// instance's external URL unless an administrator sets <c>ci_id_tokens_issuer_url</c>. On GitLab.com that is
/// <c>https://gitlab.com</c>, shared by every tenant, without a trailing slash
/// (doc/ci/secrets/id_token_authentication.md). No other value can appear in a token from that instance.
/// </remarks>
public sealed record GitLabInstance
{
    public const string GitLabComIssuer = "https://gitlab.com";

    private GitLabInstance(string issuer, bool isGitLabCom)
    {
        Issuer = issuer;
        IsGitLabCom = isGitLabCom;
        Host = Uri.TryCreate(issuer, UriKind.Absolute, out var uri) ? uri.Host + uri.AbsolutePath.TrimEnd('/') : issuer;
    }

    public static GitLabInstance GitLabCom { get; } = new(GitLabComIssuer, isGitLabCom: true);

    /// <summary>The exact <c>iss</c> of every token this instance mints.</summary>
    public string Issuer { get; }

    /// <summary>Only GitLab.com runs GitLab-hosted runners (<c>runner.dot_com_gitlab_hosted?</c> in jwt_v2.rb).</summary>
    public bool IsGitLabCom { get; }

    /// <summary>Host and relative root, as <c>ci_config_ref_uri</c> starts (<c>gitlab.example.com/g/p//.gitlab-ci.yml@…</c>).</summary>
    public string Host { get; }

    /// <summary>
    /// The instance whose tokens a trusted issuer URL is meant to accept. Any URL on gitlab.com is GitLab.com, whose
    /// <c>iss</c> is fixed (so <c>https://gitlab.com/</c> or <c>https://gitlab.com/acme</c> in a trust is a value no
    /// token carries). Elsewhere a self-managed instance at that URL; GitLab builds its URLs without a trailing
    /// slash (<c>Settings.gitlab.url</c>), so none is kept.
    /// </summary>
    public static GitLabInstance ForIssuer(string? trustedIssuer)
    {
        if (trustedIssuer is null || !Uri.TryCreate(trustedIssuer, UriKind.Absolute, out var uri)
            || string.Equals(uri.Host, "gitlab.com", StringComparison.OrdinalIgnoreCase))
        {
            return GitLabCom;
        }

        return new GitLabInstance(trustedIssuer.TrimEnd('/'), isGitLabCom: false);
    }

    /// <summary>The instance at a URL the user gave (<c>--gitlab-url</c>).</summary>
    public static GitLabInstance ForUrl(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return string.Equals(url.Host, "gitlab.com", StringComparison.OrdinalIgnoreCase)
            ? GitLabCom
            : new GitLabInstance(url.GetLeftPart(UriPartial.Path).TrimEnd('/'), isGitLabCom: false);
    }
}
