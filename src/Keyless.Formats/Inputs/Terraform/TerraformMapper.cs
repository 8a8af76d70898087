using System.Text.Json.Nodes;
using Keyless.Formats.Inputs.Gcloud;
using Keyless.Trust.Model;

namespace Keyless.Formats.Inputs.Terraform;

/// <summary>
/// Maps Terraform resources (product.md §2 list) onto the trust model, whatever JSON they came from. Types
/// outside the list are reported as unrecognised, never silently dropped; data sources are context only.
/// </summary>
/// <param name="builder">The trust being built.</param>
/// <param name="resources">The resources of one folder (one root module), whichever JSON they came from.</param>
/// <param name="scope">
/// The folder these resources were read from, relative to the other folders read with it, when there are several:
/// each Terraform root module is its own namespace, so its addresses are written <c>prod/TYPE.NAME</c> and never
/// link to the same address in another folder. <c>null</c> when one folder was read.
/// </param>
internal sealed class TerraformMapper(TrustBuilder builder, IReadOnlyList<TerraformResource> resources, string? scope = null)
{
    /// <summary>Types read for context (ids, numbers, emails), not trust themselves.</summary>
    private static readonly HashSet<string> ContextTypes = new(StringComparer.Ordinal)
    {
        "google_project", "google_service_account", "google_iam_policy", "azuread_service_principal", "azurerm_resource_group",
        StaticCredentialImporter.ServiceAccountKeyType, StaticCredentialImporter.ApplicationPasswordType,
        StaticCredentialImporter.AccessKeyType, "aws_iam_user", "aws_iam_role_policy_attachment", "aws_iam_role_policy",
    };

    public void Map()
    {
        foreach (var resource in resources.Where(r => r.IsData || r.Type == "google_project"))
        {
            Context(new TfValues(resource));
        }

        foreach (var resource in resources.Where(r => !r.IsData))
        {
            var v = new TfValues(resource);
            switch (resource.Type)
            {
                case "google_iam_workload_identity_pool": Pool(v); break;
                case "google_iam_workload_identity_pool_provider": Provider(v); break;
                case "google_service_account_iam_member": Members(v, ServiceAccount(v), [v.Str("member")], "member"); break;
                case "google_service_account_iam_binding": Members(v, ServiceAccount(v), v.IsUnknown("members") ? [null] : [.. v.StrList("members")], "members"); break;
                case "google_service_account_iam_policy": Policy(v); break;
                case "google_project_iam_member": Members(v, Project(v), [v.Str("member")], "member"); break;
                case "google_project_iam_binding": Members(v, Project(v), v.IsUnknown("members") ? [null] : [.. v.StrList("members")], "members"); break;
                case "azuread_application": Application(v); break;
                case "azuread_application_federated_identity_credential": AppCredential(v, flexible: false); break;
                case "azuread_application_flexible_federated_identity_credential": AppCredential(v, flexible: true); break;
                case "azurerm_user_assigned_identity": ManagedIdentity(v); break;
                case "azurerm_federated_identity_credential": ManagedIdentityCredential(v); break;
                case "aws_iam_openid_connect_provider": builder.AwsProviders.Add(Aws.AwsTerraform.Provider(v)); break;
                case "aws_iam_role": builder.AwsRoles.Add(Aws.AwsTerraform.Role(v, reference => Target(reference, Aws.AwsTerraform.PolicyDocumentType))); break;
                case "gitlab_project": GitLabProject(v); break;
                case "gitlab_branch_protection": GitLabProtection(v, "branch", isTag: false); break;
                case "gitlab_tag_protection": GitLabProtection(v, "tag", isTag: true); break;
                case "gitlab_project_protected_environment": GitLabEnvironment(v); break;
                default:
                    if (!ContextTypes.Contains(resource.Type))
                    {
                        builder.Unrecognized.Add(new UnrecognizedInput($"Terraform resource {resource.Address} (type {resource.Type} is not modelled)", v.Source));
                    }

                    break;
            }
        }
    }

