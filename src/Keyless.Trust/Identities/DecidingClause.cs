using Keyless.Trust.Evaluation;
using Keyless.Trust.Model;

namespace Keyless.Trust.Identities;

/// <summary>
/// The clause that decided: which check, the trust element it sits in (provider, binding, credential), its text,
/// and the cloud's own error for a deny.
/// </summary>
public sealed record DecidingClause(TrustCheck Check, string Element, string? Text, CloudError? Error, SourceRef? Source);
