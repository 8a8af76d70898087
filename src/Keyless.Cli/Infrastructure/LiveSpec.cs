using Keyless.Trust.Diagnostics;

namespace Keyless.Cli.Infrastructure;

/// <summary>
/// One <c>--live</c> value: <c>gcp:PROJECT</c>, <c>gcp-folder:ID</c>, <c>gcp-organization:ID</c>, <c>azure:TENANT</c>
/// (or <c>azure:TENANT/SUBSCRIPTION</c>), <c>gitlab:PROJECT_PATH</c>, <c>gitlab-group:GROUP_PATH</c> or <c>aws:ACCOUNT</c>.
/// </summary>
internal sealed record LiveSpec(string Source, string Name, string? Subscription)
{
    public static LiveSpec Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        var (source, name) = colon > 0 ? (value[..colon], value[(colon + 1)..]) : (string.Empty, string.Empty);
        if (name.Length == 0 || source is not ("gcp" or "gcp-folder" or "gcp-organization" or "azure" or "gitlab" or "gitlab-group" or "aws"))
        {
            throw new InputException("--live",
                $"'{value}' is not gcp:PROJECT, gcp-folder:ID, gcp-organization:ID, azure:TENANT[/SUBSCRIPTION], gitlab:PROJECT_PATH, gitlab-group:GROUP_PATH or aws:ACCOUNT");
        }

        // Resource Manager names folders and organizations by number only (folders/123, organizations/456).
        if (source is "gcp-folder" or "gcp-organization" && (name.Length > 32 || !name.All(char.IsAsciiDigit)))
        {
            throw new InputException("--live", $"'{value}': '{name}' is not a numeric id (Resource Manager names folders and organizations by number)");
        }

        if (source == "aws" && !Commands.Pull.PullAwsCommand.IsAccount(name))
        {
            throw new InputException("--live", $"'{value}': aws:ACCOUNT takes the 12-digit account id the AWS credentials sign in to");
        }

        if (source == "azure" && name.IndexOf('/', StringComparison.Ordinal) is var slash and > 0)
        {
            return new LiveSpec(source, name[..slash], name[(slash + 1)..]);
        }

        return new LiveSpec(source, name, null);
    }
}
