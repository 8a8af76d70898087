namespace Keyless.Emulator.Verification;

/// <summary>Fetches an issuer's keys through its OIDC discovery document (as the clouds do).</summary>
public interface IJwksFetcher
{
    Task<KeySetResult> FetchAsync(string issuer, CancellationToken cancellationToken);
}
