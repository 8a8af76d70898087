namespace Keyless.GitLab.Api;

/// <summary>
/// One CI/CD variable as the GitLab variables API returns it (project, group and instance level share the shape;
/// instance variables have no <c>environment_scope</c> or <c>hidden</c>).
/// </summary>
/// <param name="Key">The variable name.</param>
/// <param name="Value">The value, or null when the API does not return it (masked and hidden variables).</param>
/// <param name="VariableType"><c>env_var</c> or <c>file</c> (the value is written to a file whose path the job gets).</param>
/// <param name="Protected">Only exported to pipelines on protected branches and tags.</param>
/// <param name="Masked">Masked in job logs.</param>
/// <param name="Hidden">Masked and hidden: never shown again in the UI or the API.</param>
/// <param name="Raw">Not expanded (<c>$</c> taken literally).</param>
/// <param name="EnvironmentScope">The environments the variable is exported to (<c>*</c> = all), or null.</param>
/// <param name="Description">Free text, or null.</param>
public sealed record GitLabVariable(
    string Key,
    string? Value,
    string VariableType = GitLabVariable.EnvVarType,
    bool Protected = false,
    bool Masked = false,
    bool Hidden = false,
    bool Raw = false,
    string? EnvironmentScope = null,
    string? Description = null)
{
    public const string EnvVarType = "env_var";
    public const string FileType = "file";

    public bool IsFile => string.Equals(VariableType, FileType, StringComparison.Ordinal);

    // A record prints every member; a CI variable's value is a secret and must not reach a log or a failing assertion.
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append($"Key = {Key}, Value = {(Value is null ? "null" : "[redacted]")}, VariableType = {VariableType}, Protected = {Protected}, ")
            .Append($"Masked = {Masked}, Hidden = {Hidden}, Raw = {Raw}, EnvironmentScope = {EnvironmentScope}");
        return true;
    }
}
