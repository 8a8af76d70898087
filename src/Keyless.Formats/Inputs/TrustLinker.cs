using Keyless.Trust.Model;

namespace Keyless.Formats.Inputs;

/// <summary>
/// Links what the importers read: project ids to numbers, pools to providers, federated credentials to their
/// application or managed identity, protected refs to their GitLab project. What cannot be linked is kept and
/// said in <see cref="TrustSet.Notes"/>, never dropped.
/// </summary>
internal static class TrustLinker
{
    public static TrustSet Link(TrustBuilder b)
    {
        var numbers = new Dictionary<string, string>(b.ProjectNumbers, StringComparer.Ordinal);
        foreach (var project in b.Pools.Select(p => p.Project).Concat(b.Providers.Select(p => p.Project)))
        {
            if (project is { Number: { } number, Id: { } id })
            {
                numbers.TryAdd(id, number);
            }
        }

        GcpProjectRef Fill(GcpProjectRef p) =>
            p.Number is null && p.Id is { } id && numbers.TryGetValue(id, out var n) ? p with { Number = n } : p;

        var pools = b.Pools.Select(p => p with { Project = Fill(p.Project) })
            .DistinctBy(p => (p.PoolId, Key(p.Project))).ToArray();
        var providers = b.Providers.Select(p => p with { Project = Fill(p.Project) })
            .DistinctBy(p => (p.PoolId, p.ProviderId, Key(p.Project))).ToArray();

        var notes = new List<string>(b.Notes);
        var (identities, orphanNotes) = LinkAzure(b);
        notes.AddRange(orphanNotes);
        var (projects, unattached) = LinkGitLab(b, notes);

        return new TrustSet
        {
            Pools = pools,
            Providers = providers,
            Bindings = [.. b.Bindings],
            GcpProjectNumbers = numbers,
            AzureIdentities = identities,
            AwsProviders = LinkAwsProviders(b.AwsProviders),
            // A role described twice (get-role and list-roles) is one role: the first description is kept.
            AwsRoles = [.. b.AwsRoles.DistinctBy(r => r.Arn ?? r.Source.ToString(), StringComparer.Ordinal)],
            GitLabProjects = projects,
            UnattachedProtectedRefs = unattached,
            Unrecognized = [.. b.Unrecognized],
            StaticCredentials = [.. b.StaticCredentials],
            Notes = notes,
            Unverified = [.. b.Unverified],
            Files = [.. b.Files],
        };
    }

    /// <summary>
    /// One provider per URL and account: a provider described twice (list-open-id-connect-providers gives its ARN,
    /// get-open-id-connect-provider its audiences) becomes one with both.
    /// </summary>
    private static AwsOidcProvider[] LinkAwsProviders(List<AwsOidcProvider> providers) =>
        [.. providers.GroupBy(p => p.Url, StringComparer.Ordinal).SelectMany(group =>
        {
            var known = group.Where(p => p.Unknown.Count == 0).ToArray();
            var arn = group.Select(p => p.Arn).FirstOrDefault(a => a is not null);
            return known.Length == 0
                ? group.DistinctBy(p => p.AccountId)
                : known.Select(p => p.Arn is null && arn is not null && known.Length == 1 ? p with { Arn = arn } : p).DistinctBy(p => p.AccountId);
        })];

    private static string Key(GcpProjectRef p) => p.Number ?? p.Id ?? "?";

