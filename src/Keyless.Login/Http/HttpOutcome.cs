namespace Keyless.Login.Http;

/// <summary>An HTTP answer (status and body), or why there was none (<see cref="TransportError"/>, status 0).</summary>
public sealed record HttpOutcome(int Status, string Body, string? TransportError)
{
    public bool Succeeded => TransportError is null && Status is >= 200 and < 300;
}
