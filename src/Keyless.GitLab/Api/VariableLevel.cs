namespace Keyless.GitLab.Api;

/// <summary>Where a CI/CD variable is defined; group and instance variables are inherited by many projects.</summary>
public enum VariableLevel
{
    Project,
    Group,
    Instance,
}
