namespace Keyless.GitLab.Lint;

/// <summary>The clouds a job or token talks to.</summary>
[Flags]
internal enum Cloud
{
    None = 0,
    Gcp = 1,
    Azure = 2,
    Aws = 4,
}
