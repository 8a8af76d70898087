using Keyless.Formats.Inputs;
using Keyless.Trust.Diagnostics;
using Keyless.Trust.Model;

namespace Keyless.Formats.Tests.Inputs;

public sealed class TrustLoaderTests
{
    public sealed class LoadText
    {
        [Fact]
        public void Malformed_json_names_the_line_and_column()
        {
            var e = Assert.Throws<InputException>(() => TrustLoader.LoadText("bad.json", "{\n  \"bindings\": [,]\n}"));
            Assert.Equal("bad.json", e.File);
            Assert.Equal(2, e.Line);
        }

        [Fact]
        public void A_wrong_type_names_the_json_path()
        {
            var e = Assert.Throws<InputException>(() => TrustLoader.LoadText("p.json",
                """{"name": "projects/1/locations/global/workloadIdentityPools/p/providers/x", "oidc": {"issuerUri": 5}}"""));
            Assert.Equal("$.oidc.issuerUri", e.JsonPath);
        }

        [Fact]
        public void Unknown_json_is_an_error_not_an_empty_trust()
        {
            var e = Assert.Throws<InputException>(() => TrustLoader.LoadText("x.json", """{"hello": "world"}"""));
            Assert.Contains("not a trust input", e.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void A_bare_iam_policy_asks_for_a_manifest()
        {
            var e = Assert.Throws<InputException>(() => TrustLoader.LoadText("policy.json", """{"bindings": [], "etag": "x"}"""));
            Assert.Contains("manifest", e.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Unmodelled_terraform_resources_are_reported_not_dropped()
        {
            var trust = TrustLoader.LoadText("state.json", """
                {"format_version": "1.0", "values": {"root_module": {"resources": [
                  {"address": "google_storage_bucket.b", "mode": "managed", "type": "google_storage_bucket", "name": "b", "values": {"name": "b"}}]}}}
                """);
            var unrecognized = Assert.Single(trust.Unrecognized);
            Assert.Contains("google_storage_bucket.b", unrecognized.What, StringComparison.Ordinal);
        }

        [Fact]
        public void Graph_odata_context_names_the_application()
        {
            var trust = TrustLoader.LoadText("fics.json", """
                {"@odata.context": "https://graph.microsoft.com/v1.0/$metadata#applications('0b2d')/federatedIdentityCredentials",
                 "value": [{"name": "main", "issuer": "https://gitlab.com", "subject": "s", "audiences": ["a"]}]}
                """);
            var identity = Assert.Single(trust.AzureIdentities);
            Assert.Equal("0b2d", identity.ObjectId);
            Assert.Single(identity.Credentials);
        }

        [Fact]
        public void Gcloud_provider_describe_reads_every_field()
        {
            var trust = TrustLoader.LoadText("p.json", """
                {"attributeCondition": "assertion.project_id == \"1\"", "attributeMapping": {"google.subject": "assertion.sub"},
                 "disabled": true, "name": "projects/123/locations/global/workloadIdentityPools/gl/providers/gitlab",
                 "oidc": {"allowedAudiences": ["https://gitlab.com"], "issuerUri": "https://gitlab.com/"}, "state": "ACTIVE"}
                """);
            var provider = Assert.Single(trust.Providers);
            Assert.Equal("123", provider.Project.Number);
            Assert.True(provider.Disabled);
            Assert.Equal(["https://gitlab.com"], provider.AllowedAudiences);
            Assert.Equal("//iam.googleapis.com/projects/123/locations/global/workloadIdentityPools/gl/providers/gitlab", provider.StsAudience);
        }

        [Fact]
        public void Gitlab_project_keeps_its_sub_components()
        {
            var trust = TrustLoader.LoadText("project.json", """
                {"id": 4242, "path_with_namespace": "acme/payments", "namespace": {"id": 72, "full_path": "acme"},
                 "ci_id_token_sub_claim_components": ["project_id", "ref_type", "ref"]}
                """);
            var project = Assert.Single(trust.GitLabProjects);
            Assert.Equal("4242", project.Id);
            Assert.Equal(["project_id", "ref_type", "ref"], project.SubClaimComponents);
        }

        [Fact]
        public void Gcloud_keys_list_reads_user_managed_keys_and_skips_google_managed_ones()
        {
            var trust = TrustLoader.LoadText("keys.json", """
                [{"keyAlgorithm": "KEY_ALG_RSA_2048", "keyOrigin": "GOOGLE_PROVIDED", "keyType": "USER_MANAGED",
                  "name": "projects/acme-prod/serviceAccounts/deployer@acme-prod.iam.gserviceaccount.com/keys/1f2e3d4c",
                  "validAfterTime": "2026-01-10T09:00:00Z", "validBeforeTime": "9999-12-31T23:59:59Z"},
                 {"keyAlgorithm": "KEY_ALG_RSA_2048", "keyOrigin": "GOOGLE_PROVIDED", "keyType": "SYSTEM_MANAGED",
                  "name": "projects/acme-prod/serviceAccounts/deployer@acme-prod.iam.gserviceaccount.com/keys/aa2e3d4c",
                  "validAfterTime": "2026-11-01T00:00:00Z", "validBeforeTime": "2026-11-17T00:00:00Z"}]
                """);
            var key = Assert.Single(trust.StaticCredentials);
            Assert.Equal(StaticCredentialKind.GcpServiceAccountKey, key.Kind);
            Assert.Equal("projects/acme-prod/serviceAccounts/deployer@acme-prod.iam.gserviceaccount.com", key.Owner);
            Assert.Equal("1f2e3d4c", key.KeyId);
            Assert.Equal("$[0]", key.Source.JsonPath);
        }

        [Fact]
        public void Iam_rest_keys_list_and_a_disabled_key_are_read_too()
        {
            var trust = TrustLoader.LoadText("keys.json", """
                {"keys": [{"keyType": "USER_MANAGED", "disabled": true,
                           "name": "projects/p/serviceAccounts/ci@p.iam.gserviceaccount.com/keys/0b1c"}]}
                """);
            var key = Assert.Single(trust.StaticCredentials);
            Assert.Equal("0b1c", key.KeyId);
            Assert.Equal("$.keys[0]", key.Source.JsonPath);
        }

        [Fact]
        public void A_plan_configuration_address_of_the_wrong_type_is_skipped_not_a_crash()
        {
            var trust = TrustLoader.LoadText("plan.json", """
                {"format_version": "1.2", "planned_values": {"root_module": {"resources": []}},
                 "configuration": {"root_module": {"resources": [{"address": 5, "expressions": {"name": {"references": ["x"]}}}]}}}
                """);
            Assert.Empty(trust.Providers);
        }

        [Fact]
        public void A_protection_belongs_to_the_project_it_references_not_one_whose_address_starts_the_same()
        {
            var trust = TrustLoader.LoadText("main.tf.json", """
                {"resource": {
                  "gitlab_project": {"app": {"name": "app", "path": "app"}, "app2": {"name": "app2", "path": "app2"}},
                  "gitlab_branch_protection": {"main": {"project": "${gitlab_project.app2.id}", "branch": "main"}}}}
                """);
            var protectedProject = Assert.Single(trust.GitLabProjects, p => p.ProtectedBranches.Count > 0);
            Assert.Equal("gitlab_project.app2", protectedProject.TerraformAddress);
        }

        [Fact]
        public void A_jwks_is_still_not_a_trust_input()
        {
            var e = Assert.Throws<InputException>(() => TrustLoader.LoadText("jwks.json", """{"keys": [{"kty": "RSA", "kid": "k", "n": "x", "e": "AQAB"}]}"""));
            Assert.Equal("$.keys[0]", e.JsonPath);
            Assert.Contains("not a trust input", e.Message, StringComparison.Ordinal);
        }
    }

    public sealed class Load
    {
        // A GCP trust that names one service account: the smallest input that is not "no trust found".
        private const string Binding = """
            {"format_version": "1.0", "values": {"root_module": {"resources": [
              {"address": "google_service_account_iam_member.ci", "mode": "managed", "type": "google_service_account_iam_member", "name": "ci",
               "values": {"service_account_id": "projects/p/serviceAccounts/ci@p.iam.gserviceaccount.com", "role": "roles/iam.workloadIdentityUser",
                          "member": "principalSet://iam.googleapis.com/projects/1/locations/global/workloadIdentityPools/gitlab/*", "condition": []}}]}}}
            """;

        [Fact]
        public void A_repository_folder_reads_its_trust_and_lists_the_json_that_is_none()
        {
            using var folder = new TempFolder();
            folder.Write("infra/state.json", Binding);
            folder.Write("package.json", """{"name": "app", "version": "1.0.0", "scripts": {"build": "tsc"}}""");
            folder.Write("tsconfig.json", """{"compilerOptions": {"strict": true, /* editors allow comments */ "target": "es2022",},}""");
            folder.Write("renovate.json", """{"$schema": "https://docs.renovatebot.com/renovate-schema.json", "extends": ["config:recommended"]}""");
            folder.Write(".vscode/settings.json", """{"editor.formatOnSave": true}""");
            folder.Write("bicep/bicepconfig.json", """{"experimentalFeaturesEnabled": {"extensibility": true}}""");
            folder.Write("broken.json", "{ not json");
            folder.Write("fixtures/users.json", """{"data": {"users": [{"id": 1}]}, "meta": {"page": 1}}""");
            folder.Write("README.md", "# not a candidate at all");

            var trust = TrustLoader.Load([folder.Path]);

            Assert.Single(trust.Bindings);
            Assert.Equal(
                [".vscode/settings.json", "bicep/bicepconfig.json", "broken.json", "fixtures/users.json", "package.json", "renovate.json", "tsconfig.json"],
                trust.Skipped.Select(s => System.IO.Path.GetRelativePath(folder.Path, s.File).Replace('\\', '/')).Order(StringComparer.Ordinal));
            Assert.StartsWith("not valid JSON: ", Assert.Single(trust.Skipped, s => s.File.EndsWith("broken.json", StringComparison.Ordinal)).Reason, StringComparison.Ordinal);
        }

        [Fact]
        public void A_terraform_working_directory_reads_the_state_and_leaves_the_cache_and_backup_alone()
        {
            using var folder = new TempFolder();
            folder.Write("terraform.tfstate", """
                {"version": 4, "terraform_version": "1.12.2", "serial": 3, "lineage": "5f0d3c1e-7a43-4c5b-9a0e-2f1f4c9d8b21", "outputs": {},
                 "resources": [{"mode": "managed", "type": "google_service_account_iam_member", "name": "ci",
                   "provider": "provider[\"registry.terraform.io/hashicorp/google\"]", "instances": [{"schema_version": 0, "attributes": {
                     "service_account_id": "projects/p/serviceAccounts/ci@p.iam.gserviceaccount.com", "role": "roles/iam.workloadIdentityUser",
                     "member": "principalSet://iam.googleapis.com/projects/1/locations/global/workloadIdentityPools/gitlab/*", "condition": [],
                     "etag": "x", "id": "x"}, "sensitive_attributes": []}]}], "check_results": null}
                """);
            folder.Write("terraform.tfstate.backup", "{ an older state, never read");
            folder.Write(".terraform/modules/modules.json", """{"Modules": [{"Key": "", "Source": "", "Dir": "."}]}""");
            folder.Write(".terraform/providers/registry.terraform.io/hashicorp/google/6.50.0/linux_amd64/LICENSE.json", "{}");
            folder.Write("main.tf", "resource \"google_service_account_iam_member\" \"ci\" {}");

            var trust = TrustLoader.Load([folder.Path]);

            Assert.Single(trust.Bindings);
            Assert.Equal([System.IO.Path.Combine(folder.Path, "terraform.tfstate")], trust.Files);

            // The configuration beside an applied state is what the state already holds.
            var skipped = Assert.Single(trust.Skipped);
            Assert.Equal(System.IO.Path.Combine(folder.Path, "main.tf"), skipped.File);
        }

        [Fact]
        public void Two_root_modules_may_declare_the_same_addresses_and_each_links_within_its_own_folder()
        {
            // envs/prod and envs/staging, as a repository holds one root module per environment: the same addresses,
            // different applications. Terraform resolves each folder alone; so must the loader.
            using var folder = new TempFolder();
            foreach (var (env, clientId, subject) in new[]
            {
                ("prod", "11111111-1111-4111-8111-111111111111", "project_id:4242:ref_type:branch:ref:main"),
                ("staging", "22222222-2222-4222-8222-222222222222", "project_id:4242:ref_type:branch:ref:staging"),
            })
            {
                folder.Write($"envs/{env}/main.tf", $$"""
                    resource "azuread_application" "ci" {
                      display_name = "ci-{{env}}"
                    }

                    import {
                      to = azuread_application.ci
                      id = "/applications/{{clientId}}"
                    }

                    resource "azuread_application_federated_identity_credential" "gitlab" {
                      application_id = azuread_application.ci.id
                      display_name   = "gitlab-{{env}}"
                      issuer         = "https://gitlab.com"
                      subject        = "{{subject}}"
                      audiences      = ["api://AzureADTokenExchange"]
                    }
                    """);
            }

            var trust = TrustLoader.Load([folder.Path]);

            // Named below the deepest folder they share (envs/), so each can be told apart and found.
            Assert.Equal(["prod/azuread_application.ci", "staging/azuread_application.ci"],
                trust.AzureIdentities.Select(i => i.TerraformAddress).Order(StringComparer.Ordinal));
            foreach (var identity in trust.AzureIdentities)
            {
                var env = identity.TerraformAddress!.Split('/')[0];
                var credential = Assert.Single(identity.Credentials);
                Assert.Equal("gitlab-" + env, credential.Name);
                Assert.Equal("ci-" + env, identity.Name);
            }
        }

        [Fact]
        public void The_shared_folder_keeps_its_addresses_and_a_folder_below_it_is_named_by_its_path()
        {
            using var folder = new TempFolder();
            const string Application = """
                resource "azuread_application" "ci" {
                  display_name = "ci"
                }
                """;
            folder.Write("main.tf", Application);
            folder.Write("envs/prod/main.tf", Application);

            var trust = TrustLoader.Load([folder.Path]);

            Assert.Equal(["azuread_application.ci", "envs/prod/azuread_application.ci"],
                trust.AzureIdentities.Select(i => i.TerraformAddress).Order(StringComparer.Ordinal));
        }

        [Fact]
        public void One_folder_keeps_its_addresses_as_terraform_writes_them()
        {
            using var folder = new TempFolder();
            folder.Write("infra/main.tf", """
                resource "azuread_application" "ci" {
                  display_name = "ci"
                }

                resource "azuread_application_federated_identity_credential" "gitlab" {
                  application_id = azuread_application.ci.id
                  display_name   = "gitlab"
                  issuer         = "https://gitlab.com"
                  subject        = "project_id:4242:ref_type:branch:ref:main"
                  audiences      = ["api://AzureADTokenExchange"]
                }
                """);

            var identity = Assert.Single(TrustLoader.Load([folder.Path]).AzureIdentities);

            Assert.Equal("azuread_application.ci", identity.TerraformAddress);
            Assert.Single(identity.Credentials);
        }

        [Fact]
        public void Json_with_comments_and_trailing_commas_is_read()
        {
            using var folder = new TempFolder();
            var file = folder.Write("trust.json", """
                // exported with gcloud, then annotated
                {"format_version": "1.0", "values": {"root_module": {"resources": [
                  {"address": "google_service_account_iam_member.ci", "mode": "managed", "type": "google_service_account_iam_member", "name": "ci",
                   "values": {"service_account_id": "ci@p.iam.gserviceaccount.com", "role": "roles/iam.workloadIdentityUser", /* the pool */
                              "member": "principalSet://iam.googleapis.com/projects/1/locations/global/workloadIdentityPools/gitlab/*",},},],},},}
                """);

            Assert.Single(TrustLoader.Load([file]).Bindings);
        }

        [Fact]
        public void An_empty_folder_is_no_trust_found_not_a_clean_pass()
        {
            using var folder = new TempFolder();
            folder.Write("package.json", """{"name": "app"}""");

            var e = Assert.Throws<InputException>(() => TrustLoader.Load([folder.Path]));

            Assert.StartsWith($"no trust found in {folder.Path} (read no trust file; skipped {folder.Path}/package.json (not a trust input))", e.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void A_lone_provider_is_trust_for_lint_but_names_no_identity_to_audit()
        {
            using var folder = new TempFolder();
            var provider = folder.Write("provider.json", """
                {"name": "projects/1/locations/global/workloadIdentityPools/gitlab/providers/gitlab-com", "oidc": {"issuerUri": "https://gitlab.com"}}
                """);

            Assert.Single(TrustLoader.Load([provider], TrustRequirement.AnyTrust).Providers);
            var e = Assert.Throws<InputException>(() => TrustLoader.Load([provider]));
            Assert.Contains("none names a GCP service account", e.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void A_file_named_explicitly_that_is_no_trust_input_is_an_error()
        {
            using var folder = new TempFolder();
            var package = folder.Write("package.json", """{"name": "app"}""");

            var e = Assert.Throws<InputException>(() => TrustLoader.Load([package]));

            Assert.Equal(package, e.File);
            Assert.Contains("not a trust input", e.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void A_trust_file_in_a_folder_with_a_wrong_type_is_still_an_error()
        {
            using var folder = new TempFolder();
            folder.Write("provider.json", """{"name": "projects/1/locations/global/workloadIdentityPools/p/providers/x", "oidc": {"issuerUri": 5}}""");

            var e = Assert.Throws<InputException>(() => TrustLoader.Load([folder.Path]));

            Assert.Equal("$.oidc.issuerUri", e.JsonPath);
        }

        [Fact]
        public void A_missing_path_is_bad_input() =>
            Assert.Throws<InputException>(() => TrustLoader.Load(["/no/such/trust"]));

        [Fact]
        public void A_file_named_twice_is_read_once()
        {
            var folder = Directory.CreateTempSubdirectory("keyless-loader-").FullName;
            try
            {
                var file = System.IO.Path.Combine(folder, "main.tf.json");
                File.WriteAllText(file, """
                    {"resource": {"google_iam_workload_identity_pool": {"gitlab": {"workload_identity_pool_id": "gitlab", "project": "123456789012"}},
                      "google_service_account_iam_member": {"ci": {"service_account_id": "ci@p.iam.gserviceaccount.com", "role": "roles/iam.workloadIdentityUser",
                        "member": "principalSet://iam.googleapis.com/projects/123456789012/locations/global/workloadIdentityPools/gitlab/*"}}}}
                    """);

                var once = TrustLoader.Load([folder]);
                var twice = TrustLoader.Load([folder, file]);

                Assert.Single(once.Pools);
                Assert.Single(twice.Pools);
                Assert.Equal(once.Files, twice.Files);
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}
