using Keyless.Plan.Design;

namespace Keyless.Plan.Terraform;

/// <summary>
/// The design as Terraform for the google, azuread, azurerm, aws and gitlab providers. Values are literals wherever the
/// design knows them (ids, names, project numbers), so the configuration reads as what it grants and
/// <c>keyless audit</c> can check the <c>.tf.json</c> without evaluating Terraform.
/// </summary>
public static class TerraformGenerator
{
    private const string WorkloadIdentityUser = "roles/iam.workloadIdentityUser";
    private const string Maintainer = "maintainer";

    public static TfDocument Generate(TrustDesign design)
    {
        var blocks = new List<TfBlock> { RequiredProviders(design) };
        blocks.AddRange(Providers(design));
        if (design.Gcp is { } gcp)
        {
            blocks.AddRange(Google(design, gcp));
        }

        if (design.Azure is { } azure)
        {
            blocks.AddRange(Azure(design, azure));
        }

        if (design.Aws is { } aws)
        {
            blocks.AddRange(Aws(design, aws));
        }

        blocks.AddRange(GitLab(design));
        return new TfDocument(blocks);
    }

    private static TfBlock RequiredProviders(TrustDesign design)
    {
        var providers = new List<KeyValuePair<string, TfValue>>();
        void Add(string name, string source, string version) =>
            providers.Add(new(name, Object(("source", Str(source)), ("version", Str(version)))));
        if (design.Gcp is not null)
        {
            Add("google", "hashicorp/google", ">= 5.0");
        }

        if (design.Azure?.Identities.Any(i => i.Kind == AzureIdentityKind.Application) == true)
        {
            // v3: application_id is "/applications/{objectId}".
            Add("azuread", "hashicorp/azuread", ">= 3.0");
        }

        if (design.Azure?.Identities.Any(i => i.Kind == AzureIdentityKind.ManagedIdentity) == true)
        {
            Add("azurerm", "hashicorp/azurerm", ">= 3.40");
        }

        if (design.Aws is not null)
        {
            // 5.81: thumbprint_list optional (hashicorp/terraform-provider-aws#37255); IAM checks GitLab's
            // certificate against its own trusted CAs.
            Add("aws", "hashicorp/aws", ">= 5.81");
        }

        Add("gitlab", "gitlabhq/gitlab", ">= 18.5");
        return Block("terraform", [], [Block("required_providers", [], [.. providers.Select(p => new TfArgument(p.Key, p.Value))])]);
    }

    private static IEnumerable<TfBlock> Providers(TrustDesign design)
    {
        if (design.Azure?.Identities.Where(i => i.Kind == AzureIdentityKind.ManagedIdentity).Select(i => i.Subscription!).Distinct().ToList()
            is { Count: > 0 } subscriptions)
        {
            foreach (var subscription in subscriptions)
            {
                List<TfItem> body = subscriptions.Count == 1 ? [] : [Attr("alias", Str(SubscriptionAlias(subscription)))];
                body.Add(Attr("subscription_id", Str(subscription)));
                body.Add(Block("features", [], []));
                yield return Block("provider", ["azurerm"], body);
            }
        }

        var issuer = new Uri(design.Issuer);
        if (issuer.Host != "gitlab.com")
        {
            yield return Block("provider", ["gitlab"], [Attr("base_url", Str($"{design.Issuer}/api/v4/"))],
                "The GitLab API of the instance that issues the tokens (change it if the issuer URL is not the instance URL).");
        }
    }

    private static string SubscriptionAlias(string subscription) => "sub_" + subscription[..8];

