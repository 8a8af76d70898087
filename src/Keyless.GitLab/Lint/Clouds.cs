using System.Numerics;

namespace Keyless.GitLab.Lint;

/// <summary>Counting and naming a set of <see cref="Cloud"/>s, for findings that say which clouds share a token.</summary>
internal static class Clouds
{
    public static int Count(Cloud clouds) => BitOperations.PopCount((uint)clouds);

    /// <summary>"both GCP and Azure", or "GCP, Azure and AWS".</summary>
    public static string Both(Cloud clouds)
    {
        var names = Names(clouds).ToList();
        return names.Count == 2 ? $"both {names[0]} and {names[1]}" : string.Join(", ", names[..^1]) + " and " + names[^1];
    }

    /// <summary>"both clouds", or "all three clouds".</summary>
    public static string Each(Cloud clouds) => Count(clouds) == 2 ? "both clouds" : "all three clouds";

    private static IEnumerable<string> Names(Cloud clouds)
    {
        if (clouds.HasFlag(Cloud.Gcp))
        {
            yield return "GCP";
        }

        if (clouds.HasFlag(Cloud.Azure))
        {
            yield return "Azure";
        }

        if (clouds.HasFlag(Cloud.Aws))
        {
            yield return "AWS";
        }
    }
}