    private void Context(TfValues v)
    {
        switch (v.Resource.Type)
        {
            case "google_project" when v.Str("project_id") is { } id && v.Str("number") is { } number:
                builder.ProjectNumbers[id] = number;
                break;
            case "azuread_application" when v.Resource.IsData:
                // An existing application (data "azuread_application" by client_id, object_id or display_name).
                var clientId = v.Str("client_id") ?? v.Str("application_id");
                var objectId = v.Str("object_id");
                builder.AzureContextIdentities.Add(new AzureIdentity
                {
                    Kind = AzureIdentityKind.Application,
                    Name = v.Str("display_name") ?? clientId ?? Scoped(v.Resource.BaseAddress),
                    ClientId = clientId,
                    ObjectId = objectId,
                    ResourceId = v.Str("id") ?? (objectId is null ? null : "/applications/" + objectId),
                    TerraformAddress = Scoped(v.Resource.BaseAddress),
                    Unknown = clientId is null ? ["clientId"] : [],
                    Source = v.Source,
                });
                break;
            case "azurerm_user_assigned_identity" when v.Resource.IsData:
                builder.AzureContextIdentities.Add(ManagedIdentityOf(v));
                break;
        }
    }

    private static GcpProjectRef ProjectOf(TfValues v, string? name)
    {
        // The API name carries the number; the project attribute (and the id) what the configuration said.
        var number = name is not null && name.StartsWith("projects/", StringComparison.Ordinal) ? GcpProjectRef.Parse(name.Split('/')[1]).Number : null;
        var project = v.Str("project");
        return new GcpProjectRef(number ?? (project is not null && project.All(char.IsAsciiDigit) ? project : null), project is not null && !project.All(char.IsAsciiDigit) ? project : null);
    }

    private static ResourceState State(TfValues v) => v.Str("state") == "DELETED" ? ResourceState.Deleted : ResourceState.Active;

    private void Pool(TfValues v)
    {
        builder.Pools.Add(new GcpPool
        {
            Project = ProjectOf(v, v.Str("name")),
            PoolId = v.Str("workload_identity_pool_id") ?? Referenced(v, "workload_identity_pool_id") ?? "?",
            Disabled = v.Bool("disabled"),
            State = State(v),
            DisplayName = v.Str("display_name"),
            TerraformAddress = Scoped(v.Resource.BaseAddress),
            Unknown = v.UnknownAs(("disabled", "disabled")),
            Source = v.Source,
        });
    }

    private void Provider(TfValues v)
    {
        var oidc = v.Blocks("oidc");
        var protocol = oidc.Count > 0 || v.IsUnknown("oidc") ? "oidc"
            : GcloudImporter.OtherProtocols.FirstOrDefault(b => v.Blocks(b).Count > 0) ?? "oidc";
        var o = oidc.Count > 0 ? oidc[0] : null;
        var unknown = new List<string>(v.UnknownAs(
            ("attribute_mapping", "attributeMapping"), ("attribute_condition", "attributeCondition"), ("disabled", "disabled")));
        if (v.IsUnknown("oidc") || v.IsUnknown("oidc.issuer_uri") || o?.IsUnknown("issuer_uri") == true)
        {
            unknown.Add("issuerUri");
        }

        if (v.IsUnknown("oidc") || v.IsUnknown("oidc.allowed_audiences") || o?.IsUnknown("allowed_audiences") == true)
        {
            unknown.Add("allowedAudiences");
        }

        builder.Providers.Add(new GcpProvider
        {
            Project = ProjectOf(v, v.Str("name")),
            PoolId = v.Str("workload_identity_pool_id") ?? Referenced(v, "workload_identity_pool_id") ?? "?",
            ProviderId = v.Str("workload_identity_pool_provider_id") ?? "?",
            Protocol = protocol,
            IssuerUri = o?.Str("issuer_uri"),
            AllowedAudiences = o?.StrList("allowed_audiences") ?? [],
            JwksJson = o?.Str("jwks_json"),
            AttributeMapping = v.StrMap("attribute_mapping"),
            AttributeCondition = v.Str("attribute_condition") is { Length: > 0 } condition ? condition : null,
            Disabled = v.Bool("disabled"),
            State = State(v),
            DisplayName = v.Str("display_name"),
            TerraformAddress = Scoped(v.Resource.BaseAddress),
            Unknown = unknown,
            Source = v.Source,
        });
    }