    private static IEnumerable<TfBlock> Google(TrustDesign design, GcpDesign gcp)
    {
        var pool = Names.Terraform(gcp.PoolId);
        yield return Block("resource", ["google_iam_workload_identity_pool", pool],
        [
            Attr("project", Str(gcp.ProjectId)),
            Attr("workload_identity_pool_id", Str(gcp.PoolId)),
            Attr("display_name", Str("GitLab CI")),
            Attr("description", Str($"GitLab CI id_tokens from {design.Issuer} (keyless plan)")),
        ]);

        List<TfItem> oidc = [Attr("issuer_uri", Str(design.Issuer)), Attr("allowed_audiences", List(Str(gcp.Audience)))];
        if (gcp.Jwks is { } jwks)
        {
            oidc.Add(Attr("jwks_json", Str(jwks.Trim())));
        }

        yield return Block("resource", ["google_iam_workload_identity_pool_provider", Names.Terraform(gcp.ProviderId)],
        [
            Attr("project", Str(gcp.ProjectId)),
            Attr("workload_identity_pool_id", Str(gcp.PoolId)),
            Attr("workload_identity_pool_provider_id", Str(gcp.ProviderId)),
            Attr("display_name", Str("GitLab CI")),
            Attr("description", Str("Pinned to project ids, protected refs of the right type and protected environments (keyless plan)")),
            Attr("attribute_mapping", new TfObject([.. gcp.AttributeMapping.Select(m => new KeyValuePair<string, TfValue>(m.Key, Str(m.Value)))])),
            Attr("attribute_condition", Str(gcp.AttributeCondition)),
            Block("oidc", [], oidc),
            Attr("depends_on", new TfList([new TfTraversal($"google_iam_workload_identity_pool.{pool}")])),
        ]);

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var binding in gcp.Bindings)
        {
            var account = binding.ServiceAccountEmail[..binding.ServiceAccountEmail.IndexOf('@', StringComparison.Ordinal)];
            var subject = binding.Member.LastIndexOf("/subject/", StringComparison.Ordinal);
            var target = subject >= 0
                ? binding.Member[(subject + "/subject/".Length)..].Replace("project_id:", string.Empty, StringComparison.Ordinal)
                    .Replace(":ref_type:", "_", StringComparison.Ordinal).Replace(":ref:", "_", StringComparison.Ordinal)
                : binding.Member[(binding.Member.LastIndexOf('/') + 1)..];
            yield return Block("resource", ["google_service_account_iam_member", Unique(names, Names.Terraform($"{account}_{target}"))],
            [
                Attr("service_account_id", Str($"projects/{binding.GcpProject}/serviceAccounts/{binding.ServiceAccountEmail}")),
                Attr("role", Str(WorkloadIdentityUser)),
                Attr("member", Str(binding.Member)),
            ]);
        }
    }

    private static IEnumerable<TfBlock> Azure(TrustDesign design, AzureDesign azure)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var subscriptions = azure.Identities.Where(i => i.Subscription is not null).Select(i => i.Subscription).Distinct().Count();
        foreach (var identity in azure.Identities)
        {
            var owner = Names.Terraform(identity.Name);
            TfValue? application = null;
            if (identity.Kind == AzureIdentityKind.Application)
            {
                if (identity.ObjectId is { } objectId)
                {
                    application = Str($"/applications/{objectId}");
                }
                else
                {
                    yield return Block("data", ["azuread_application", owner], [Attr("client_id", Str(identity.ClientId))],
                        "Add object_id to keyless.yml to write the application id as a literal that keyless audit can read.");
                    application = new TfReference($"data.azuread_application.{owner}.id");
                }
            }

            foreach (var credential in identity.Credentials)
            {
                var name = Unique(names, Names.Terraform($"{identity.Name}_{credential.Name}"));
                if (identity.Kind == AzureIdentityKind.Application)
                {
                    yield return Block("resource", ["azuread_application_federated_identity_credential", name],
                    [
                        Attr("application_id", application!),
                        Attr("display_name", Str(credential.Name)),
                        Attr("description", Str(credential.Description)),
                        Attr("audiences", List(Str(azure.Audience))),
                        Attr("issuer", Str(design.Issuer)),
                        Attr("subject", Str(credential.Subject)),
                    ]);
                }
                else
                {
                    List<TfItem> body =
                    [
                        Attr("name", Str(credential.Name)),
                        Attr("resource_group_name", Str(identity.ResourceGroup!)),
                        Attr("parent_id", Str(identity.ManagedIdentityId!)),
                        Attr("audience", List(Str(azure.Audience))),
                        Attr("issuer", Str(design.Issuer)),
                        Attr("subject", Str(credential.Subject)),
                    ];
                    if (subscriptions > 1)
                    {
                        body.Add(Attr("provider", new TfTraversal($"azurerm.{SubscriptionAlias(identity.Subscription!)}")));
                    }

                    yield return Block("resource", ["azurerm_federated_identity_credential", name], body);
                }
            }
        }
    }

    /// <summary>
    /// The provider, and per role a <c>data "aws_iam_policy_document"</c> (one statement per subject, blocks that read
    /// the same in HCL and JSON) and the <c>aws_iam_role</c> whose <c>assume_role_policy</c> is its <c>json</c>.
    /// </summary>
    private static IEnumerable<TfBlock> Aws(TrustDesign design, AwsDesign aws)
    {
        var provider = Names.Terraform(aws.ProviderUrl);
        yield return Block("resource", ["aws_iam_openid_connect_provider", provider],
        [
            Attr("url", Str(design.Issuer)),
            Attr("client_id_list", List(Str(aws.Audience))),
        ], string.Join('\n', (design.Notes ?? []).Where(n => n.Path == "aws").Select(n => TextWrap.Lines(n.Text)))
            + $"\nIAM keeps one provider per URL and account: if {aws.ProviderArn} exists, import it\n"
            + $"(terraform import aws_iam_openid_connect_provider.{provider} {aws.ProviderArn}) and keep its other client ids.");

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < aws.Roles.Count; i++)
        {
            var role = aws.Roles[i];
            var name = Unique(names, Names.Terraform(role.Name));
            var statements = role.Subjects.Select(subject => (TfItem)Block("statement", [],
            [
                Attr("effect", Str("Allow")),
                Attr("actions", List(Str(AwsTrustDocument.Action))),
                Block("principals", [], [Attr("type", Str("Federated")), Attr("identifiers", List(Str(aws.ProviderArn)))]),
                Block("condition", [],
                    [Attr("test", Str(AwsTrustDocument.Operator)), Attr("variable", Str(aws.AudienceKey)), Attr("values", List(Str(aws.Audience)))]),
                Block("condition", [],
                    [Attr("test", Str(AwsTrustDocument.Operator)), Attr("variable", Str(aws.SubjectKey)), Attr("values", List(Str(subject.Subject)))]),
            ], subject.Description)).ToList();
            var note = (design.Notes ?? []).FirstOrDefault(n => n.Path == $"aws.roles[{i}]") is { } n ? TextWrap.Lines(n.Text) : null;
            yield return Block("data", ["aws_iam_policy_document", $"{name}_trust"], statements, note);

            List<TfItem> body =
            [
                Attr("name", Str(role.Name)),
                Attr("path", Str(role.Path)),
                Attr("description", Str(role.Description)),
            ];
            if (role.MaxSessionDuration is { } seconds)
            {
                body.Add(Attr("max_session_duration", new TfNumber(seconds)));
            }

            body.Add(Attr("assume_role_policy", new TfReference($"data.aws_iam_policy_document.{name}_trust.json")));
            body.Add(Attr("depends_on", new TfList([new TfTraversal($"aws_iam_openid_connect_provider.{provider}")])));
            yield return Block("resource", ["aws_iam_role", name], body);
        }
    }

    private static IEnumerable<TfBlock> GitLab(TrustDesign design)
    {
        foreach (var project in design.Projects)
        {
            var id = project.Project.Id;
            var name = Names.Terraform(project.Project.Path);
            yield return Block("import", [], [Attr("to", new TfTraversal($"gitlab_project.{name}")), Attr("id", Str(id))],
                $"{project.Project.Path} already exists: Terraform adopts it rather than creating it.");
            yield return Block("resource", ["gitlab_project", name],
            [
                Attr("name", Str(project.Project.Name)),
                Attr("ci_id_token_sub_claim_components", new TfList([.. project.SubComponents.Select(Str)])),
                Block("lifecycle", [], [Attr("prevent_destroy", new TfBool(true))]),
            ], "The sub claim starts with the project id, which is never reused (a path can be re-registered).");

            foreach (var branch in project.ProtectedBranches)
            {
                yield return Block("resource", ["gitlab_branch_protection", Names.Terraform($"{project.Project.Path}_{branch}")],
                [
                    Attr("project", Str(id)),
                    Attr("branch", Str(branch)),
                    Attr("push_access_level", Str(Maintainer)),
                    Attr("merge_access_level", Str(Maintainer)),
                    Attr("allow_force_push", new TfBool(false)),
                ]);
            }

            foreach (var tag in project.ProtectedTags)
            {
                yield return Block("resource", ["gitlab_tag_protection", Names.Terraform($"{project.Project.Path}_{tag}")],
                [
                    Attr("project", Str(id)),
                    Attr("tag", Str(tag)),
                    Attr("create_access_level", Str(Maintainer)),
                ]);
            }

            foreach (var environment in project.ProtectedEnvironments)
            {
                yield return Block("resource", ["gitlab_project_protected_environment", Names.Terraform($"{project.Project.Path}_{environment}")],
                [
                    Attr("project", Str(id)),
                    Attr("environment", Str(environment)),
                    Attr("deploy_access_levels_attribute", new TfList([Object(("access_level", Str(Maintainer)))])),
                ]);
            }
        }
    }

    private static string Unique(HashSet<string> taken, string name)
    {
        var candidate = name;
        for (var i = 2; !taken.Add(candidate); i++)
        {
            candidate = $"{name}_{i}";
        }

        return candidate;
    }

    private static TfBlock Block(string type, IReadOnlyList<string> labels, IReadOnlyList<TfItem> body, string? comment = null) =>
        new(type, labels, body, comment);

    private static TfArgument Attr(string name, TfValue value) => new(name, value);

    private static TfString Str(string value) => new(value);

    private static TfList List(params TfValue[] items) => new(items);

    private static TfObject Object(params (string Key, TfValue Value)[] entries) =>
        new([.. entries.Select(e => new KeyValuePair<string, TfValue>(e.Key, e.Value))]);
}
