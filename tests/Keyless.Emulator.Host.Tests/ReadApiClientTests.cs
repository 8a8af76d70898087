using System.Text.Json.Nodes;
using Keyless.Formats.Inputs;
using Keyless.Trust.Model;

namespace Keyless.Emulator.Host.Tests;

/// <summary>
/// Real clients read the emulator's read APIs unchanged, through their documented endpoint settings: gcloud (IAM and
/// Resource Manager endpoint overrides) and az CLI (a registered cloud whose Resource Manager and Microsoft Graph are
/// the emulator). What they print loads as the same trust, so the served shapes are the ones the clients and Keyless
/// both read. Each skips with its reason where the tool is not installed.
/// </summary>
public sealed class ReadApiClientTests
{
    private const string Subscription = "00000000-0000-4000-8000-000000000000";
    private const string IdentityId = $"/subscriptions/{Subscription}/resourceGroups/rg-ci/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-ci";

    private static readonly string? Az = ExternalTool.Find("az");

    // The test federation with a managed identity beside the application, so ARM has something to list.
    private static TrustSet Trust()
    {
        var trust = TestTrust.Create();
        var identity = new AzureIdentity
        {
            Kind = AzureIdentityKind.ManagedIdentity,
            Name = "id-ci",
            ClientId = "5e6f7a8b-3333-4d4e-9f0a-0123456789ab",
            ObjectId = "9a8b7c6d-4444-4e5f-8a9b-0123456789ab",
            TenantId = TestTrust.TenantId,
            ResourceId = IdentityId,
            Source = new SourceRef("test", null),
            Credentials =
            [
                new AzureFederatedCredential
                {
                    Name = "gitlab-main",
                    Issuer = "https://gitlab.com",
                    Subject = "project_id:4242:ref_type:branch:ref:main",
                    Audiences = [TestTrust.AzureAudience],
                    Parent = new AzureParentRef { ResourceId = IdentityId },
                    Source = new SourceRef("test", null),
                },
            ],
        };
        return trust with { AzureIdentities = [.. trust.AzureIdentities, identity] };
    }

