using System.Text;
using Keyless.Trust.Claims;
using Keyless.Trust.Evaluation;
using Keyless.Trust.Evaluation.Gcp;
using Keyless.Trust.Findings;

namespace Keyless.Trust.Audits;

/// <summary>
/// <c>google.subject</c> is capped at 127 bytes (STS: invalid_request). Mapped from <c>sub</c>, a path or a ref, it
/// grows with branch names that anyone with push can choose, and long paths overflow even on the default branch.
/// </summary>
public sealed class GoogleSubjectTooLongAudit : AuditRule
{
    private const int Limit = GcpExchange.MaxSubjectBytes;

    // A feature branch like "feature/ABC-1234-short-description" adds about this many bytes over "main".
    private const int TypicalBranchGrowth = 40;

    // Claims whose length the project does not bound: paths and refs (git allows refs far past 127 bytes).
    private static readonly HashSet<string> Unbounded = new(StringComparer.Ordinal)
    {
        GitLabClaimNames.Subject, GitLabClaimNames.Ref, GitLabClaimNames.RefPath, GitLabClaimNames.ProjectPath,
        GitLabClaimNames.NamespacePath, GitLabClaimNames.Environment, GitLabClaimNames.CiConfigRefUri, GitLabClaimNames.UserEmail,
    };

    public override string Id => "google-subject-over-127-bytes";

    public override string Summary => "The google.subject mapping can exceed GCP's 127-byte limit, so STS rejects those tokens.";

    public override Severity DefaultSeverity => Severity.Low;

    /// <summary>It reads each identity's attack paths alone, so it runs while they are held (<see cref="AuditRun"/>).</summary>
    public override bool RunsPerIdentity => true;

    public override IEnumerable<Finding> Run(AuditContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var identity in context.Identities.Where(i => i.Azure is null))
        {
            foreach (var path in context.Engine.Paths(identity))
            {
                if (path.Provider is not { } provider || provider.AttributeMapping.GetValueOrDefault("google.subject") is not { } mapping)
                {
                    continue;
                }

                // The mapping as the evaluator compiled it (once per trust).
                var program = CompiledTrust.For(context.Trust).Provider(provider).Mapping.Single(m => m.Target == "google.subject").Program;
                var reads = program is null ? [] : AssertionReads.In(program.Ast).ToHashSet(StringComparer.Ordinal);
                if (!reads.Overlaps(Unbounded))
                {
                    continue;
                }

                var victim = path.Victim;
                var legit = SubClaimRenderer.Render(new System.Text.Json.Nodes.JsonObject
                {
                    [GitLabClaimNames.ProjectPath] = victim.Path, [GitLabClaimNames.ProjectId] = victim.Id,
                    [GitLabClaimNames.RefType] = "branch", [GitLabClaimNames.Ref] = victim.DefaultBranch,
                }, victim.Components);
                var bytes = Encoding.UTF8.GetByteCount(legit);
                var over = reads.Contains(GitLabClaimNames.Subject) && bytes > Limit;
                if (!over && bytes + TypicalBranchGrowth <= Limit)
                {
                    continue; // Room for ordinary branch names: not worth a finding.
                }

                var message = over
                    ? $"google.subject = {mapping} gives '{legit}' ({bytes} bytes) for the project's own default branch; STS rejects anything over {Limit} bytes."
                    : $"google.subject = {mapping} reads {string.Join(", ", reads.Where(Unbounded.Contains))}, whose length the project does not bound: a branch name past {Limit - Math.Min(bytes, Limit)} more bytes makes STS reject the token.";
                yield return Static(identity.Name, message,
                    "Map google.subject from bounded claims, e.g. assertion.project_id + '::' + assertion.ref_type + '::' + assertion.ref_protected, and pin the ref in the attribute condition or an attribute.* binding instead (Terraform attribute_mapping; gcloud --attribute-mapping).",
                    path.Source, over ? Severity.Medium : Severity.Low);
            }
        }
    }
}
