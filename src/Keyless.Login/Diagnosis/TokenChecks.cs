using System.Globalization;
using Keyless.Login.Tokens;
using Keyless.Trust.Claims;

namespace Keyless.Login.Diagnosis;

/// <summary>
/// The checks both clouds make of any token, done here first from the decoded claims: the claims exist, and the
/// token is inside its time window give or take the cloud's clock skew. What certainly fails stops the login
/// before a request is sent; what may fail becomes a warning.
/// </summary>
internal static class TokenChecks
{
    private static readonly TimeSpan ShortLife = TimeSpan.FromMinutes(1);

    /// <summary>A summary of the token, then its problems; a failure when the cloud would certainly refuse it.</summary>
    public static LoginFailure? Check(SubjectToken token, DateTimeOffset now, TimeSpan skew, string cloud, List<LoginNote> notes)
    {
        var claims = token.Claims;
        var exp = claims.GetNumericDate(GitLabClaimNames.Expires);
        notes.Add(LoginNote.Info(
            $"token from {token.Source}: iss {claims.Describe(GitLabClaimNames.Issuer)}, aud {Audiences(claims)}, sub {claims.Describe(GitLabClaimNames.Subject)}"
            + (exp is { } e ? $", {ExpiryPhrase(e, now)}" : string.Empty)));

        if (token.Algorithm is { } alg && alg != "RS256" && alg != "ES256")
        {
            notes.Add(LoginNote.Warning($"the token is signed with {alg}; GitLab signs with RS256, and {cloud} accepts only RS256{(cloud == Clouds.Gcp ? " or ES256" : string.Empty)}."));
        }

        var missing = new[] { GitLabClaimNames.Issuer, GitLabClaimNames.Audience, GitLabClaimNames.Subject, GitLabClaimNames.Expires }
            .Where(n => n == GitLabClaimNames.Audience ? claims.Audiences.Count == 0 : !claims.Has(n) || claims.IsNull(n))
            .ToList();

        if (missing.Count > 0)
        {
            return new LoginFailure(
                $"the token has no {string.Join(", ", missing)} claim{(missing.Count > 1 ? "s" : string.Empty)}, so {cloud} would refuse it",
                null,
                [$"Every GitLab id_token carries iss, sub, aud and exp; {token.Source} lacks {string.Join(", ", missing)}, so it is not a GitLab CI id_token."],
                ["Pass the variable declared under id_tokens: in the job (for example --token-env GITLAB_OIDC_TOKEN)."]);
        }

        var seconds = now.ToUnixTimeSeconds();
        var expires = exp!.Value;
        if (seconds > expires + (long)skew.TotalSeconds)
        {
            return new LoginFailure(
                $"the token expired {Span(seconds - expires)} ago, so {cloud} would refuse it",
                null,
                [$"The token's exp is {expires} ({Utc(expires)}); now is {seconds} ({Utc(seconds)}) by this machine's clock, and {cloud} allows about {Span((long)skew.TotalSeconds)} of clock skew."],
                ["GitLab sets exp to the job's timeout, or 5 minutes when the job has none: run keyless login early in the job, or give the job a timeout that covers the work.",
                 "If the runner's clock is wrong, fix its time synchronisation."]);
        }

        if (seconds > expires)
        {
            notes.Add(LoginNote.Warning($"the token expired {Span(seconds - expires)} ago; {cloud} may still accept it within its clock skew."));
        }
        else if (expires - seconds < ShortLife.TotalSeconds)
        {
            notes.Add(LoginNote.Warning($"the token expires in {Span(expires - seconds)}; anything that re-reads it later (a refresh) will fail."));
        }

        if (claims.GetNumericDate(GitLabClaimNames.NotBefore) is { } nbf && nbf > seconds + (long)skew.TotalSeconds)
        {
            return new LoginFailure(
                $"the token is not valid for another {Span(nbf - seconds)}, so {cloud} would refuse it",
                null,
                [$"The token's nbf is {nbf} ({Utc(nbf)}); now is {seconds} ({Utc(seconds)}) by this machine's clock."],
                ["A token from the future means a clock is wrong: check the time synchronisation of the runner and of the GitLab instance."]);
        }

        if (claims.GetNumericDate(GitLabClaimNames.IssuedAt) is { } iat && iat > seconds + (long)skew.TotalSeconds)
        {
            notes.Add(LoginNote.Warning($"the token's iat is {Span(iat - seconds)} in the future ({Utc(iat)}); a clock is wrong, and {cloud} may refuse the token."));
        }

        return null;
    }

    public static string Audiences(TokenClaims claims) => claims.Audiences.Count switch
    {
        0 => "(absent)",
        1 => claims.Audiences[0],
        _ => "[" + string.Join(", ", claims.Audiences) + "]",
    };

    public static string Utc(long unixSeconds) =>
        DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(unixSeconds, -62135596800L, 253402300799L)).UtcDateTime
            .ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>A duration for people: <c>45 s</c>, <c>4 min 30 s</c>, <c>2 h 5 min</c>.</summary>
    public static string Span(long seconds)
    {
        seconds = Math.Abs(seconds);
        return seconds switch
        {
            < 60 => $"{seconds} s",
            < 3600 => seconds % 60 == 0 ? $"{seconds / 60} min" : $"{seconds / 60} min {seconds % 60} s",
            < 172800 => $"{seconds / 3600} h {seconds % 3600 / 60} min",
            _ => $"{seconds / 86400} days",
        };
    }

    private static string ExpiryPhrase(long exp, DateTimeOffset now)
    {
        var left = exp - now.ToUnixTimeSeconds();
        return left >= 0 ? $"expires in {Span(left)}" : $"expired {Span(left)} ago";
    }
}
