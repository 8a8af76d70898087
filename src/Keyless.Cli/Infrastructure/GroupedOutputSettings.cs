using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Keyless.Cli.Infrastructure;

/// <summary>The findings options of the commands whose findings have root causes (audit, merge): <c>--group-by</c>.</summary>
internal abstract class GroupedOutputSettings : FindingOutputSettings
{
    [CommandOption("--group-by <GROUPING>")]
    [Description(GroupingSettings.Description)]
    [DefaultValue("cause")]
    public string GroupBy { get; init; } = "cause";

    public Formats.Output.FindingGrouping Grouping => GroupingSettings.Parse(GroupBy);

    public override ValidationResult Validate()
    {
        var result = base.Validate();
        return result.Successful ? GroupingSettings.Validate(GroupBy) : result;
    }
}
