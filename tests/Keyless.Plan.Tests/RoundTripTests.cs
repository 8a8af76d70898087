using System.Text.Json.Nodes;
using Keyless.Formats.Inputs;
using Keyless.Plan.Design;
using Keyless.Plan.Intent;
using Keyless.Testing;
using Keyless.Trust.Claims;
using Keyless.Trust.Identities;

namespace Keyless.Plan.Tests;

/// <summary>
/// The plan's own .tf.json, read back by the trust loader and judged by the same evaluator as <c>keyless explain</c>:
/// the intended token gets each identity; a feature branch, a tag named like the protected branch, and another
/// project do not.
/// </summary>
public sealed class RoundTripTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("keyless-plan-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    public static TheoryData<string, string> Identities => new()
    {
        { "deploy@acme-prod.iam.gserviceaccount.com", "production" },
        { "terraform@acme-prod.iam.gserviceaccount.com", "" },
        { "acme-payments-deploy", "production" },
        { "id-payments-infra", "" },
    };

    [Theory]
    [MemberData(nameof(Identities))]
    public void Should_Allow_The_Intended_Token(string identity, string environment)
    {
        var (decide, token) = Setup(identity, environment);

        var decision = decide(token);

        Assert.True(decision.IsAllowed, string.Join(" ", decision.Reasons));
    }

    [Theory]
    [MemberData(nameof(Identities))]
    public void Should_Deny_A_Feature_Branch(string identity, string environment)
    {
        var (decide, token) = Setup(identity, environment);
        token[GitLabClaimNames.Ref] = "feature/steal";
        token[GitLabClaimNames.RefPath] = "refs/heads/feature/steal";
        token[GitLabClaimNames.RefProtected] = "false";

        Assert.Equal(Verdict.Deny, decide(token).Verdict);
    }

    [Theory]
    [MemberData(nameof(Identities))]
    public void Should_Deny_A_Tag_Named_Like_The_Protected_Branch(string identity, string environment)
    {
        var (decide, token) = Setup(identity, environment);
        token[GitLabClaimNames.RefType] = "tag";
        token[GitLabClaimNames.RefPath] = "refs/tags/main";

        // Even a protected tag called main is not the branch main.
        Assert.Equal(Verdict.Deny, decide(token).Verdict);
    }

    [Theory]
    [MemberData(nameof(Identities))]
    public void Should_Deny_Another_Project_Even_At_The_Same_Path(string identity, string environment)
    {
        var (decide, token) = Setup(identity, environment);
        token[GitLabClaimNames.ProjectId] = "9999";

        Assert.Equal(Verdict.Deny, decide(token).Verdict);
    }

    [Theory]
    [MemberData(nameof(Identities))]
    public void Should_Deny_An_Unprotected_Environment_Of_The_Same_Name(string identity, string environment)
    {
        Assert.SkipWhen(environment.Length == 0, "this identity pins no environment");
        var (decide, token) = Setup(identity, environment);
        token[GitLabClaimNames.EnvironmentProtected] = "false";

        Assert.Equal(Verdict.Deny, decide(token).Verdict);
    }

    /// <summary>
    /// Writes the example's plan as .tf.json, loads it, and returns a decider for <paramref name="identity"/> (the
    /// sub is rendered from the token with the project's planned components, as GitLab would) and the intended
    /// token's claims.
    /// </summary>
    private (Func<JsonObject, Decision> Decide, JsonObject Token) Setup(string identity, string environment)
    {
        var intent = IntentReader.ReadFile(Path.Combine(GoldenFiles.RepoRoot, "examples", "plan", "keyless.yml"));
        foreach (var file in PlanGenerator.Generate(intent, TerraformSyntax.Json).Where(f => f.Path.EndsWith(".tf.json", StringComparison.Ordinal)))
        {
            File.WriteAllText(Path.Combine(_folder, Path.GetFileName(file.Path)), file.Content);
        }

        var design = TrustDesigner.Design(intent);
        var evaluator = TrustEvaluator.For(TrustLoader.Load([_folder]));
        var clientId = ClientIdOf(intent, identity);
        var objectId = ObjectIdOf(intent, identity);
        var target = evaluator.Identities.Single(i => i.Name == identity || i.Azure?.Name == identity
            || (clientId is not null && i.Azure?.ClientId == clientId) || (objectId is not null && i.Azure?.ObjectId == objectId));
        var cloud = target.Cloud == "gcp" ? Cloud.Gcp : Cloud.Azure;
        var job = design.Jobs.First(j => j.Cloud == cloud && j.LoginArguments.Contains(LoginKey(intent, identity)));
        var project = design.Projects.Single(p => p.Project == job.Project);

        var token = PlannedJobClaims.PushToMain(intent.Issuer, job.Audience, job.Project.Path, job.Project.Id, jwtId: "3f0e1a2b-0000-4000-8000-000000000000");
        if (environment.Length > 0)
        {
            token.WithProtectedEnvironment(environment, job.Environment!.Tier);
        }

        return (claims =>
        {
            var copy = (JsonObject)claims.DeepClone();
            copy[GitLabClaimNames.Subject] = SubClaimRenderer.Render(copy, project.SubComponents);
            return evaluator.Decide(target, TokenClaims.FromJson(copy));
        }, token);
    }

    private static string LoginKey(PlanIntent intent, string identity) =>
        identity.Contains('@', StringComparison.Ordinal) ? identity : ClientIdOf(intent, identity)!;

    private static string? ClientIdOf(PlanIntent intent, string name) =>
        intent.Azure?.Applications.FirstOrDefault(a => a.Name == name)?.ClientId
        ?? intent.Azure?.ManagedIdentities.FirstOrDefault(m => m.Name == name)?.ClientId;

    private static string? ObjectIdOf(PlanIntent intent, string name) =>
        intent.Azure?.Applications.FirstOrDefault(a => a.Name == name)?.ObjectId;
}