    /// <summary>An address as the model keeps it: qualified by its folder when several folders were read.</summary>
    private string Scoped(string address) => scope is null ? address : $"{scope}/{address}";

    /// <summary>
    /// The resource a reference names: the resource itself or one of its attributes (<c>gitlab_project.app.id</c>),
    /// never a resource whose address merely starts the same (<c>gitlab_project.app2</c>).
    /// </summary>
    private TerraformResource? Target(string reference, string? type = null) =>
        resources.FirstOrDefault(r => (type is null || r.Type == type)
            && (r.BaseAddress == reference || reference.StartsWith(r.BaseAddress + ".", StringComparison.Ordinal)));

    /// <summary>A value a plan does not know, taken from the resource its expression references.</summary>
    private string? Referenced(TfValues v, string attribute)
    {
        foreach (var reference in v.ReferencesOf(attribute))
        {
            if (Target(reference) is { } target && new TfValues(target).Str(attribute) is { } value)
            {
                return value;
            }
        }

        return null;
    }

    private GcpBindingTarget? ServiceAccount(TfValues v)
    {
        var id = v.Str("service_account_id");
        if (id is null)
        {
            // Before apply: the account's email from the google_service_account it references.
            foreach (var reference in v.ReferencesOf("service_account_id"))
            {
                if (Target(reference, "google_service_account") is { } target)
                {
                    var sa = new TfValues(target);
                    if (sa.Str("email") is { } email)
                    {
                        return GcpBindingTarget.ServiceAccount(email);
                    }

                    if (sa.Str("account_id") is { } account && sa.Str("project") is { } project)
                    {
                        return GcpBindingTarget.ServiceAccount($"{account}@{project}.iam.gserviceaccount.com");
                    }
                }
            }

            builder.Notes.Add($"{v.Resource.Address} ({v.Source}): the service account is not known until apply; its bindings are skipped.");
            return null;
        }

        var marker = id.IndexOf("/serviceAccounts/", StringComparison.Ordinal);
        return GcpBindingTarget.ServiceAccount(marker >= 0 ? id[(marker + "/serviceAccounts/".Length)..] : id);
    }

    private GcpBindingTarget? Project(TfValues v)
    {
        var project = v.Str("project");
        if (project is null)
        {
            builder.Notes.Add($"{v.Resource.Address} ({v.Source}): the project is not known (provider default or unknown until apply); its bindings are skipped.");
            return null;
        }

        return GcpBindingTarget.Project(project.StartsWith("projects/", StringComparison.Ordinal) ? project["projects/".Length..] : project);
    }

    private void Members(TfValues v, GcpBindingTarget? target, IReadOnlyList<string?> members, string attribute)
    {
        if (target is null)
        {
            return;
        }

        var role = v.Str("role") ?? "?";
        var condition = v.Blocks("condition") is { Count: > 0 } blocks ? blocks[0].Str("expression") : null;
        foreach (var member in members)
        {
            builder.Bindings.Add(new GcpBinding
            {
                Target = target,
                Role = role,
                Member = member,
                MemberFromReference = v.WasReference(attribute),
                ConditionExpression = condition,
                Unknown = member is null ? ["member"] : [],
                Source = v.Source,
            });
        }
    }

