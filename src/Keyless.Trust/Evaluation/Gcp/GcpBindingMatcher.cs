using Keyless.Trust.Model;

namespace Keyless.Trust.Evaluation.Gcp;

/// <summary>Matches a federated principal against IAM members, per pool, as IAM does.</summary>
internal static class GcpBindingMatcher
{
    /// <summary>Whether <paramref name="member"/> names <paramref name="principal"/>; null when it cannot be known.</summary>
    public static bool? Matches(GcpBinding binding, GcpMember member, FederatedPrincipal principal, GcpTrustIndex index, out string why)
    {
        if (!member.IsFederated)
        {
            why = $"{member.Raw} is not a workload identity principal";
            return false;
        }

        var poolMatch = SamePool(binding, member, principal, index, out why);
        if (poolMatch != true)
        {
            return poolMatch;
        }

        switch (member.Kind)
        {
            case GcpMemberKind.AllInPool:
                why = $"{member.Raw} admits every identity in the pool";
                return true;
            case GcpMemberKind.Subject:
                why = principal.Subject == member.Value
                    ? $"google.subject '{principal.Subject}' matches {member.Raw}"
                    : $"{member.Raw} needs google.subject '{member.Value}'; the token mapped it to '{principal.Subject}'";
                return principal.Subject == member.Value;
            case GcpMemberKind.Group:
                var inGroup = principal.Groups.Contains(member.Value!, StringComparer.Ordinal);
                why = inGroup
                    ? $"google.groups contains '{member.Value}'"
                    : $"{member.Raw} needs '{member.Value}' in google.groups; the token mapped [{string.Join(", ", principal.Groups)}]";
                return inGroup;
            default:
                if (!principal.Attributes.TryGetValue(member.AttributeName!, out var actual))
                {
                    why = $"{member.Raw} needs attribute.{member.AttributeName} = '{member.Value}'; the provider maps no attribute.{member.AttributeName}";
                    return false;
                }

                why = actual == member.Value
                    ? $"attribute.{member.AttributeName} '{actual}' matches {member.Raw}"
                    : $"{member.Raw} needs attribute.{member.AttributeName} = '{member.Value}'; the token mapped it to '{actual}'";
                return actual == member.Value;
        }
    }

    public static ImpersonationResult Impersonate(GcpTrustIndex index, FederatedPrincipal principal, string email, DateTimeOffset now)
    {
        var pool = index.Principal(principal.PoolName).Pool;
        if (pool is not null && (pool.Disabled || pool.State == ResourceState.Deleted))
        {
            var error = GcpStsErrors.Unauthenticated();
            return new(false, error,
                [$"{error.Error}: {error.Description}", $"Pool {pool.Name} is {(pool.Disabled ? "disabled" : "deleted")}, so its federated tokens are not accepted any more."]);
        }

        if (now > principal.TokenExpiry)
        {
            var error = GcpStsErrors.Unauthenticated();
            return new(false, error, [$"{error.Error}: {error.Description}", $"The federated token expired at {principal.TokenExpiry:u}."]);
        }

        var reasons = new List<string>();
        var unknown = false;
        foreach (var (_, binding, parsed) in index.ImpersonationBindings(email))
        {
            if (parsed is not { } member)
            {
                unknown = true;
                reasons.Add($"A {binding.Role} binding on {email} ({binding.Source}) has a member not known until apply.");
                continue;
            }

            var match = Matches(binding, member, principal, index, out var why);
            if (match == true && binding.ConditionExpression is { } condition)
            {
                unknown = true;
                reasons.Add($"{why}, but the {binding.Role} binding has an IAM condition ({condition}) that Keyless does not evaluate.");
                continue;
            }

            if (match == true)
            {
                return new(true, null, [$"{why}: {binding.Role} on {binding.Target} ({binding.Source}) lets it call generateAccessToken for {email}."])
                {
                    MatchedBinding = $"{binding.Role} → {binding.Member}",
                };
            }

            unknown |= match is null;
            if (member.IsFederated)
            {
                reasons.Add($"{binding.Role} on {binding.Target}: {why}.");
            }
        }

        if (unknown)
        {
            return new(false, null, reasons) { Indeterminate = true };
        }

        var denied = GcpStsErrors.PermissionDenied();
        if (reasons.Count == 0)
        {
            reasons.Add($"No roles/iam.workloadIdentityUser or roles/iam.serviceAccountTokenCreator binding on {email} names a principal of pool {principal.PoolName}.");
        }

        return new(false, denied, [$"{denied.Error}: {denied.Description}", .. reasons]);
    }

    /// <summary><c>name@PROJECT.iam.gserviceaccount.com</c> → PROJECT.</summary>
    public static string? ProjectOf(string email)
    {
        const string Suffix = ".iam.gserviceaccount.com";
        var at = email.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && email.EndsWith(Suffix, StringComparison.OrdinalIgnoreCase)
            ? email[(at + 1)..^Suffix.Length]
            : null;
    }

    private static bool? SamePool(GcpBinding binding, GcpMember member, FederatedPrincipal principal, GcpTrustIndex index, out string why)
    {
        var (principalPool, pool) = index.Principal(principal.PoolName);
        var trust = index.Trust;
        why = string.Empty;
        if (principalPool.PoolId != member.PoolId)
        {
            why = $"{member.Raw} is in pool '{member.PoolId}', not '{principalPool.PoolId}'";
            return false;
        }

        var project = pool?.Project ?? principalPool.Project;
        var number = trust.ProjectNumberOf(project);
        if (member.Project.Number is { } memberNumber)
        {
            if (number is null)
            {
                return true;
            }

            why = $"{member.Raw} names project {memberNumber}; the pool is in project {number}";
            return memberNumber == number;
        }

        // A project id in a principal identifier never matches in IAM, unless it stands for a Terraform reference
        // that apply will replace with the number.
        if (binding.MemberFromReference && member.Project.Id == project.Id)
        {
            return true;
        }

        why = $"{member.Raw} names project '{member.Project.Id}' by id; principal identifiers need the project number{(number is null ? string.Empty : $" ({number})")}";
        return false;
    }
}