    [Fact]
    public async Task Gcloud_lists_providers_pools_policies_keys_and_folders_from_the_emulator()
    {
        Gcloud.SkipWithout();
        await using var emu = await RunningEmulator.StartAsync(Trust(),
            configure: o => o with { GcpFolders = new Dictionary<string, string> { ["folders/200"] = "folders/100" } });
        var overrides = new Dictionary<string, string>
        {
            ["CLOUDSDK_API_ENDPOINT_OVERRIDES_IAM"] = emu.Https + "/",
            ["CLOUDSDK_API_ENDPOINT_OVERRIDES_CLOUDRESOURCEMANAGER"] = emu.Https + "/",
        };
        await LoginAsync(emu);
        async Task<string> GcloudJsonAsync(params string[] args)
        {
            var run = await Gcloud.RunGcloudAsync([.. args, "--format=json"], emu.Directory, emu.CertificatePath, overrides);
            Assert.True(run.ExitCode == 0, run.ToString());
            return run.StdOut;
        }

        var providers = await GcloudJsonAsync("iam", "workload-identity-pools", "providers", "list", "--workload-identity-pool=gitlab", "--location=global", "--project=acme-prod");
        var pools = await GcloudJsonAsync("iam", "workload-identity-pools", "list", "--location=global", "--project=acme-prod");
        var policy = await GcloudJsonAsync("iam", "service-accounts", "get-iam-policy", TestTrust.ServiceAccount);
        var keys = await GcloudJsonAsync("iam", "service-accounts", "keys", "list", "--iam-account=" + TestTrust.ServiceAccount);
        var project = await GcloudJsonAsync("projects", "describe", "acme-prod");
        var folders = await GcloudJsonAsync("resource-manager", "folders", "list", "--folder=100");

        var provider = TrustLoader.LoadText("providers.gcloud.json", providers).Providers.Single();
        Assert.Equal(TestTrust.Create().Providers.Single().AttributeCondition, provider.AttributeCondition);
        Assert.Equal("gitlab", TrustLoader.LoadText("pools.gcloud.json", pools).Pools.Single().PoolId);
        Assert.Equal("roles/iam.workloadIdentityUser", JsonNode.Parse(policy)!["bindings"]![0]!["role"]!.GetValue<string>());
        Assert.Equal("SYSTEM_MANAGED", JsonNode.Parse(keys)![0]!["keyType"]!.GetValue<string>());
        var described = JsonNode.Parse(project)!;
        Assert.Equal(TestTrust.ProjectNumber, described["projectNumber"]!.GetValue<string>());
        Assert.Equal(("folder", "100"), (described["parent"]!["type"]!.GetValue<string>(), described["parent"]!["id"]!.GetValue<string>()));
        var folder = JsonNode.Parse(folders)!.AsArray().Single()!;
        Assert.Equal(("folders/200", "folders/100"), (folder["name"]!.GetValue<string>(), folder["parent"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Az_lists_managed_identities_and_federated_credentials_from_the_emulator()
    {
        Assert.SkipWhen(Az is null, "az CLI is not installed on this machine (apt-get install azure-cli); the az client tests need it");
        await using var emu = await RunningEmulator.StartAsync(Trust());
        var environment = new Dictionary<string, string>
        {
            ["AZURE_CONFIG_DIR"] = Path.Combine(emu.Directory, "azure"),
            ["REQUESTS_CA_BUNDLE"] = emu.CertificatePath,
            ["AZURE_CORE_COLLECT_TELEMETRY"] = "no",
            ["AZURE_CORE_ONLY_SHOW_ERRORS"] = "true",
        };
        async Task<string> AzAsync(params string[] args)
        {
            var run = await ExternalTool.RunAsync(Az!, args, environment, timeout: TimeSpan.FromMinutes(3));
            Assert.True(run.ExitCode == 0, run.ToString());
            return run.StdOut;
        }

        // Microsoft Graph has no register option of its own in az 2.45: a cloud config file names every endpoint.
        var config = Path.Combine(emu.Directory, "cloud.json");
        await File.WriteAllTextAsync(config, new JsonObject
        {
            ["endpoints"] = new JsonObject
            {
                ["active_directory"] = emu.Https + "/adfs",
                ["resource_manager"] = emu.Https + "/arm/",
                ["active_directory_resource_id"] = emu.Https + "/arm/",
                ["active_directory_graph_resource_id"] = emu.Https + "/graph/",
                ["management"] = emu.Https + "/mgmt/",
                ["microsoft_graph_resource_id"] = emu.Https + "/graph/",
            },
        }.ToJsonString(), TestContext.Current.CancellationToken);
        await AzAsync("cloud", "register", "--name", "KeylessEmulator", "--cloud-config", "@" + config);
        await AzAsync("cloud", "set", "--name", "KeylessEmulator");
        await AzAsync("login", "--service-principal", "-u", TestTrust.ClientId, "-t", TestTrust.TenantId,
            "--federated-token", await emu.MintAsync(TestTrust.Claims(TestTrust.AzureAudience)), "-o", "json");

        var identities = await AzAsync("identity", "list", "--subscription", Subscription, "-o", "json");
        var identityCredentials = await AzAsync("identity", "federated-credential", "list", "--identity-name", "id-ci", "--resource-group", "rg-ci",
            "--subscription", Subscription, "-o", "json");
        var appCredentials = await AzAsync("ad", "app", "federated-credential", "list", "--id", TestTrust.ClientId, "-o", "json");

        Assert.Equal("5e6f7a8b-3333-4d4e-9f0a-0123456789ab", TrustLoader.LoadText("identities.az.json", identities).AzureIdentities.Single().ClientId);
        var managed = TrustLoader.LoadText("identity-fics.az.json", identityCredentials).AzureIdentities.Single();
        Assert.Equal(("id-ci", "project_id:4242:ref_type:branch:ref:main"), (managed.Name, managed.Credentials.Single().Subject));
        Assert.Equal(TestTrust.MainSubject, JsonNode.Parse(appCredentials)![0]!["subject"]!.GetValue<string>());
    }

    private static async Task LoginAsync(RunningEmulator emu)
    {
        var tokenFile = Path.Combine(emu.Directory, "id-token");
        await File.WriteAllTextAsync(tokenFile, await emu.MintAsync(TestTrust.Claims(TestTrust.GcpAudience)), TestContext.Current.CancellationToken);
        var config = ExternalAccountConfig.FileSourced(emu, tokenFile, null);
        config["token_info_url"] = emu.Https + "/v1/introspect";
        var path = Path.Combine(emu.Directory, "cred.json");
        await File.WriteAllTextAsync(path, config.ToJsonString(), TestContext.Current.CancellationToken);
        var login = await Gcloud.RunGcloudAsync(["auth", "login", "--cred-file=" + path, "--quiet"], emu.Directory, emu.CertificatePath);
        Assert.True(login.ExitCode == 0, login.ToString());
    }
}
