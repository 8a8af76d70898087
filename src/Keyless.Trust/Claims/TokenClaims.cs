using System.Globalization;
using System.Text.Json.Nodes;
using Keyless.Cel;

namespace Keyless.Trust.Claims;

/// <summary>
/// An immutable view over a token's claims JSON object, exactly as GitLab minted them: strings stay strings
/// (<c>"true"</c>, <c>"4242"</c>), <c>runner_id</c> stays a number, absent claims stay absent.
/// </summary>
public sealed class TokenClaims
{
    // Exactly one of the two: claims read as JSON, or a candidate the red-team built as CEL values (ClaimTable).
    private readonly JsonObject? _claims;
    private readonly ClaimTable? _table;

    // Built on first use: the red-team makes hundreds of thousands of these and most never reach CEL.
    private CelValue? _assertion;

    private TokenClaims(JsonObject claims, bool fromJwt)
    {
        _claims = claims;
        FromJwt = fromJwt;
        Audiences = ReadAudiences(claims);
    }

    /// <summary>
    /// Claims written by hand (a claims file, a witness): times are checked only when present, and a numeric
    /// string counts as a time. Takes a deep copy, so later changes to <paramref name="claims"/> do not leak in.
    /// </summary>
    public static TokenClaims FromJson(JsonObject claims)
    {
        ArgumentNullException.ThrowIfNull(claims);
        return new TokenClaims((JsonObject)claims.DeepClone(), fromJwt: false);
    }

    /// <summary>
    /// A view over <paramref name="claims"/> without the copy, for a caller that does not change them while the view
    /// is in use (the red-team's oracle, which builds each candidate only to ask about it).
    /// </summary>
    internal static TokenClaims Wrap(JsonObject claims) => new(claims, fromJwt: false);

    /// <summary>A view over a candidate built as CEL values: its CEL map is built without a JSON object in between.</summary>
    internal static TokenClaims Wrap(ClaimTable claims) => new(claims);

    private TokenClaims(ClaimTable table)
    {
        _table = table;
        Audiences = table.Get(GitLabClaimNames.Audience) is { } aud && aud.TryGetString(out var single) ? [single] : [];
    }

    /// <summary>
    /// The payload of a real JWT: as the clouds read it, <c>exp</c>/<c>iat</c>/<c>nbf</c> are RFC 7519 NumericDates
    /// (JSON numbers only) and a token without the times a cloud requires is refused, not waved through.
    /// </summary>
    public static TokenClaims FromJwtPayload(JsonObject payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        return new TokenClaims((JsonObject)payload.DeepClone(), fromJwt: true);
    }

    /// <summary>True when these claims are a real token's payload (<see cref="FromJwtPayload"/>).</summary>
    public bool FromJwt { get; }

    /// <summary>A deep copy of the claims.</summary>
    public JsonObject ToJson() => _table?.ToJson() ?? (JsonObject)_claims!.DeepClone();

    /// <summary>The claims as the CEL value STS binds to <c>assertion</c>, built once per token (not per provider).</summary>
    internal CelValue Assertion => _assertion ??= _table?.ToCel() ?? CelValue.FromJson(_claims);

    /// <summary><c>aud</c> as GitLab sends it: one string, or an array of strings.</summary>
    public IReadOnlyList<string> Audiences { get; }

    public IEnumerable<string> Names => _table?.Names ?? _claims!.Select(p => p.Key);

    public bool Has(string name) => _table is null ? _claims!.ContainsKey(name) : _table.Get(name) is not null;

    /// <summary>The raw JSON value, or null when absent (a JSON <c>null</c> also reads as null; see <see cref="IsNull"/>).</summary>
    public JsonNode? Get(string name) => TryGet(name, out var value) ? value : null;

    public bool IsNull(string name) => TryGet(name, out var value) && value is null;

    /// <summary>The claim when it is a JSON string; null when absent, null or of another type.</summary>
    public string? GetString(string name)
    {
        if (_table is not null)
        {
            // The oracle asks for iss and sub of every candidate: read the CEL value, not a JSON node made of it.
            return _table.Get(name) is { } cel && cel.TryGetString(out var text) ? text : null;
        }

        return TryGet(name, out var value) && value is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
    }

    /// <summary>A numeric date claim (<c>exp</c>, <c>iat</c>, <c>nbf</c>) as seconds since the epoch.</summary>
    public long? GetNumericDate(string name)
    {
        if (!TryGet(name, out var value) || value is not JsonValue v)
        {
            return null;
        }

        if (v.TryGetValue<long>(out var l))
        {
            return l;
        }

        if (v.TryGetValue<double>(out var d) && double.IsFinite(d))
        {
            return (long)Math.Floor(d);
        }

        // A NumericDate is a JSON number; only hand-written claims get the benefit of the doubt.
        return !FromJwt && v.TryGetValue<string>(out var s) && long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var p)
            ? p
            : null;
    }

    /// <summary>The claim rendered for a message: strings as-is, anything else as JSON, absent as <c>(absent)</c>.</summary>
    public string Describe(string name)
    {
        if (!TryGet(name, out var value))
        {
            return "(absent)";
        }

        return value switch
        {
            null => "null",
            JsonValue v when v.TryGetValue<string>(out var s) => s,
            _ => value.ToJsonString(),
        };
    }

    private bool TryGet(string name, out JsonNode? value)
    {
        if (_table is null)
        {
            return _claims!.TryGetPropertyValue(name, out value);
        }

        var cel = _table.Get(name);
        value = cel is null ? null : ClaimTable.Node(cel);
        return cel is not null;
    }

    private static string[] ReadAudiences(JsonObject claims)
    {
        if (!claims.TryGetPropertyValue(GitLabClaimNames.Audience, out var aud) || aud is null)
        {
            return [];
        }

        if (aud is JsonValue v && v.TryGetValue<string>(out var single))
        {
            return [single];
        }

        if (aud is JsonArray array)
        {
            return array.OfType<JsonValue>()
                .Select(a => a.TryGetValue<string>(out var s) ? s : null)
                .OfType<string>()
                .ToArray();
        }

        return [];
    }
}