    private static (AzureIdentity[] Identities, List<string> Notes) LinkAzure(TrustBuilder b)
    {
        var notes = new List<string>();
        var index = new AzureIdentityIndex();
        var identities = index.Identities;
        foreach (var identity in b.AzureIdentities)
        {
            var same = index.FindFirst(identity.ClientId, identity.ObjectId, identity.ResourceId, identity.TerraformAddress,
                i => i.Kind == identity.Kind && Same(i, identity));
            if (same < 0)
            {
                index.Add(identity);
            }
            else
            {
                // The same identity from two inputs (say az identity show and a Terraform state): merge what each knows.
                var known = identities[same];
                index.Replace(same, known with
                {
                    ClientId = known.ClientId ?? identity.ClientId,
                    ObjectId = known.ObjectId ?? identity.ObjectId,
                    TenantId = known.TenantId ?? identity.TenantId,
                    ResourceId = known.ResourceId ?? identity.ResourceId,
                    TerraformAddress = known.TerraformAddress ?? identity.TerraformAddress,
                });
            }
        }

        var credentials = identities.ToDictionary(i => i, _ => new List<AzureFederatedCredential>());
        foreach (var credential in b.AzureCredentials)
        {
            var owner = credential.Parent;
            var at = index.FindFirst(owner.ClientId, owner.ObjectId, owner.ResourceId, owner.TerraformAddress, owner.Matches);
            var parent = at >= 0 ? identities[at] : null;
            if (parent is null && b.AzureContextIdentities.FirstOrDefault(i => credential.Parent.Matches(i)) is { } known)
            {
                // An existing identity a data source describes: the credential's parent, with what the data source knows.
                parent = known;
                index.Add(parent);
                credentials[parent] = [];
            }

            if (parent is null)
            {
                parent = new AzureIdentity
                {
                    Kind = credential.Parent.Kind ?? AzureIdentityKind.Application,
                    Name = credential.Parent.Name ?? credential.Parent.ToString(),
                    ClientId = credential.Parent.ClientId,
                    ObjectId = credential.Parent.ObjectId,
                    ResourceId = credential.Parent.ResourceId,
                    TerraformAddress = credential.Parent.TerraformAddress,
                    Source = credential.Source,
                };
                notes.Add($"Federated credential '{credential.Name}' ({credential.Source}) belongs to {credential.Parent}, which no input describes; its client id is {(parent.ClientId ?? "unknown (name it in a keyless manifest)")}.");
                index.Add(parent);
                credentials[parent] = [];
            }

            credentials[parent].Add(credential);
        }

        return (identities.Select(i => i with { Credentials = credentials[i] }).ToArray(), notes);
    }

    private static bool Same(AzureIdentity a, AzureIdentity b) =>
        Eq(a.ClientId, b.ClientId) || Eq(a.ObjectId, b.ObjectId) || Eq(a.ResourceId, b.ResourceId)
        || Eq(a.TerraformAddress, b.TerraformAddress);

    private static bool Eq(string? a, string? b) => a is not null && b is not null && string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private static (GitLabProject[] Projects, GitLabProtectedRef[] Unattached) LinkGitLab(TrustBuilder b, List<string> notes)
    {
        var projects = b.GitLabProjects.ToArray();
        var unattached = new List<GitLabProtectedRef>();
        var branches = projects.ToDictionary(p => p, _ => new List<GitLabProtectedRef>());
        var tags = projects.ToDictionary(p => p, _ => new List<GitLabProtectedRef>());
        var environments = projects.ToDictionary(p => p, _ => new List<GitLabProtectedEnvironment>());

        GitLabProject? Owner(string? project, SourceRef source)
        {
            var owner = project is null
                ? (projects.Length == 1 ? projects[0] : null)
                : projects.FirstOrDefault(p => project == p.Id || project == p.Path || project == p.TerraformAddress);
            if (owner is null)
            {
                notes.Add($"GitLab protection rule at {source} names project '{project ?? "(none)"}', which no input describes.");
            }

            return owner;
        }

        foreach (var (rule, isTag) in b.ProtectedRefs)
        {
            if (Owner(rule.Project, rule.Source) is { } owner)
            {
                (isTag ? tags : branches)[owner].Add(rule);
            }
            else
            {
                unattached.Add(rule);
            }
        }

        foreach (var environment in b.ProtectedEnvironments)
        {
            if (Owner(environment.Project, environment.Source) is { } owner)
            {
                environments[owner].Add(environment);
            }
        }

        var linked = projects.Select(p => p with
        {
            ProtectedBranches = [.. p.ProtectedBranches, .. branches[p]],
            ProtectedTags = [.. p.ProtectedTags, .. tags[p]],
            ProtectedEnvironments = [.. p.ProtectedEnvironments, .. environments[p]],
        }).ToArray();
        return (linked, [.. unattached]);
    }
}
