namespace Keyless.Login.Diagnosis;

/// <summary>No answer at all: the endpoint could not be reached, or TLS failed.</summary>
internal static class TransportFailure
{
    public static LoginFailure Explain(string service, string endpointOption, string why) => new(
        $"no answer from {service}",
        null,
        [why[..1].ToUpperInvariant() + why[1..] + (why.EndsWith('.') ? string.Empty : ".")],
        [$"Check {endpointOption} and the job's network access (proxies: HTTPS_PROXY); for a private or self-signed certificate pass --ca-file."]);
}
