using Keyless.Trust.Audits;
using Keyless.Trust.Claims;
using Keyless.Trust.Findings;
using Keyless.Trust.Identities;

namespace Keyless.Trust.Tests.Audits;

public sealed class AuditorTests
{
    public sealed class Run
    {
        [Theory]
        [MemberData(nameof(AuditCases.Names), MemberType = typeof(AuditCases))]
        public void Finds_exactly_the_expected_findings(string name)
        {
            var actual = AuditCases.Run(name)
                .Select(f => $"{f.Id} | {f.Persona?.ToWire() ?? "-"} | {f.Identity} | {f.Severity.ToWire()} | {f.Confidence.ToWire()}")
                .Order(StringComparer.Ordinal).ToArray();
            var expected = AuditCases.Expected(name)["findings"]!.AsArray()
                .Select(f => $"{f!["id"]} | {f["persona"]?.GetValue<string>() ?? "-"} | {f["identity"]} | {f["severity"]} | {f["confidence"]}")
                .Order(StringComparer.Ordinal).ToArray();
            Assert.Equal(expected, actual);
        }

        [Theory]
        [MemberData(nameof(AuditCases.Names), MemberType = typeof(AuditCases))]
        public void Every_witness_gets_its_identity_from_the_same_evaluator_as_explain(string name)
        {
            var trust = AuditCases.Trust(name);
            var evaluator = TrustEvaluator.For(trust);
            foreach (var finding in AuditCases.Run(name))
            {
                if (finding.Persona is not null)
                {
                    Assert.NotNull(finding.Witness);
                }

                if (finding.Witness is not { } witness)
                {
                    continue;
                }

                var identity = evaluator.Identities.Single(i => i.Name == finding.Identity);
                var decision = evaluator.Decide(identity, TokenClaims.FromJson(witness));
                Assert.True(decision.IsAllowed, $"{name}: {finding.Id} witness denied: {string.Join(" ", decision.Reasons)}");
                Assert.Equal(witness["sub"]!.GetValue<string>(), SubClaimRenderer.Render(witness, SubPatternsOf(witness, trust)));
            }
        }

        [Theory]
        [InlineData("safe-gcp-project-id-protected-main")]
        [InlineData("safe-azure-project-id-subject")]
        [InlineData("safe-gcp-protected-environment")]
        public void Known_safe_configurations_have_nothing_at_medium_or_above_and_are_proven(string name)
        {
            var findings = AuditCases.Run(name);
            Assert.DoesNotContain(findings, f => f.Severity >= Severity.Medium);

            var context = new AuditContext(AuditCases.Trust(name));
            foreach (var identity in context.Identities)
            {
                foreach (var scenario in Keyless.Trust.RedTeam.AttackScenarios.Attacks)
                {
                    var result = context.Search(identity, scenario);
                    Assert.False(result.Found);
                    Assert.True(result.Complete, $"{scenario}: {string.Join("; ", result.Gaps)}");
                }
            }
        }

        public static TheoryData<string> HardenedExamples()
        {
            var data = new TheoryData<string>();
            foreach (var dir in Directory.GetDirectories(Path.Combine(AuditCases.RepoRoot, "examples"), "*-hardened-*").Order(StringComparer.Ordinal))
            {
                data.Add(Path.GetFileName(dir));
            }

            return data;
        }

        [Theory]
        [MemberData(nameof(HardenedExamples))]
        public void The_hardened_examples_audit_clean_and_proven(string example)
        {
            var trust = Keyless.Formats.Inputs.TrustLoader.Load([Path.Combine(AuditCases.RepoRoot, "examples", example)]);
            var findings = Auditor.Run(trust);
            Assert.True(findings.All(f => f.Severity < Severity.Medium), string.Join("\n", findings.Select(f => f.Message)));

            var context = new AuditContext(trust);
            foreach (var identity in context.Identities)
            {
                foreach (var scenario in Keyless.Trust.RedTeam.AttackScenarios.Attacks)
                {
                    var result = context.Search(identity, scenario);
                    Assert.False(result.Found, $"{example} {scenario}");
                    Assert.True(result.Complete, $"{example} {scenario}: {string.Join("; ", result.Gaps)}");
                }
            }
        }

        [Fact]
        public void A_reclaimed_path_finding_is_lower_once_gitlab_blocks_reclaimed_paths()
        {
            var trust = AuditCases.Trust("path-reclaimer-path-subject");
            var before = Auditor.Run(trust, new AuditOptions { GitLabVersion = new Version(18, 11) }).Single(f => f.Id == "path-reclaimer-can-assume");
            var after = Auditor.Run(trust, new AuditOptions { GitLabVersion = new Version(19, 1) }).Single(f => f.Id == "path-reclaimer-can-assume");
            Assert.True(after.Severity < before.Severity);
        }

        [Fact]
        public void Findings_resting_on_gitlab_defaults_say_assumed()
        {
            var findings = AuditCases.Run("developer-assumed-defaults");
            Assert.NotEmpty(findings);
            Assert.All(findings.Where(f => f.Persona == Persona.Developer), f =>
            {
                Assert.Equal(Confidence.Assumed, f.Confidence);
                Assert.Contains("GitLab's default", f.Message, StringComparison.Ordinal);
            });
        }

        [Fact]
        public void A_tag_named_like_the_protected_branch_is_the_witness_when_only_ref_is_pinned()
        {
            var finding = Assert.Single(AuditCases.Run("developer-tag-named-main"));
            Assert.Equal("tag", finding.Witness!["ref_type"]!.GetValue<string>());
            Assert.Equal("main", finding.Witness["ref"]!.GetValue<string>());
            Assert.Equal("false", finding.Witness["ref_protected"]!.GetValue<string>());
            Assert.Contains("ref_type", finding.Fix, StringComparison.Ordinal);
        }

        [Fact]
        public void The_fork_witness_names_the_fork_in_project_claims_and_the_parent_in_job_project_claims()
        {
            var finding = Assert.Single(AuditCases.Run("fork-contributor-job-project-id"));
            var w = finding.Witness!;
            Assert.Equal("4242", w["job_project_id"]!.GetValue<string>());
            Assert.NotEqual("4242", w["project_id"]!.GetValue<string>());
            Assert.Equal("merge_request_event", w["pipeline_source"]!.GetValue<string>());
        }

        private static IReadOnlyList<string> SubPatternsOf(System.Text.Json.Nodes.JsonObject witness, Model.TrustSet trust) =>
            Keyless.Trust.RedTeam.SubPatterns.Components(witness["sub"]!.GetValue<string>()) ?? SubClaimRenderer.DefaultComponents;
    }
}
