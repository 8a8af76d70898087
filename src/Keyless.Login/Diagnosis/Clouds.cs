namespace Keyless.Login.Diagnosis;

/// <summary>How messages name the service that decides.</summary>
internal static class Clouds
{
    public const string Gcp = "GCP STS";
    public const string Azure = "Entra ID";
    public const string Aws = "AWS STS";
}
