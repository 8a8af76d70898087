using Keyless.Plan.Design;
using Keyless.Plan.Intent;
using Keyless.Trust.Diagnostics;

namespace Keyless.Plan.Tests;

/// <summary>The <c>aws:</c> section of keyless.yml: read with its defaults, and each mistake reported at its place.</summary>
public sealed class AwsIntentTests
{
    private const string Valid = """
        project: { path: acme/payments, id: 4242 }
        aws:
          account_id: "123456789012"
          roles:
            - name: deploy
              refs: [main]
        """;

    private static InputException Fails(string yaml) =>
        Assert.Throws<InputException>(() => IntentReader.Read("keyless.yml", yaml));

    [Fact]
    public void Should_Read_An_Aws_Only_Intent_With_Defaults()
    {
        var intent = IntentReader.Read("keyless.yml", Valid);

        var role = Assert.Single(intent.Aws!.Roles);
        Assert.Equal(("deploy", "/", (int?)null), (role.Name, role.Path, role.MaxSessionDuration));
        Assert.Equal(2048, intent.Aws.TrustPolicySizeQuota);
        Assert.Null(intent.Gcp);
    }

    [Fact]
    public void Should_Design_The_Provider_From_The_Issuer_And_Pin_The_Project_Id_In_The_Sub()
    {
        var design = TrustDesigner.Design(IntentReader.Read("keyless.yml", "issuer: https://git.acme.example/gitlab\n" + Valid));

        Assert.Equal("arn:aws:iam::123456789012:oidc-provider/git.acme.example/gitlab", design.Aws!.ProviderArn);
        Assert.Equal("git.acme.example/gitlab:sub", design.Aws.SubjectKey);
        Assert.Equal("sts.amazonaws.com", design.Aws.Audience);
        Assert.Equal(["project_id:4242:ref_type:branch:ref:main:ref_protected:true"], design.Aws.Roles[0].Subjects.Select(s => s.Subject));
        Assert.Equal(["project_id", "ref_type", "ref", "ref_protected"], design.Projects[0].SubComponents);
        Assert.DoesNotContain("StringLike", design.Aws.Roles[0].PolicyJson, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Add_The_Environment_Components_And_Say_The_Name_Is_Not_Pinned()
    {
        var design = TrustDesigner.Design(IntentReader.Read("keyless.yml", Valid + "\n      environments: [prod-eu]"));

        Assert.Equal(["project_id", "ref_type", "ref", "ref_protected", "environment_protected", "deployment_tier"], design.Projects[0].SubComponents);
        Assert.EndsWith(":environment_protected:true:deployment_tier:other", design.Aws!.Roles[0].Subjects[0].Subject, StringComparison.Ordinal);
        var note = Assert.Single(design.Notes!, n => n.Path == "aws.roles[0]");
        Assert.Contains("cannot pin the environment name (prod-eu)", note.Text, StringComparison.Ordinal);
        Assert.Contains(design.Notes!, n => n.Path == "aws" && n.Text.Contains("ci_id_token_sub_claim_components", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("account_id: \"123456789012\"", "account_id: \"12345\"", "keyless.yml:3:15 (aws)", "not an AWS account id")]
    [InlineData("- name: deploy", "- name: deploy/prod", "keyless.yml:5:13 (aws.roles[0])", "not an IAM role name")]
    [InlineData("- name: deploy", "- name: deploy\n      path: gitlab", "keyless.yml:6:13 (aws.roles[0])", "not an IAM path")]
    [InlineData("- name: deploy", "- name: deploy\n      max_session_duration: 900", "keyless.yml:6:29 (aws.roles[0])", "3600 to 43200")]
    [InlineData("refs: [main]", "refs: ['release/*']", "keyless.yml:6:14 (aws.roles[0])", "is a pattern")]
    [InlineData("  roles:", "  region: eu-west-1\n  roles:", "keyless.yml:4:3 (aws)", "unknown key 'region'")]
    public void Should_Reject_A_Bad_Value_At_Its_Place(string from, string to, string location, string message)
    {
        var error = Fails(Valid.Replace(from, to, StringComparison.Ordinal));

        Assert.Equal(location, error.Location);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Refuse_A_Role_Without_Refs()
    {
        var error = Fails(Valid.Replace("      refs: [main]", "      environments: [production]", StringComparison.Ordinal));

        Assert.Equal("keyless.yml:5:7 (aws.roles[0])", error.Location);
        Assert.Contains("without them any ref would do", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Refuse_Two_Roles_Whose_Names_Differ_Only_In_Case()
    {
        var error = Fails(Valid + "\n    - name: DEPLOY\n      refs: [main]");

        Assert.Equal("keyless.yml:7:7 (aws.roles[1])", error.Location);
        Assert.Contains("listed twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Refuse_The_Instance_Url_As_The_Aws_Audience()
    {
        var error = Fails(Valid.Replace("  roles:", "  audience: https://gitlab.com\n  roles:", StringComparison.Ordinal));

        Assert.Equal("keyless.yml:3:3 (aws.audience)", error.Location);
        Assert.Contains("instance URL", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Refuse_One_Audience_For_Azure_And_Aws()
    {
        var error = Fails(Valid.Replace("  roles:", "  audience: api://AzureADTokenExchange\n  roles:", StringComparison.Ordinal)
            + "\nazure:\n  tenant: 72f988bf-0000-4000-8000-000000000001\n  applications:\n    - { client_id: 11111111-1111-4111-8111-111111111111, name: app-one, refs: [main] }");

        Assert.Contains("Azure and AWS would share the audience 'api://AzureADTokenExchange'", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("(aws.audience)", error.Location, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Refuse_A_Trust_Policy_Over_The_Size_Quota_And_Say_How_To_Split()
    {
        var refs = string.Join(", ", Enumerable.Range(1, 8).Select(i => $"release/{i}.x"));

        var intent = IntentReader.Read("keyless.yml", Valid.Replace("refs: [main]", $"refs: [{refs}]", StringComparison.Ordinal));

        var error = Assert.Throws<InputException>(() => TrustDesigner.Design(intent));
        Assert.Equal("keyless.yml:5:7 (aws.roles[0])", error.Location);
        Assert.Contains("trust policy would be", error.Message, StringComparison.Ordinal);
        Assert.Contains("quota is 2048", error.Message, StringComparison.Ordinal);
        Assert.Contains("Split it into roles of at most 6 statements", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Accept_The_Same_Policy_Under_A_Raised_Quota()
    {
        var refs = string.Join(", ", Enumerable.Range(1, 8).Select(i => $"release/{i}.x"));

        var intent = IntentReader.Read("keyless.yml", Valid.Replace("refs: [main]", $"refs: [{refs}]", StringComparison.Ordinal)
            .Replace("  roles:", "  trust_policy_size_quota: 4096\n  roles:", StringComparison.Ordinal));

        Assert.InRange(AwsTrustDocument.Size(TrustDesigner.Design(intent).Aws!.Roles[0].PolicyJson), 2049, 4096);
    }

    [Fact]
    public void Should_Name_Aws_When_Nothing_Is_Planned()
    {
        var error = Fails("project: { path: acme/payments, id: 4242 }");

        Assert.Contains("none of 'gcp', 'azure' and 'aws'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Write_Aws_Jobs_Whole_In_The_Component_Style_With_No_Empty_Include()
    {
        var intent = IntentReader.ReadFile(GoldenFiles.Fixture("aws.yml"));

        var components = PlanGenerator.Generate(intent, TerraformSyntax.Json, Pipeline.CiStyle.Component, new Pipeline.ComponentSource("gitlab.com/keyless/keyless", "0.1.0"))
            .Where(f => f.Path.StartsWith("gitlab-ci/", StringComparison.Ordinal)).ToList();
        var inline = PlanGenerator.Generate(intent, TerraformSyntax.Json).Where(f => f.Path.StartsWith("gitlab-ci/", StringComparison.Ordinal)).ToList();

        Assert.Equal(inline.Select(f => f.Path), components.Select(f => f.Path));
        foreach (var (component, written) in components.Zip(inline))
        {
            Assert.DoesNotContain("\ninclude:", component.Content, StringComparison.Ordinal);
            var jobs = written.Content[written.Content.IndexOf("\nkeyless-aws-", StringComparison.Ordinal)..];
            Assert.EndsWith(jobs, component.Content, StringComparison.Ordinal);
        }
    }
}
