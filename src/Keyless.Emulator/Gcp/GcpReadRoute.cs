namespace Keyless.Emulator.Gcp;

/// <summary>
/// A request to the IAM v1 or Cloud Resource Manager v1 read methods, by path: which method, on which project, pool,
/// provider or service account, and the permission the method needs (what a 403 names).
/// </summary>
internal sealed record GcpReadRoute(string Method, string Permission, string Project, string Resource, string? Pool = null, string? Provider = null, string? Account = null)
{
    /// <summary>The route for <c>/v1/…</c> (already without <c>/v1/</c>), or null when no read method has that path.</summary>
    public static GcpReadRoute? Of(string httpMethod, string rest)
    {
        var s = rest.Split('/');
        var get = httpMethod is "GET" or "HEAD";
        var post = httpMethod == "POST";
        if (s.Length < 2 || s[0] != "projects" || s[1].Length == 0)
        {
            return null;
        }

        var project = s[1];
        switch (s.Length)
        {
            case 2 when get && !project.Contains(':', StringComparison.Ordinal):
                return new("projects.get", "resourcemanager.projects.get", project, "projects/" + project);
            case 2 when post && project.EndsWith(":getIamPolicy", StringComparison.Ordinal):
                var id = project[..^":getIamPolicy".Length];
                return new("projects.getIamPolicy", "resourcemanager.projects.getIamPolicy", id, "projects/" + id);
            case 3 when get && s[2] == "serviceAccounts":
                return new("serviceAccounts.list", "iam.serviceAccounts.list", project, "projects/" + project);
            case 4 when s[2] == "serviceAccounts" && post && s[3].EndsWith(":getIamPolicy", StringComparison.Ordinal):
                var account = s[3][..^":getIamPolicy".Length];
                return new("serviceAccounts.getIamPolicy", "iam.serviceAccounts.getIamPolicy", project, $"projects/{project}/serviceAccounts/{account}", Account: account);
            case 4 when s[2] == "serviceAccounts" && get && !s[3].Contains(':', StringComparison.Ordinal):
                return new("serviceAccounts.get", "iam.serviceAccounts.get", project, $"projects/{project}/serviceAccounts/{s[3]}", Account: s[3]);
            case 5 when s[2] == "serviceAccounts" && get && s[4] == "keys":
                return new("serviceAccounts.keys.list", "iam.serviceAccountKeys.list", project, $"projects/{project}/serviceAccounts/{s[3]}", Account: s[3]);
        }

        if (s.Length < 5 || s[2] != "locations" || s[4] != "workloadIdentityPools" || !get)
        {
            return null;
        }

        var parent = string.Join('/', s[..4]);
        return s.Length switch
        {
            5 => new("workloadIdentityPools.list", "iam.workloadIdentityPools.list", project, parent),
            6 => new("workloadIdentityPools.get", "iam.workloadIdentityPools.get", project, rest, s[5]),
            7 when s[6] == "providers" => new("workloadIdentityPools.providers.list", "iam.workloadIdentityPoolProviders.list", project, string.Join('/', s[..6]), s[5]),
            8 when s[6] == "providers" => new("workloadIdentityPools.providers.get", "iam.workloadIdentityPoolProviders.get", project, rest, s[5], s[7]),
            _ => null,
        };
    }

    public bool IsResourceManager => Method.StartsWith("projects.", StringComparison.Ordinal) || Method.StartsWith("folders.", StringComparison.Ordinal);
}
