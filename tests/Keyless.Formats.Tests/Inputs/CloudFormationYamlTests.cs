using Keyless.Formats.Inputs;
using Keyless.Trust.Diagnostics;
using Keyless.Trust.Model;

namespace Keyless.Formats.Tests.Inputs;

/// <summary>
/// CloudFormation templates in YAML: short and long intrinsic forms read as the JSON template would be, what
/// CloudFormation refuses in YAML refused with the line, and the other YAML files of a repository left alone.
/// </summary>
public sealed class CloudFormationYamlTests
{
    private const string Provider = """
        AWSTemplateFormatVersion: "2010-09-09"
        Resources:
          GitLab:
            Type: AWS::IAM::OIDCProvider
            Properties:
              Url: https://gitlab.com
              ClientIdList: [sts.amazonaws.com]

        """;

    private static AwsRole Role(string yaml) => Assert.Single(TrustLoader.LoadText("template.yaml", yaml).AwsRoles);

    private static string RoleWith(string federated, string sub) => Provider + $$"""
          Deploy:
            Type: AWS::IAM::Role
            Properties:
              RoleName: gitlab-deploy
              AssumeRolePolicyDocument:
                Statement:
                  - Effect: Allow
                    Principal: {Federated: {{federated}}}
                    Action: sts:AssumeRoleWithWebIdentity
                    Condition:
                      StringEquals:
                        gitlab.com:sub: {{sub}}
        """;

    [Theory]
    [InlineData("!Ref GitLab")]
    [InlineData("!GetAtt GitLab.Arn")]
    [InlineData("!GetAtt [GitLab, Arn]")]
    [InlineData("{'Fn::GetAtt': [GitLab, Arn]}")]
    [InlineData("!Sub 'arn:${AWS::Partition}:iam::${AWS::AccountId}:oidc-provider/gitlab.com'")]
    [InlineData("!Sub ['arn:aws:iam::${AWS::AccountId}:oidc-provider/${Host}', {Host: gitlab.com}]")]
    [InlineData("!Join [':', [arn, !Ref 'AWS::Partition', iam, '', !Ref 'AWS::AccountId', oidc-provider/gitlab.com]]")]
    [InlineData("{'Fn::Join': ['', ['arn:aws:iam::', {Ref: 'AWS::AccountId'}, ':oidc-provider/gitlab.com']]}")]
    public void Every_form_of_the_provider_arn_names_the_provider(string federated)
    {
        var role = Role(RoleWith(federated, "project_id:4242:ref_type:branch:ref:main"));

        Assert.Empty(role.Unknown);
        Assert.Null(role.PolicyError);
        Assert.Equal(["arn:aws:iam:::oidc-provider/gitlab.com"], Assert.Single(role.Statements).Federated);
    }

    [Theory]
    [InlineData("!Select [1, [project_id:1, project_id:4242:ref_type:branch:ref:main]]")]
    [InlineData("!Select ['0', !Split ['|', 'project_id:4242:ref_type:branch:ref:main|x']]")]
    [InlineData("!If [Always, project_id:4242:ref_type:branch:ref:main, !ImportValue never-read]")]
    [InlineData("!FindInMap [Subjects, gitlab, main]")]
    public void Select_split_if_and_find_in_map_give_the_value_the_template_decides(string sub)
    {
        var yaml = RoleWith("!Ref GitLab", sub) + """

            Conditions:
              Always: !And [!Equals [a, a], !Not [!Equals [a, b]], !Or [!Condition Never, !Equals ['1', '1']]]
              Never: !Equals [a, b]
            Mappings:
              Subjects:
                gitlab:
                  main: project_id:4242:ref_type:branch:ref:main
            """;

        var role = Role(yaml);

        Assert.Empty(role.Unknown);
        var condition = Assert.Single(Assert.Single(role.Statements).Conditions);
        Assert.Equal(["project_id:4242:ref_type:branch:ref:main"], condition.Values);
    }

    [Fact]
    public void An_import_or_a_parameter_without_default_is_named_as_known_only_at_deployment()
    {
        var yaml = RoleWith("!ImportValue shared-oidc-arn", "!Sub 'project_id:${ProjectId}:ref_type:branch:ref:main'") + """

            Parameters:
              ProjectId: {Type: String}
            """;

        var role = Role(yaml);

        Assert.Contains("$.Resources.Deploy.Properties.AssumeRolePolicyDocument.Statement[0].Principal.Federated (Fn::ImportValue)", role.Unknown);
        Assert.Contains(role.Unknown, u => u.EndsWith("['gitlab.com:sub'] (Fn::Sub)", StringComparison.Ordinal));
        Assert.True(role.TrustsFederation);
    }

