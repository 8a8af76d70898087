using Keyless.Formats.Inputs;
using Keyless.GitLab.Lint;
using Keyless.GitLab.Pipeline;
using Keyless.Trust.Findings;

namespace Keyless.GitLab.Tests.Lint;

/// <summary>
/// Issue #7's round trip on the pipeline side: the <c>.gitlab-ci.yml</c> jobs <c>keyless plan</c> writes (the committed
/// example and every golden case), linted with <c>--trust</c> on the <c>.tf.json</c> written beside them, have no
/// finding at all; and the trust rules are live on that very output (break a job, and they speak).
/// </summary>
public sealed class PlanRoundTripLintTests
{
    private static readonly string Repo = Path.GetFullPath(Path.Combine(LintFixtures.Root, "..", "..", "..", ".."));

    /// <summary>Every plan output folder that has both generated pipelines and generated Terraform JSON.</summary>
    public static TheoryData<string> Outputs
    {
        get
        {
            var folders = new[] { Path.Combine(Repo, "examples", "plan", "out") }
                .Concat(Directory.EnumerateDirectories(Path.Combine(Repo, "tests", "Keyless.Plan.Tests", "Golden")))
                .Where(f => Directory.Exists(Path.Combine(f, "gitlab-ci")) && Directory.Exists(Path.Combine(f, "terraform-json")));
            return new(folders.Select(f => Path.GetRelativePath(Repo, f)));
        }
    }

    [Theory]
    [MemberData(nameof(Outputs))]
    public void The_plans_pipelines_are_clean_against_the_plans_own_trust(string output)
    {
        var (options, pipelines) = Load(output);

        Assert.NotEmpty(pipelines);
        foreach (var pipeline in pipelines)
        {
            var document = PipelineReader.Read(pipeline, new PipelineReaderOptions(Path.GetDirectoryName(pipeline)));
            var findings = Linter.Lint(document, options);

            Assert.Empty(document.Diagnostics);
            Assert.Contains(document.Jobs, j => j.HoldsToken);
            Assert.True(findings.Count == 0, $"{pipeline}:\n" + string.Join("\n", findings.Select(f => $"{f.Location.Line}: {f.Id}: {f.Message}")));
        }
    }

    [Fact]
    public void A_plan_job_without_its_environment_is_reported()
    {
        var (options, pipelines) = Load(Path.Combine("examples", "plan", "out"));
        var pipeline = pipelines.Single(p => p.EndsWith("acme-payments.gitlab-ci.yml", StringComparison.Ordinal));
        var yaml = File.ReadAllText(pipeline).Replace("  environment:\n    name: production\n    deployment_tier: production\n", string.Empty, StringComparison.Ordinal);

        var findings = Linter.Lint(PipelineReader.Parse(yaml, pipeline), options).Where(f => f.Id == "missing-environment").ToList();

        // The GCP deploy job, through the provider's condition for project 4242. (The Azure one stays quiet: the
        // .tf.json names the application by object id only, so the job's client id names no identity, and the
        // managed identity behind the same aud needs no environment.)
        var finding = Assert.Single(findings);
        Assert.Equal("deploy@acme-prod.iam.gserviceaccount.com", finding.Identity);
    }

    [Fact]
    public void A_plan_job_with_another_audience_is_reported()
    {
        var (options, pipelines) = Load(Path.Combine("examples", "plan", "out"));
        var pipeline = pipelines.Single(p => p.EndsWith("acme-payments-infra.gitlab-ci.yml", StringComparison.Ordinal));
        var yaml = File.ReadAllText(pipeline).Replace("aud: api://AzureADTokenExchange", "aud: https://gitlab.com", StringComparison.Ordinal);

        var findings = Linter.Lint(PipelineReader.Parse(yaml, pipeline), options);

        Assert.Contains(findings, f => f.Id == "unaccepted-audience" && f.Severity == Severity.Medium);
    }

    private static (LintOptions Options, List<string> Pipelines) Load(string output)
    {
        var folder = Path.Combine(Repo, output);
        var trust = TrustLoader.Load([Path.Combine(folder, "terraform-json")]);
        // Each plan trusts GitLab somewhere: GCP providers, Azure identities or AWS roles (an AWS-only plan has no others).
        Assert.True(trust.Providers.Any() || trust.AzureIdentities.Any() || trust.AwsRoles.Any(), $"{output}: no trust read back");
        var pipelines = Directory.EnumerateFiles(Path.Combine(folder, "gitlab-ci"), "*.yml").Order(StringComparer.Ordinal).ToList();
        return (new LintOptions { Trust = trust }, pipelines);
    }
}
