using Keyless.Formats.Inputs;
using Keyless.Trust.Diagnostics;
using Keyless.Trust.Model;

namespace Keyless.Formats.Tests.Inputs.Hcl;

/// <summary><c>.tf</c> files through <see cref="TrustLoader"/>: how a folder of them is read and what resolves.</summary>
public sealed class HclConfigurationTests : IDisposable
{
    private const string Pool = """
        resource "google_iam_workload_identity_pool" "gitlab" {
          project                   = "acme-prod"
          workload_identity_pool_id = "gitlab"
        }
        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("keyless-hcl-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string relative, string text)
    {
        var path = Path.Combine(_folder, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    private static GcpBinding Binding(TrustSet trust) => Assert.Single(trust.Bindings);

    [Fact]
    public void A_folder_reads_its_tf_files_and_skips_what_terraform_init_downloaded()
    {
        Write("main.tf", Pool);
        Write(".terraform/modules/x/main.tf", Pool);

        var trust = TrustLoader.Load([_folder], TrustRequirement.AnyTrust);

        Assert.Single(trust.Pools);
        Assert.Equal([Path.Combine(_folder, "main.tf")], trust.Files);
    }

    [Fact]
    public void A_parse_error_names_the_file_line_and_column()
    {
        var file = Write("main.tf", "resource \"a\" \"b\" {\n  x = \n}\n");

        var e = Assert.Throws<InputException>(() => TrustLoader.Load([_folder], TrustRequirement.AnyTrust));

        Assert.Equal(file, e.File);
        Assert.Equal((2, 7), (e.Line, e.Column));
    }

    [Fact]
    public void Locals_and_variables_are_those_of_the_files_own_folder()
    {
        Write("main.tf", """
            resource "google_service_account_iam_member" "m" {
              service_account_id = "projects/${var.project}/serviceAccounts/${local.sa}"
              role               = "roles/iam.workloadIdentityUser"
              member             = "principalSet://iam.googleapis.com/${local.pool}/*"
            }
            """);
        Write("locals.tf", """
            locals {
              sa   = "deployer@${var.project}.iam.gserviceaccount.com"
              pool = "projects/1/locations/global/workloadIdentityPools/gitlab"
            }
            variable "project" { default = "acme-prod" }
            """);
        Write("other/locals.tf", "locals {\n  pool = \"elsewhere\"\n}\n");

        var trust = TrustLoader.Load([_folder], TrustRequirement.AnyTrust);

        Assert.Equal("principalSet://iam.googleapis.com/projects/1/locations/global/workloadIdentityPools/gitlab/*", Binding(trust).Member);
        Assert.Equal("deployer@acme-prod.iam.gserviceaccount.com", Binding(trust).Target.Name);
        Assert.Contains(trust.Notes, n => n.Contains("var.project", StringComparison.Ordinal) && n.Contains("default is used", StringComparison.Ordinal));
    }

    [Fact]
    public void Variable_values_come_from_tfvars_as_terraform_takes_them()
    {
        Write("main.tf", """
            variable "member" { default = "user:default@x.y" }
            resource "google_project_iam_member" "m" {
              project = "acme-prod"
              role    = "roles/viewer"
              member  = var.member
            }
            """);
        Write("terraform.tfvars", "member = \"user:tfvars@x.y\"\n");
        Write("z.auto.tfvars", "member = \"user:auto@x.y\"\n");
        var prod = Write("envs/prod.tfvars", "member = \"user:prod@x.y\"\n");

        // A folder brings the files Terraform loads by itself (*.auto.tfvars last); prod.tfvars only when named.
        Assert.Equal("user:auto@x.y", Binding(TrustLoader.Load([_folder], TrustRequirement.AnyTrust)).Member);
        Assert.Equal("user:prod@x.y", Binding(TrustLoader.Load([_folder, prod], TrustRequirement.AnyTrust)).Member);
    }

    [Fact]
    public void Override_files_are_merged_into_the_blocks_they_name_after_every_other_file()
    {
        Write("a_override.tf", """
            resource "google_project_iam_member" "m" {
              member = local.who
            }
            locals { who = "user:override@x.y" }
            """);
        Write("main.tf", """
            locals { who = "user:main@x.y" }
            resource "google_project_iam_member" "m" {
              project = "acme-prod"
              role    = "roles/viewer"
              member  = "user:original@x.y"
            }
            """);

        var binding = Binding(TrustLoader.Load([_folder], TrustRequirement.AnyTrust));

        Assert.Equal(("roles/viewer", "user:override@x.y"), (binding.Role, binding.Member));
    }

    [Fact]
    public void An_override_of_a_block_nobody_declares_is_an_error()
    {
        var file = Write("override.tf", "resource \"google_project_iam_member\" \"m\" {\n  member = \"user:x@y.z\"\n}\n");

        var e = Assert.Throws<InputException>(() => TrustLoader.Load([_folder], TrustRequirement.AnyTrust));

        Assert.Equal(file, e.File);
        Assert.Contains("google_project_iam_member.m", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_variable_without_a_default_leaves_the_attribute_unknown()
    {
        Write("main.tf", """
            variable "member" {}
            resource "google_project_iam_member" "m" {
              project = "acme-prod"
              role    = "roles/viewer"
              member  = var.member
            }
            """);

        var binding = Binding(TrustLoader.Load([_folder], TrustRequirement.AnyTrust));

        Assert.Null(binding.Member);
        Assert.Contains("member", binding.Unknown);
    }

    [Fact]
    public void Locals_that_refer_to_each_other_in_a_circle_are_unknown_not_a_hang()
    {
        Write("main.tf", """
            locals {
              a = "${local.b}x"
              b = "${local.a}y"
            }
            resource "google_project_iam_member" "m" {
              project = "acme-prod"
              role    = "roles/viewer"
              member  = local.a
            }
            """);

        Assert.Null(Binding(TrustLoader.Load([_folder], TrustRequirement.AnyTrust)).Member);
    }

    [Fact]
    public void References_nested_too_deep_are_unknown_and_noted()
    {
        var locals = string.Concat(Enumerable.Range(1, 40).Select(i => $"  l{i} = local.l{i - 1}\n"));
        Write("main.tf", "locals {\n  l0 = \"user:a@b.c\"\n" + locals + "}\n" + """
            resource "google_project_iam_member" "m" {
              project = "acme-prod"
              role    = "roles/viewer"
              member  = local.l40
            }
            """);

        var trust = TrustLoader.Load([_folder], TrustRequirement.AnyTrust);

        Assert.Null(Binding(trust).Member);
        Assert.Contains(trust.Notes, n => n.Contains($"more than {Keyless.Formats.Inputs.Terraform.TfEvaluator.MaxReferenceDepth}", StringComparison.Ordinal));
    }

    [Fact]
    public void Locals_that_double_at_each_step_stop_at_the_budget_in_linear_time()
    {
        // l0 = "xx…", l1 = "${l0}${l0}", … : the text doubles at each local, 1000 × 2^30 characters at the end.
        var locals = new System.Text.StringBuilder("locals {\n  l0 = \"" + new string('x', 1000) + "\"\n");
        for (var i = 1; i <= 30; i++)
        {
            locals.Append($"  l{i} = \"${{local.l{i - 1}}}${{local.l{i - 1}}}\"\n");
        }

        Write("main.tf", locals + "}\n" + """
            resource "google_project_iam_member" "m" {
              project = "acme-prod"
              role    = "roles/viewer"
              member  = local.l30
            }
            """);
        var trust = TrustLoader.Load([_folder], TrustRequirement.AnyTrust);

        Assert.Null(Binding(trust).Member);
        Assert.Contains(trust.Notes, n => n.Contains("read as unknown", StringComparison.Ordinal));
    }

    [Fact]
    public void Jsonencode_writes_the_policy_json_terraform_sends()
    {
        Write("main.tf", """
            resource "google_service_account_iam_policy" "p" {
              service_account_id = "projects/acme-prod/serviceAccounts/deployer@acme-prod.iam.gserviceaccount.com"
              policy_data = jsonencode({
                bindings = [{ role = "roles/iam.workloadIdentityUser", members = ["principal://x/<&>"] }]
              })
            }
            """);

        var binding = Binding(TrustLoader.Load([_folder], TrustRequirement.AnyTrust));

        Assert.Equal("roles/iam.workloadIdentityUser", binding.Role);
        Assert.Equal("principal://x/<&>", binding.Member);
    }

    [Fact]
    public void Join_format_and_concat_build_values_from_known_arguments()
    {
        Write("main.tf", """
            locals {
              ids = ["4242", "4343"]
            }
            resource "google_project_iam_binding" "b" {
              project = "acme-prod"
              role    = format("roles/%s", lower("IAM.workloadIdentityUser"))
              members = concat(
                [for id in local.ids : "principalSet://x/attribute.project_id/${id}"],
                ["principal://x/subject/${join(":", local.ids)}"],
              )
            }
            resource "google_project_iam_member" "m" {
              project = "acme-prod"
              role    = format("roles/%s-%d", "viewer", 2)
              member  = format("user:%s@%s", "a", "b.c")
            }
            """);

        var trust = TrustLoader.Load([_folder], TrustRequirement.AnyTrust);

        // A for expression is never evaluated, so the list it is part of stays unknown; the rest resolves.
        Assert.Contains(trust.Bindings, b => b is { Role: "roles/iam.workloadidentityuser", Member: null });
        Assert.Contains(trust.Bindings, b => b is { Role: "roles/viewer-2", Member: "user:a@b.c" });
    }

    [Fact]
    public void An_imported_id_resolves_a_reference_to_it()
    {
        Write("main.tf", """
            import {
              to = azuread_application.ci
              id = "/applications/0b2d"
            }
            resource "azuread_application" "ci" {
              display_name = "ci-deployer"
            }
            resource "azuread_application_federated_identity_credential" "main" {
              application_id = azuread_application.ci.id
              display_name   = "main"
              audiences      = ["api://AzureADTokenExchange"]
              issuer         = "https://gitlab.com"
              subject        = "project_path:acme/payments:ref_type:branch:ref:main"
            }
            """);

        var identity = Assert.Single(TrustLoader.Load([_folder], TrustRequirement.AnyTrust).AzureIdentities);

        Assert.Equal("ci-deployer", identity.Name);
        Assert.Single(identity.Credentials);
    }

    [Fact]
    public void A_module_call_is_noted_as_not_expanded()
    {
        Write("main.tf", Pool + "\nmodule \"wif\" {\n  source = \"./modules/wif\"\n}\n");

        Assert.Contains(TrustLoader.Load([_folder], TrustRequirement.AnyTrust).Notes, n => n.StartsWith("module.wif", StringComparison.Ordinal));
    }
}
