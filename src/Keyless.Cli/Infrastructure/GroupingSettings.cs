using Keyless.Formats.Output;
using Spectre.Console;

namespace Keyless.Cli.Infrastructure;

/// <summary>The <c>--group-by</c> spellings, shared by audit and merge.</summary>
internal static class GroupingSettings
{
    public const string Description =
        "cause: one entry per provider, credential or binding to fix, listing the identities it exposes (default); identity: one per identity, persona and rule. JSON always carries both.";

    private static readonly string[] Names = ["cause", "identity"];

    public static FindingGrouping Parse(string text) =>
        string.Equals(text, "identity", StringComparison.OrdinalIgnoreCase) ? FindingGrouping.Identity : FindingGrouping.Cause;

    public static ValidationResult Validate(string text) =>
        Names.Contains(text, StringComparer.OrdinalIgnoreCase)
            ? ValidationResult.Success()
            : ValidationResult.Error($"--group-by: '{text}' is not one of cause, identity");
}