    private void Policy(TfValues v)
    {
        if (ServiceAccount(v) is not { } target)
        {
            return;
        }

        var data = v.Str("policy_data");
        if (data is null)
        {
            // A policy from data.google_iam_policy in a configuration: read its binding blocks.
            var source = v.ReferencesOf("policy_data").Select(r => Target(r)).FirstOrDefault(x => x is not null);
            if (source is null)
            {
                builder.Bindings.Add(new GcpBinding { Target = target, Role = "?", Member = null, Unknown = ["policy_data"], Source = v.Source });
                return;
            }

            foreach (var binding in new TfValues(source).Blocks("binding"))
            {
                Members(binding, target, [.. binding.StrList("members")], "members");
            }

            return;
        }

        var input = v.Resource.Input;
        var path = JsonInput.Child(v.Resource.ValuesPath, "policy_data");
        var policy = input.Object(JsonInput.Parse($"{input.File} ({path})", data), path);
        GcloudImporter.ReadBindings(input, policy, path, target, builder, v.WasReference("policy_data"));
    }

    private void Application(TfValues v)
    {
        var clientId = v.Str("client_id") ?? v.Str("application_id");
        builder.AzureIdentities.Add(new AzureIdentity
        {
            Kind = AzureIdentityKind.Application,
            Name = v.Str("display_name") ?? v.Resource.Address,
            ClientId = clientId,
            ObjectId = v.Str("object_id"),
            ResourceId = v.Str("id"),
            TerraformAddress = Scoped(v.Resource.BaseAddress),
            Unknown = clientId is null ? ["clientId"] : [],
            Source = v.Source,
        });

        // azuread 2.53+ can hold the client secret inline (a password block) instead of an azuread_application_password.
        foreach (var password in v.Blocks("password"))
        {
            builder.StaticCredentials.Add(new StaticCredential
            {
                Kind = StaticCredentialKind.AzureClientSecret,
                Owner = clientId ?? v.Str("object_id") ?? Scoped(v.Resource.BaseAddress),
                KeyId = password.Str("key_id"),
                DisplayName = password.Str("display_name"),
                Source = password.Source,
            });
        }
    }

    private AzureParentRef Parent(TfValues v, string attribute, AzureIdentityKind kind)
    {
        var id = v.Str(attribute);
        var address = v.ReferencesOf(attribute)
            .Select(r => Target(r)).FirstOrDefault(x => x is not null)?.BaseAddress is { } target ? Scoped(target) : null;
        var objectId = id is not null && id.StartsWith("/applications/", StringComparison.Ordinal) ? id["/applications/".Length..] : null;
        return new AzureParentRef
        {
            Kind = kind,
            ObjectId = kind == AzureIdentityKind.Application ? objectId ?? (id is not null && !id.StartsWith('/') ? id : null) : null,
            ResourceId = id is not null && id.StartsWith('/') ? id : null,
            Name = kind == AzureIdentityKind.ManagedIdentity && id is not null ? id[(id.LastIndexOf('/') + 1)..] : null,
            TerraformAddress = address,
        };
    }

    private void AppCredential(TfValues v, bool flexible)
    {
        var parent = Parent(v, v.Resource.Values.ContainsKey("application_object_id") ? "application_object_id" : "application_id", AzureIdentityKind.Application);
        var audiences = flexible ? (v.Str("audience") is { } a ? [a] : []) : v.StrList("audiences");
        builder.AzureCredentials.Add(new AzureFederatedCredential
        {
            Name = v.Str("display_name") ?? v.Resource.Address,
            Issuer = v.Str("issuer"),
            Subject = v.Str("subject"),
            Audiences = audiences,
            ClaimsMatchingExpression = v.Str("claims_matching_expression"),
            Parent = parent,
            Unknown = v.UnknownAs(("issuer", "issuer"), ("subject", "subject"), (flexible ? "audience" : "audiences", "audiences"), ("claims_matching_expression", "claimsMatchingExpression")),
            Source = v.Source,
        });
    }

