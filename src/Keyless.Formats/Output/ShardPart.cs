namespace Keyless.Formats.Output;

/// <summary>
/// What a shard report (<c>keyless audit --shard I/N</c>) says about itself, so <c>keyless merge</c> can check that it
/// has every shard once and put the findings back in the single run's order.
/// </summary>
/// <param name="Index">1-based shard number.</param>
/// <param name="Count">How many shards the identities were split into.</param>
/// <param name="Positions">
/// For each finding of the shard, a key that sorts it into its place in the single run's report (a shard searches
/// only its own identities, so it cannot count the findings of the others: see <c>AuditRun</c>).
/// </param>
public sealed record ShardPart(int Index, int Count, IReadOnlyList<long> Positions);
