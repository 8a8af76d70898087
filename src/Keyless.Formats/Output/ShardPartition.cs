using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Keyless.Trust.Audits;
using Keyless.Trust.Findings;

namespace Keyless.Formats.Output;

/// <summary>
/// The stable partition of <c>--shard I/N</c>: a finding belongs to the shard its identity's name hashes to (SHA-256,
/// so the split is the same on every machine and run, and even across teams of names); findings of no identity
/// (whole-estate checks) belong to shard 1, so every finding is in exactly one shard.
/// </summary>
public static class ShardPartition
{
    public static int ShardOf(string? identity, int count)
    {
        if (identity is null)
        {
            return 1;
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(identity));
        return (int)(BinaryPrimitives.ReadUInt64BigEndian(hash) % (ulong)count) + 1;
    }

    /// <summary>
    /// The findings of shard <paramref name="index"/> of <paramref name="count"/>, with their places in the whole: their
    /// <see cref="Finding.Order"/>, or for a finding without one (added after the audits, like an expired ignore) its
    /// index after every audit's.
    /// </summary>
    public static (IReadOnlyList<Finding> Findings, ShardPart Part) Take(IReadOnlyList<Finding> findings, int index, int count)
    {
        ArgumentNullException.ThrowIfNull(findings);
        var kept = new List<Finding>();
        var positions = new List<long>();
        for (var i = 0; i < findings.Count; i++)
        {
            if (ShardOf(findings[i].Identity, count) == index)
            {
                kept.Add(findings[i]);
                positions.Add(findings[i].Order ?? AuditRun.AfterAudits + i);
            }
        }

        return (kept, new ShardPart(index, count, positions));
    }
}