    [Fact]
    public void A_resource_whose_condition_is_false_is_not_created()
    {
        var yaml = Provider.Replace("    Type: AWS::IAM::OIDCProvider", "    Type: AWS::IAM::OIDCProvider\n    Condition: Create", StringComparison.Ordinal) + """
            Conditions:
              Create: !Equals [!Ref Existing, ""]
            Parameters:
              Existing: {Type: String, Default: "arn:aws:iam::111122223333:oidc-provider/gitlab.com"}
            """;

        using var folder = new TempFolder();
        var e = Assert.Throws<InputException>(() => TrustLoader.Load([folder.Write("template.yaml", yaml)]));
        Assert.StartsWith("no trust found", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_yaml_and_json_templates_of_one_trust_read_the_same()
    {
        var yaml = TrustLoader.LoadText("t.yaml", RoleWith("!GetAtt GitLab.Arn", "project_id:4242:ref_type:branch:ref:main"));
        var json = TrustLoader.LoadText("t.json", """
            {"Resources": {
              "GitLab": {"Type": "AWS::IAM::OIDCProvider", "Properties": {"Url": "https://gitlab.com", "ClientIdList": ["sts.amazonaws.com"]}},
              "Deploy": {"Type": "AWS::IAM::Role", "Properties": {"RoleName": "gitlab-deploy", "AssumeRolePolicyDocument": {
                "Statement": [{"Effect": "Allow", "Principal": {"Federated": {"Fn::GetAtt": ["GitLab", "Arn"]}},
                  "Action": "sts:AssumeRoleWithWebIdentity",
                  "Condition": {"StringEquals": {"gitlab.com:sub": "project_id:4242:ref_type:branch:ref:main"}}}]}}}}}
            """);

        Assert.Equal(Describe(json), Describe(yaml));
    }

    [Theory]
    [InlineData("Resources:\n  A: {Type: 'AWS::IAM::Role'\n  B: x\n", 2, "not valid YAML")]
    [InlineData("Resources:\n  A: &a {Type: AWS::IAM::Role}\n  B: *a\n", 3, "aliases")]
    [InlineData("Resources:\n  A:\n    <<: {Type: AWS::IAM::Role}\n", 3, "hash merges")]
    [InlineData("Resources:\n  A:\n    Type: AWS::IAM::Role\n    Properties: !reference [x, y]\n", 4, "!reference is no CloudFormation intrinsic")]
    [InlineData("Resources:\n  A: {Type: AWS::IAM::Role}\n  A: {Type: AWS::IAM::Role}\n", 3, "appears twice")]
    [InlineData("Resources: {Type: AWS::IAM::Role}\n---\nResources: {}\n", 2, "one YAML document")]
    public void What_cloudformation_refuses_in_yaml_names_the_file_and_line(string yaml, int line, string message)
    {
        var e = Assert.Throws<InputException>(() => TrustLoader.LoadText("stack.yaml", yaml));

        Assert.Equal("stack.yaml", e.File);
        Assert.Equal(line, e.Line);
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void In_a_folder_pipelines_and_config_are_left_alone_and_a_broken_template_is_listed()
    {
        using var folder = new TempFolder();
        folder.Write(".gitlab-ci.yml", "deploy:\n  script: [aws sts get-caller-identity]\n  id_tokens:\n    AWS_TOKEN: {aud: sts.amazonaws.com}\n  needs: !reference [.base, needs]\n");
        folder.Write(".keyless.yml", "fail-on: high\n");
        folder.Write("docker-compose.yaml", "services: {web: {image: nginx}}\n");
        folder.Write("broken/stack.yaml", "AWSTemplateFormatVersion: '2010-09-09'\nResources: [\n");
        folder.Write("infra/stack.yaml", RoleWith("!Ref GitLab", "project_id:4242:ref_type:branch:ref:main"));

        var trust = TrustLoader.Load([folder.Path]);

        Assert.Equal([Path.Combine(folder.Path, "infra", "stack.yaml")], trust.Files);
        var skipped = Assert.Single(trust.Skipped);
        Assert.Equal(Path.Combine(folder.Path, "broken", "stack.yaml"), skipped.File);
        Assert.Contains("not valid YAML", skipped.Reason, StringComparison.Ordinal);
        Assert.Single(trust.AwsRoles);
    }

    [Fact]
    public void A_pipeline_named_as_trust_input_is_refused_with_its_place()
    {
        using var folder = new TempFolder();
        var pipeline = folder.Write(".gitlab-ci.yml", "deploy:\n  script: [make]\n");

        var e = Assert.Throws<InputException>(() => TrustLoader.Load([pipeline]));

        Assert.Equal(pipeline, e.File);
        Assert.Contains("not a trust input", e.Message, StringComparison.Ordinal);
    }

    private static string Describe(TrustSet trust) =>
        string.Join("\n", trust.AwsProviders.Select(p => $"{p.Url} {string.Join(",", p.ClientIds)}")
            .Concat(trust.AwsRoles.Select(r => $"{r.Name} {string.Join(";", r.Statements.Select(s => $"{s.IsAllow} {string.Join(",", s.Federated)} {string.Join(",", s.Actions)} {string.Join(",", s.Conditions.Select(c => $"{c.Operator} {c.Key} {string.Join("|", c.Values)}"))}"))}")));
}
