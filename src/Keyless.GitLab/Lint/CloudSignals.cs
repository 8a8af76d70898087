using Keyless.GitLab.Pipeline;

namespace Keyless.GitLab.Lint;

/// <summary>
/// Which cloud a piece of a job talks to, from the tools and names it uses: <c>gcloud</c>, <c>GOOGLE_*</c>,
/// <c>external_account</c>, STS and IAM hosts for GCP; <c>az</c>, <c>ARM_*</c>, <c>AZURE_*</c>, Entra hosts for Azure;
/// <c>aws</c>, <c>AWS_*</c>, STS for AWS; <c>keyless login gcp|azure|aws</c> for each.
/// </summary>
internal static class CloudSignals
{
    private static readonly string[] GcpWords = ["gcloud", "gsutil", "bq", "external_account", "iam.googleapis.com", "sts.googleapis.com", "iamcredentials.googleapis.com"];
    private static readonly string[] GcpPrefixes = ["GOOGLE_", "CLOUDSDK_", "//iam.googleapis.com/", "https://iam.googleapis.com/"];
    private static readonly string[] AzureWords = ["az", "Connect-AzAccount", "login.microsoftonline.com", "api://AzureADTokenExchange", "AzureADTokenExchange"];
    private static readonly string[] AzurePrefixes = ["ARM_", "AZURE_"];

    // The AWS CLI, the STS call a GitLab job makes (aws-cli's assume-role-with-web-identity, the Query API's
    // action name) and the SDKs' AWS_* variables (AWS_ROLE_ARN, AWS_WEB_IDENTITY_TOKEN_FILE).
    private static readonly string[] AwsWords = ["aws", "sts.amazonaws.com", "assume-role-with-web-identity", "AssumeRoleWithWebIdentity"];
    private static readonly string[] AwsPrefixes = ["AWS_", "arn:aws:iam::"];

    /// <summary>
    /// AWS's audience for tokens exchanged at STS: the one AWS's own GitLab page (Secrets Manager user guide, "Use
    /// AWS Secrets Manager in GitLab") registers as the provider's client id (docs/aws.md). An instance URL names no cloud.
    /// </summary>
    public const string AwsStsAudience = "sts.amazonaws.com";

    /// <summary>The cloud an <c>aud</c> value itself names, if any.</summary>
    public static Cloud OfAudience(string audience)
    {
        if (audience.Contains("iam.googleapis.com/", StringComparison.OrdinalIgnoreCase))
        {
            return Cloud.Gcp;
        }

        if (audience.Trim() == AwsStsAudience)
        {
            return Cloud.Aws;
        }

        return audience.Contains("AzureADTokenExchange", StringComparison.OrdinalIgnoreCase) ? Cloud.Azure : Cloud.None;
    }

    /// <summary>The clouds named in a line of shell or a variable (name and value).</summary>
    public static Cloud OfText(string text)
    {
        var cloud = Cloud.None;
        if (text.Contains("keyless login gcp", StringComparison.Ordinal))
        {
            cloud |= Cloud.Gcp;
        }

        if (text.Contains("keyless login azure", StringComparison.Ordinal))
        {
            cloud |= Cloud.Azure;
        }

        if (text.Contains("keyless login aws", StringComparison.Ordinal))
        {
            cloud |= Cloud.Aws;
        }

        foreach (var word in Words(text))
        {
            var bare = word.TrimStart('$', '{').TrimEnd('}');
            if (GcpWords.Contains(word, StringComparer.Ordinal) || GcpPrefixes.Any(p => bare.StartsWith(p, StringComparison.Ordinal)))
            {
                cloud |= Cloud.Gcp;
            }

            if (AzureWords.Contains(word, StringComparer.Ordinal) || AzurePrefixes.Any(p => bare.StartsWith(p, StringComparison.Ordinal)))
            {
                cloud |= Cloud.Azure;
            }

            if (AwsWords.Contains(word, StringComparer.Ordinal) || AwsPrefixes.Any(p => bare.StartsWith(p, StringComparison.Ordinal)))
            {
                cloud |= Cloud.Aws;
            }
        }

        return cloud;
    }

    /// <summary>Every cloud the job's scripts and its own variables talk to (global variables are everyone's).</summary>
    public static Cloud OfJob(PipelineJob job) =>
        job.ScriptLines().Select(l => OfText(l.Text))
            .Concat((job.Variables?.Entries ?? []).Select(v => OfText(v.Name + " " + v.Value.Text())))
            .Aggregate(Cloud.None, (a, b) => a | b);

    /// <summary>
    /// The clouds one token is used with. An aud that names a cloud (a GCP provider, Azure's token exchange) settles
    /// it; otherwise what the lines and variables that mention the token talk to, and the whole job's when it is
    /// the job's only token (files and tools pass it on out of sight) or when nothing else says.
    /// </summary>
    public static Cloud OfToken(PipelineJob job, IdToken token)
    {
        var named = token.Audiences.Select(a => OfAudience(Audiences.Expand(job, a.Value))).Aggregate(Cloud.None, (a, b) => a | b);
        if (named != Cloud.None)
        {
            return named;
        }

        var cloud = job.ScriptLines().Where(l => Identifiers.Mentions(l.Text, token.Name)).Select(l => OfText(l.Text)).Aggregate(Cloud.None, (a, b) => a | b);
        cloud |= job.AllVariables().Where(v => Identifiers.Mentions(v.Value.Value, token.Name)).Select(v => OfText(v.Key)).Aggregate(Cloud.None, (a, b) => a | b);
        return cloud == Cloud.None || job.IdTokens.Count == 1 ? cloud | OfJob(job) : cloud;
    }

    private static string[] Words(string text) =>
        text.Split([' ', '\t', '"', '\'', '=', ';', '|', '&', '(', ')', ',', '[', ']'], StringSplitOptions.RemoveEmptyEntries);
}
