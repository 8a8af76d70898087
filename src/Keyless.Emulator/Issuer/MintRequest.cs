using System.Text.Json.Nodes;

namespace Keyless.Emulator.Issuer;

/// <summary>
/// What to mint: the job's claims (any of <c>iss</c>, <c>iat</c>, <c>nbf</c>, <c>exp</c>, <c>jti</c>, <c>sub</c> may be
/// given to override GitLab's values), the job timeout that sets the lifetime, and the project's
/// <c>ci_id_token_sub_claim_components</c> (null: the trust's project setting, else GitLab's default).
/// </summary>
public sealed record MintRequest(JsonObject Claims, int? JobTimeoutSeconds = null, IReadOnlyList<string>? SubClaimComponents = null);
