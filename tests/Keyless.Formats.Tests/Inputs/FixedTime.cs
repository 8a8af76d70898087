namespace Keyless.Formats.Tests.Inputs;

/// <summary>A clock stopped at one instant, so token lifetimes in fixtures never age.</summary>
internal sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
