namespace Keyless.Emulator.Reads;

/// <summary>The faults an emulator plays, each with how many requests it has hit so far; safe across threads.</summary>
internal sealed class ReadFaultPlan
{
    private readonly ReadFault[] _faults;
    private readonly int[] _hits;

    public ReadFaultPlan(IReadOnlyList<ReadFault> faults)
    {
        _faults = [.. faults];
        _hits = new int[_faults.Length];
    }

    /// <summary>The fault this request meets, counting it as a hit; null when none does (any more).</summary>
    public ReadFault? Hit(string path)
    {
        for (var i = 0; i < _faults.Length; i++)
        {
            var fault = _faults[i];
            if (!path.Contains(fault.PathContains, StringComparison.Ordinal))
            {
                continue;
            }

            if (fault.Times == 0 || Interlocked.Increment(ref _hits[i]) <= fault.Times)
            {
                return fault;
            }
        }

        return null;
    }
}
