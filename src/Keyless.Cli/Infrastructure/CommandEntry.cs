using System.Diagnostics.CodeAnalysis;

namespace Keyless.Cli.Infrastructure;

/// <summary>One command of <c>keyless</c>: its words (<c>audit</c>, <c>login gcp</c>), its one-line description and the
/// settings type whose options it takes.</summary>
internal sealed record CommandEntry(
    string Name,
    string Description,
    [param: DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)]
    [property: DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)]
    Type Settings);