    private void ManagedIdentity(TfValues v) => builder.AzureIdentities.Add(ManagedIdentityOf(v));

    private AzureIdentity ManagedIdentityOf(TfValues v) =>
        new()
        {
            Kind = AzureIdentityKind.ManagedIdentity,
            Name = v.Str("name") ?? v.Resource.Address,
            ClientId = v.Str("client_id"),
            ObjectId = v.Str("principal_id"),
            TenantId = v.Str("tenant_id"),
            ResourceId = v.Str("id"),
            TerraformAddress = Scoped(v.Resource.BaseAddress),
            Unknown = v.UnknownAs(("client_id", "clientId")),
            Source = v.Source,
        };

    private void ManagedIdentityCredential(TfValues v)
    {
        builder.AzureCredentials.Add(new AzureFederatedCredential
        {
            Name = v.Str("name") ?? v.Resource.Address,
            Issuer = v.Str("issuer"),
            Subject = v.Str("subject"),
            Audiences = v.StrList("audience"),
            // azurerm 4.65+ names the identity in user_assigned_identity_id (beside parent_id until 5.0, alone since).
            Parent = Parent(v, v.Str("user_assigned_identity_id") is not null || v.ReferencesOf("user_assigned_identity_id").Count > 0 ? "user_assigned_identity_id" : "parent_id", AzureIdentityKind.ManagedIdentity),
            Unknown = v.UnknownAs(("issuer", "issuer"), ("subject", "subject"), ("audience", "audiences")),
            Source = v.Source,
        });
    }

    private void GitLabProject(TfValues v)
    {
        var components = v.Resource.Values["ci_id_token_sub_claim_components"] is JsonArray ? v.StrList("ci_id_token_sub_claim_components") : null;
        builder.GitLabProjects.Add(new GitLabProject
        {
            Id = v.Id("id"),
            Path = v.Str("path_with_namespace"),
            NamespaceId = v.Id("namespace_id"),
            SubClaimComponents = components is { Count: > 0 } ? components : null,
            Visibility = v.Str("visibility_level"),
            DefaultBranch = v.Str("default_branch"),
            TerraformAddress = Scoped(v.Resource.BaseAddress),
            Unknown = v.UnknownAs(("id", "id"), ("path_with_namespace", "path")),
            Source = v.Source,
        });
    }

    private string? ProjectRef(TfValues v) =>
        v.Id("project") ?? (v.ReferencesOf("project").Select(r => Target(r)?.BaseAddress).FirstOrDefault(a => a is not null) is { } target ? Scoped(target) : null);

    private void GitLabProtection(TfValues v, string nameAttribute, bool isTag)
    {
        var push = GitLabAccess.Of(v, isTag ? "create_access_level" : "push_access_level", isTag ? "allowed_to_create" : "allowed_to_push");
        var merge = isTag ? GitLabAccess.None : GitLabAccess.Of(v, "merge_access_level", "allowed_to_merge");
        builder.ProtectedRefs.Add((new GitLabProtectedRef
        {
            Pattern = v.Str(nameAttribute) ?? "?",
            PushAccess = push.Levels,
            MergeAccess = merge.Levels,
            AllowForcePush = v.Bool("allow_force_push"),
            HasIndividualGrants = push.Individual || merge.Individual,
            Project = ProjectRef(v),
            Source = v.Source,
        }, isTag));
    }

    private void GitLabEnvironment(TfValues v)
    {
        // 17.x writes deploy_access_levels blocks; 18.2 added deploy_access_levels_attribute, the only one from 19.0.
        var access = GitLabAccess.Of(v, null, "deploy_access_levels", "deploy_access_levels_attribute");
        builder.ProtectedEnvironments.Add(new GitLabProtectedEnvironment
        {
            Name = v.Str("environment") ?? "?",
            DeployAccess = access.Levels,
            HasIndividualGrants = access.Individual,
            Project = ProjectRef(v),
            Source = v.Source,
        });
    }
}
