using Keyless.Trust.Findings;

namespace Keyless.Formats.Output;

/// <summary>
/// What a rule registry says about one rule: its kebab-case id (also the SARIF rule id and the docs page, see
/// <see cref="RuleDocs"/>), a one-line summary and the severity it usually reports.
/// </summary>
public sealed record RuleDescriptor(string Id, string Summary, Severity DefaultSeverity);
