namespace Keyless.Trust.Model;

/// <summary>The federated kinds of IAM member (principal identifiers of a workload identity pool).</summary>
public enum GcpMemberKind
{
    /// <summary>Not a workload identity principal (<c>user:</c>, <c>serviceAccount:</c>, …).</summary>
    Other,

    /// <summary><c>principal://…/subject/SUBJECT</c>: one <c>google.subject</c>.</summary>
    Subject,

    /// <summary><c>principalSet://…/group/GROUP</c>: a value in <c>google.groups</c>.</summary>
    Group,

    /// <summary><c>principalSet://…/attribute.NAME/VALUE</c>: a mapped custom attribute.</summary>
    Attribute,

    /// <summary><c>principalSet://…/*</c>: every identity in the pool.</summary>
    AllInPool,
}

/// <summary>
/// A parsed IAM member. Principals are per pool, not per provider, so the pool is the whole scope.
/// </summary>
public sealed record GcpMember(string Raw, GcpMemberKind Kind, GcpProjectRef Project, string? PoolId, string? AttributeName, string? Value)
{
    private const string PrincipalPrefix = "principal://iam.googleapis.com/";
    private const string PrincipalSetPrefix = "principalSet://iam.googleapis.com/";

    public bool IsFederated => Kind != GcpMemberKind.Other;

    /// <summary>The pool resource name as written in the member (project number or id as given).</summary>
    public string? PoolName => PoolId is null ? null : $"projects/{Project}/locations/global/workloadIdentityPools/{PoolId}";

    public static GcpMember Parse(string member)
    {
        ArgumentNullException.ThrowIfNull(member);
        var isSet = member.StartsWith(PrincipalSetPrefix, StringComparison.Ordinal);
        if (!isSet && !member.StartsWith(PrincipalPrefix, StringComparison.Ordinal))
        {
            return Other(member);
        }

        var rest = member[(isSet ? PrincipalSetPrefix.Length : PrincipalPrefix.Length)..];

        // projects/P/locations/global/workloadIdentityPools/POOL/<selector>
        var parts = rest.Split('/', 7);
        if (parts.Length < 7 || parts[0] != "projects" || parts[2] != "locations" || parts[4] != "workloadIdentityPools")
        {
            return Other(member);
        }

        var project = GcpProjectRef.Parse(parts[1]);
        var pool = parts[5];
        var selector = parts[6];
        if (!isSet)
        {
            return selector.StartsWith("subject/", StringComparison.Ordinal)
                ? new(member, GcpMemberKind.Subject, project, pool, null, selector["subject/".Length..])
                : Other(member);
        }

        if (selector == "*")
        {
            return new(member, GcpMemberKind.AllInPool, project, pool, null, null);
        }

        if (selector.StartsWith("group/", StringComparison.Ordinal))
        {
            return new(member, GcpMemberKind.Group, project, pool, null, selector["group/".Length..]);
        }

        if (selector.StartsWith("attribute.", StringComparison.Ordinal))
        {
            var slash = selector.IndexOf('/', StringComparison.Ordinal);
            if (slash > "attribute.".Length)
            {
                return new(member, GcpMemberKind.Attribute, project, pool, selector["attribute.".Length..slash], selector[(slash + 1)..]);
            }
        }

        return Other(member);
    }

    private static GcpMember Other(string member) => new(member, GcpMemberKind.Other, GcpProjectRef.Unknown, null, null, null);

    /// <summary>What a token must map to for this member to match, in words.</summary>
    public string Requirement => Kind switch
    {
        GcpMemberKind.Subject => $"google.subject = '{Value}'",
        GcpMemberKind.Group => $"'{Value}' in google.groups",
        GcpMemberKind.Attribute => $"attribute.{AttributeName} = '{Value}'",
        GcpMemberKind.AllInPool => "any identity in the pool",
        _ => "not a workload identity principal",
    };
}
