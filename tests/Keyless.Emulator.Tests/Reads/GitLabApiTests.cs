using System.Text.Json.Nodes;
using Keyless.Formats.Inputs;

namespace Keyless.Emulator.Tests.Reads;

public sealed class GitLabApiTests
{
    private static readonly JsonArray Variables = JsonNode.Parse("""
        [{"variable_type":"env_var","key":"DEPLOY_TOKEN","value":"not-a-secret","protected":true,"masked":true,"hidden":false,"raw":false,"environment_scope":"*","description":null},
         {"variable_type":"env_var","key":"REGION","value":"eu","protected":false,"masked":false,"hidden":false,"raw":false,"environment_scope":"*","description":null}]
        """)!.AsArray();

    // One item a page, so a two-item list has a next page; Variables served for owner.
    private static CoreHarness PagedByOne(string owner) => new(ReadFixtures.Example("azure-hardened-graph"), configure: o => o with
    {
        MaxPageSize = 1,
        GitLabVariables = new Dictionary<string, JsonArray> { [owner] = Variables },
    });

    public sealed class Projects
    {
        [Fact]
        public async Task Answer_by_encoded_path_with_the_token_settings_and_protections()
        {
            using var harness = new CoreHarness(ReadFixtures.Example("azure-hardened-graph"));
            var token = await harness.ReaderTokenAsync("gitlab");
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["PRIVATE-TOKEN"] = token };
            var project = await harness.RawAsync("GET", "/api/v4/projects/acme%2Fpayments", headers: headers);
            Assert.Equal(200, project.Status);
            var body = JsonNode.Parse(project.Body)!;
            Assert.Equal(4242, body["id"]!.GetValue<long>());
            Assert.Equal(["project_id", "ref_type", "ref"], body["ci_id_token_sub_claim_components"]!.AsArray().Select(c => c!.GetValue<string>()));

            var branches = await harness.RawAsync("GET", "/api/v4/projects/4242/protected_branches", authorization: "Bearer " + token);
            var loaded = TrustLoader.LoadText("project.json", project.Body);
            Assert.Equal("acme/payments", loaded.GitLabProjects.Single().Path);
            Assert.Equal("main", JsonNode.Parse(branches.Body)![0]!["name"]!.GetValue<string>());
            Assert.Equal("1", branches.Headers["x-total"]);
        }

        [Fact]
        public async Task Page_variables_with_link_headers_and_list_a_groups_projects()
        {
            using var harness = PagedByOne("acme/payments");
            var bearer = "Bearer " + await harness.ReaderTokenAsync("gitlab");
            var first = await harness.RawAsync("GET", "/api/v4/projects/acme%2Fpayments/variables?per_page=100", authorization: bearer);
            Assert.Contains("rel=\"next\"", first.Headers["Link"], StringComparison.Ordinal);
            Assert.Equal("2", first.Headers["x-next-page"]);
            var second = await harness.RawAsync("GET", "/api/v4/projects/acme%2Fpayments/variables?page=2&per_page=100", authorization: bearer);
            Assert.Equal("REGION", JsonNode.Parse(second.Body)![0]!["key"]!.GetValue<string>());
            Assert.Equal(string.Empty, second.Headers["x-next-page"]);

            var projects = await harness.RawAsync("GET", "/api/v4/groups/acme/projects?include_subgroups=true", authorization: bearer);
            Assert.Equal("acme/payments", JsonNode.Parse(projects.Body)![0]!["path_with_namespace"]!.GetValue<string>());
            var unauthenticated = await harness.RawAsync("GET", "/api/v4/projects/4242");
            Assert.Equal(401, unauthenticated.Status);
        }
    
        [Fact]
        public async Task List_descendant_groups_at_any_depth_paged()
        {
            using var harness = PagedByOne("acme/platform/deep");
            var bearer = "Bearer " + await harness.ReaderTokenAsync("gitlab");
            var first = await harness.RawAsync("GET", "/api/v4/groups/acme/descendant_groups?per_page=100", authorization: bearer);
            var second = await harness.RawAsync("GET", "/api/v4/groups/acme/descendant_groups?page=2&per_page=100", authorization: bearer);

            Assert.Equal("2", first.Headers["x-total"]);
            Assert.Equal(["acme/platform", "acme/platform/deep"], new[] { first, second }.Select(r => JsonNode.Parse(r.Body)![0]!["full_path"]!.GetValue<string>()));
            var subgroupVariables = await harness.RawAsync("GET", "/api/v4/groups/acme%2Fplatform%2Fdeep/variables", authorization: bearer);
            Assert.Equal("DEPLOY_TOKEN", JsonNode.Parse(subgroupVariables.Body)![0]!["key"]!.GetValue<string>());
        }
    }
}
