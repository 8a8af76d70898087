using Keyless.Plan.Intent;

namespace Keyless.Plan.Design;

/// <summary>
/// The exact <c>sub</c> values a grant's jobs carry, rendered from the components <see cref="TrustDesigner"/> sets on
/// each project (<c>project_id, ref_type, ref, ref_protected</c>, then <c>environment_protected, deployment_tier</c>
/// when environments are named; GitLab drops absent components). Azure credentials and AWS trust statements both
/// match <c>sub</c> exactly, so both are built from this one list: one subject per project, ref and tier.
/// </summary>
internal static class PlannedSubjects
{
    public static List<SubjectDesign> For(PlanIntent intent, GrantIntent grant)
    {
        var subjects = new List<SubjectDesign>();
        var tiers = IntentValidator.TiersOf(grant);
        foreach (var project in IntentValidator.ProjectsOf(intent, grant))
        {
            var refs = grant.Branches.Distinct().Select(b => ("branch", b)).Concat(grant.Tags.Distinct().Select(t => ("tag", t)));
            foreach (var (type, name) in refs)
            {
                foreach (var tier in tiers.Count == 0 ? [null] : tiers.Cast<string?>())
                {
                    var subject = $"project_id:{project.Id}:ref_type:{type}:ref:{name}:ref_protected:true"
                        + (tier is null ? string.Empty : $":environment_protected:true:deployment_tier:{tier}");
                    var description = $"GitLab {project.Path} protected {type} {name}" + (tier is null ? string.Empty : $", protected {tier} environment");
                    subjects.Add(new SubjectDesign(project, type, name, tier, subject, description));
                }
            }
        }

        return subjects;
    }
}
