namespace Keyless.Trust.Evaluation;

/// <summary>
/// An error in the cloud's own words: GCP STS <c>error</c>/<c>error_description</c>, the IAM Credentials
/// status and message, or Entra's <c>error</c> and <c>AADSTS…</c> description.
/// </summary>
public sealed record CloudError(int HttpStatus, string Error, string Description)
{
    public override string ToString() => $"{Error}: {Description}";
}
