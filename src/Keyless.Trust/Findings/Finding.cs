using System.Text.Json.Nodes;

namespace Keyless.Trust.Findings;

/// <summary>
/// One thing Keyless reports (audit, lint, scan, diff). Immutable; the witness, when present, is a full
/// claims object that the same evaluator as <c>explain</c> admits for <see cref="Identity"/>.
/// </summary>
public sealed record Finding
{
    /// <summary>Kebab-case id of the rule that produced it; also the docs page and SARIF rule id.</summary>
    public required string Id { get; init; }

    public required Severity Severity { get; init; }

    public required Confidence Confidence { get; init; }

    /// <summary>The persona that can exploit it, or null for static findings.</summary>
    public Persona? Persona { get; init; }

    /// <summary>The identity concerned (service account email, principal, app name/client id), if any.</summary>
    public string? Identity { get; init; }

    public required string Message { get; init; }

    // The witness as UTF-8 JSON: an audit of 11,000 identities holds some 33,000 witnesses of ~33 claims until the
    // report is written, and as JsonObjects they were most of its memory (docs/performance.md, Organisation scale).
    private readonly byte[]? _witness;

    /// <summary>
    /// Claims of a token that proves the finding; never a signed token. Held as JSON text: each read gives a new
    /// object with the same claims in the same order (read it once where it is used more than once).
    /// </summary>
    public JsonObject? Witness
    {
        get => _witness is null ? null : JsonNode.Parse(_witness)!.AsObject();
        init => _witness = value is null ? null : Utf8(value);
    }

    private static byte[] Utf8(JsonObject value)
    {
        // One buffer and writer per thread, reused: an audit makes tens of thousands of findings on every core.
        var buffer = t_buffer ??= new System.Buffers.ArrayBufferWriter<byte>(4096);
        buffer.ResetWrittenCount();
        var writer = t_writer ??= new System.Text.Json.Utf8JsonWriter(buffer);
        writer.Reset(buffer);
        value.WriteTo(writer);
        writer.Flush();
        return buffer.WrittenSpan.ToArray();
    }

    [ThreadStatic]
    private static System.Buffers.ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static System.Text.Json.Utf8JsonWriter? t_writer;

    /// <summary>What to change, in the user's own format.</summary>
    public required string Fix { get; init; }

    public required FindingLocation Location { get; init; }

    /// <summary>
    /// Where the finding stands in the report of the run that is not sharded, as a key that sorts in that order (set
    /// by <c>keyless audit --shard</c>, which does not run every identity's searches; written only as a shard position).
    /// </summary>
    public long? Order { get; init; }
}
