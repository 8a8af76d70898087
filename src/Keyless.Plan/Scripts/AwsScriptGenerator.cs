using System.Text;
using Keyless.Plan.Design;

namespace Keyless.Plan.Scripts;

/// <summary>
/// The AWS side as aws CLI commands (aws-cli's iam reference; shapes from botocore's iam-2010-05-08 model: Url is
/// CreateOpenIDConnectProvider's only required member, so no thumbprint): the OIDC provider, then each role with its
/// trust policy. IAM keeps one provider per URL and account, and one role per name, so the script adds its client id
/// to a provider that exists and replaces the trust policy of a role that exists, and can be run again.
/// </summary>
public static class AwsScriptGenerator
{
    public static string Generate(TrustDesign design, AwsDesign aws)
    {
        var script = new StringBuilder(Shell.Header($"IAM OIDC provider and roles for GitLab CI in AWS account {aws.AccountId}."));
        foreach (var note in design.Notes ?? [])
        {
            script.Append('\n').Append(Comment(note.Text));
        }

        script.Append("\nprovider_arn=").Append(Shell.Quote(aws.ProviderArn)).Append('\n')
            .Append("if aws iam get-open-id-connect-provider --open-id-connect-provider-arn \"$provider_arn\" >/dev/null 2>&1; then\n")
            .Append(Indented(Shell.Command(
            [
                "aws", "iam", "add-client-id-to-open-id-connect-provider",
                "--open-id-connect-provider-arn", Shell.Variable("provider_arn"), "--client-id", aws.Audience,
            ])))
            .Append("else\n")
            .Append(Indented(Shell.Command(
            [
                "aws", "iam", "create-open-id-connect-provider", "--url", design.Issuer, "--client-id-list", aws.Audience,
            ])))
            .Append("fi\n");

        foreach (var role in aws.Roles)
        {
            script.Append($"\n# Role {role.Name}: one statement per exact sub.\n");
            foreach (var subject in role.Subjects)
            {
                script.Append($"#   {subject.Subject}  ({subject.Description})\n");
            }

            script.Append("trust=").Append(Shell.Quote(role.PolicyJson)).Append('\n')
                .Append("if aws iam get-role --role-name ").Append(Shell.Quote(role.Name)).Append(" >/dev/null 2>&1; then\n")
                .Append(Indented(Shell.Command(
                [
                    "aws", "iam", "update-assume-role-policy", "--role-name", role.Name, "--policy-document", Shell.Variable("trust"),
                ])))
                .Append("else\n");
            List<string> create =
            [
                "aws", "iam", "create-role", "--role-name", role.Name, "--path", role.Path, "--description", role.Description,
            ];
            if (role.MaxSessionDuration is { } seconds)
            {
                create.AddRange(["--max-session-duration", seconds.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            }

            create.AddRange(["--assume-role-policy-document", Shell.Variable("trust")]);
            script.Append(Indented(Shell.Command(create))).Append("fi\n");
        }

        return script.ToString();
    }

    private static string Indented(string lines) =>
        string.Concat(lines.Split('\n').Select(line => line.Length == 0 ? string.Empty : $"  {line}\n"));

    /// <summary>A note as shell comment lines of readable width.</summary>
    private static string Comment(string text) =>
        string.Concat(TextWrap.Lines(text, 108).Split('\n').Select(line => $"# {line}\n"));
}
