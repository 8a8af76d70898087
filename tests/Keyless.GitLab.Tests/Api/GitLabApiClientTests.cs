using System.Diagnostics;
using System.Text.Json.Nodes;
using Keyless.GitLab.Api;
using Keyless.Trust.Diagnostics;

namespace Keyless.GitLab.Tests.Api;

public sealed class GitLabApiClientTests
{
    private const string ProjectPath = "projects/acme%2Fapp/variables";

    private static readonly GitLabApiOptions Fast = new()
    {
        BaseDelay = TimeSpan.FromMilliseconds(10),
        MaxDelay = TimeSpan.FromSeconds(3),
        AttemptTimeout = TimeSpan.FromSeconds(10),
    };

    private static readonly string Token = "test-" + Guid.NewGuid().ToString("N");

    private static JsonArray Many(int count) =>
        new(Enumerable.Range(1, count).Select(i => (JsonNode)FakeGitLab.Variable($"VAR_{i:D3}", $"value-{i}")).ToArray());

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public sealed class ListProjectVariablesAsync
    {
        [Fact]
        public async Task Should_Follow_The_Link_Header_Across_Pages_With_The_Token_On_Every_Request()
        {
            await using var gitlab = new FakeGitLab(Token);
            gitlab.Serve(ProjectPath, Many(250));
            using var client = new GitLabApiClient(gitlab.BaseUrl, Token, Fast);

            var set = await client.ListProjectVariablesAsync("acme/app", Cancel);

            Assert.Equal(Enumerable.Range(1, 250).Select(i => $"VAR_{i:D3}"), set.Variables.Select(v => v.Key));
            Assert.Equal(3, gitlab.Requests.Count);
            Assert.All(gitlab.Requests, r => Assert.True(r.TokenOk));
            Assert.All(gitlab.Requests, r => Assert.StartsWith("/api/v4/projects/acme%2Fapp/variables?", r.Target, StringComparison.Ordinal));
            Assert.Equal(VariableLevel.Project, set.Level);
            Assert.Equal("acme/app", set.Owner);
        }

        [Fact]
        public async Task Should_Follow_X_Next_Page_When_There_Is_No_Link_Header()
        {
            await using var gitlab = new FakeGitLab(Token) { SendLinkHeader = false };
            gitlab.Serve(ProjectPath, Many(120));
            using var client = new GitLabApiClient(gitlab.BaseUrl, Token, Fast);

            var set = await client.ListProjectVariablesAsync("acme/app", Cancel);

            Assert.Equal(120, set.Variables.Count);
            Assert.Equal(2, gitlab.Requests.Count);
        }

        [Fact]
        public async Task Should_Read_Every_Documented_Field_And_A_Withheld_Value_As_Null()
        {
            await using var gitlab = new FakeGitLab(Token);
            gitlab.Serve(ProjectPath, [
                FakeGitLab.Variable("GCP_KEY", "{}", @protected: true, masked: false, type: "file", scope: "production"),
                FakeGitLab.Variable("SECRET", null, masked: true, hidden: true),
            ]);
            using var client = new GitLabApiClient(gitlab.BaseUrl, Token, Fast);

            var variables = (await client.ListProjectVariablesAsync("acme/app", Cancel)).Variables;

            Assert.Equal(new GitLabVariable("GCP_KEY", "{}", "file", Protected: true, EnvironmentScope: "production"), variables[0]);
            Assert.Equal(new GitLabVariable("SECRET", null, Masked: true, Hidden: true, EnvironmentScope: "*"), variables[1]);
        }

        [Fact]
        public async Task Should_Retry_A_429_After_The_Retry_After_Delay()
        {
            await using var gitlab = new FakeGitLab(Token);
            gitlab.Serve(ProjectPath, Many(3));
            gitlab.FailFirst(ProjectPath, (429, "1"));
            using var client = new GitLabApiClient(gitlab.BaseUrl, Token, Fast);
            var clock = Stopwatch.StartNew();

            var set = await client.ListProjectVariablesAsync("acme/app", Cancel);

            Assert.Equal(3, set.Variables.Count);
            Assert.Equal(2, gitlab.Requests.Count);
            Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(900), $"retried after {clock.Elapsed}, before Retry-After");
        }

        [Fact]
        public async Task Should_Retry_A_500_Then_Succeed()
        {
            await using var gitlab = new FakeGitLab(Token);
            gitlab.Serve(ProjectPath, Many(3));
            gitlab.FailFirst(ProjectPath, (500, null), (502, null));
            using var client = new GitLabApiClient(gitlab.BaseUrl, Token, Fast);

            var set = await client.ListProjectVariablesAsync("acme/app", Cancel);

            Assert.Equal(3, set.Variables.Count);
            Assert.Equal(3, gitlab.Requests.Count);
        }

        [Fact]
        public async Task Should_Give_Up_After_The_Bounded_Retries_Naming_The_Url()
        {
            await using var gitlab = new FakeGitLab(Token);
            gitlab.Serve(ProjectPath, Many(3));
            gitlab.FailFirst(ProjectPath, Enumerable.Repeat((503, (string?)null), 10).ToArray());
            using var client = new GitLabApiClient(gitlab.BaseUrl, Token, Fast with { MaxRetries = 2 });

            var error = await Assert.ThrowsAsync<InputException>(() => client.ListProjectVariablesAsync("acme/app", Cancel));

            Assert.Equal(3, gitlab.Requests.Count);
            Assert.Contains("503", error.Message, StringComparison.Ordinal);
            Assert.Contains("/api/v4/projects/acme%2Fapp/variables", error.File, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Should_Report_A_Rejected_Token_As_Bad_Input_Without_Showing_It()
        {
            await using var gitlab = new FakeGitLab(Token);
            gitlab.Serve(ProjectPath, Many(1));
            const string wrong = "wrong-token-value-123";
            using var client = new GitLabApiClient(gitlab.BaseUrl, wrong, Fast);

            var error = await Assert.ThrowsAsync<InputException>(() => client.ListProjectVariablesAsync("acme/app", Cancel));

            Assert.Contains("401", error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(wrong, error.Location + error.Message, StringComparison.Ordinal);
            Assert.Single(gitlab.Requests);
        }

        [Fact]
        public async Task Should_Not_Send_The_Token_To_Another_Origin_Named_By_A_Next_Link()
        {
            await using var gitlab = new FakeGitLab(Token) { NextLinkOrigin = new Uri("http://127.0.0.2:1/") };
            gitlab.Serve(ProjectPath, Many(150));
            using var client = new GitLabApiClient(gitlab.BaseUrl, Token, Fast);

            var error = await Assert.ThrowsAsync<InputException>(() => client.ListProjectVariablesAsync("acme/app", Cancel));

            Assert.Contains("leaves", error.Message, StringComparison.Ordinal);
            Assert.Single(gitlab.Requests);
        }

        [Fact]
        public async Task Should_Not_Follow_A_Redirect_To_Another_Origin_With_The_Token()
        {
            await using var elsewhere = new FakeGitLab(Token);
            elsewhere.Serve(ProjectPath, Many(1));
            await using var gitlab = new FakeGitLab(Token) { RedirectTo = elsewhere.BaseUrl };
            using var client = new GitLabApiClient(gitlab.BaseUrl, Token, Fast);

            var error = await Assert.ThrowsAsync<InputException>(() => client.ListProjectVariablesAsync("acme/app", Cancel));

            Assert.Empty(elsewhere.Requests);
            Assert.Contains("302", error.Message, StringComparison.Ordinal);
            Assert.Contains(elsewhere.BaseUrl.Authority, error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(Token, error.Location + error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Should_Report_Attempts_That_Time_Out_As_Bad_Input()
        {
            await using var gitlab = new FakeGitLab(Token) { ResponseDelay = TimeSpan.FromSeconds(1) };
            gitlab.Serve(ProjectPath, Many(1));
            using var client = new GitLabApiClient(gitlab.BaseUrl, Token, Fast with { MaxRetries = 1, AttemptTimeout = TimeSpan.FromMilliseconds(100) });

            var error = await Assert.ThrowsAsync<InputException>(() => client.ListProjectVariablesAsync("acme/app", Cancel));

            Assert.Contains("in time", error.Message, StringComparison.Ordinal);
            Assert.Contains("/api/v4/projects/acme%2Fapp/variables", error.File, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Should_Stop_At_The_Page_Bound()
        {
            await using var gitlab = new FakeGitLab(Token);
            gitlab.Serve(ProjectPath, Many(30));
            using var client = new GitLabApiClient(gitlab.BaseUrl, Token, Fast with { PerPage = 5, MaxPages = 3 });

            await Assert.ThrowsAsync<InputException>(() => client.ListProjectVariablesAsync("acme/app", Cancel));

            Assert.Equal(3, gitlab.Requests.Count);
        }
    }

    public sealed class ListGroupAndInstanceVariablesAsync
    {
        [Fact]
        public async Task Should_Read_Group_And_Instance_Levels_From_Their_Endpoints()
        {
            await using var gitlab = new FakeGitLab(Token);
            gitlab.Serve("groups/acme/variables", Many(2));
            gitlab.Serve("admin/ci/variables", Many(1));
            using var client = new GitLabApiClient(gitlab.BaseUrl, Token, Fast);

            var group = await client.ListGroupVariablesAsync("acme", Cancel);
            var instance = await client.ListInstanceVariablesAsync(Cancel);

            Assert.Equal((VariableLevel.Group, 2), (group.Level, group.Variables.Count));
            Assert.Equal((VariableLevel.Instance, 1), (instance.Level, instance.Variables.Count));
            Assert.Equal(new Uri(gitlab.BaseUrl, "api/v4/admin/ci/variables").AbsoluteUri, instance.Source);
        }
    }

    public sealed class GroupWalk
    {
        private static JsonObject Project(string path) => new() { ["id"] = path.Length, ["path_with_namespace"] = path, ["namespace"] = new JsonObject { ["full_path"] = path[..path.LastIndexOf('/')] } };

        private static JsonObject Group(string path) => new() { ["id"] = path.Length, ["full_path"] = path, ["parent_id"] = 1 };

        [Fact]
        public async Task Should_Read_The_Group_Its_Subgroups_And_Every_Project_Across_Pages()
        {
            await using var gitlab = new FakeGitLab(Token);
            gitlab.Serve("groups/acme/variables", Many(1));
            gitlab.Serve("groups/acme/descendant_groups", [Group("acme/platform"), Group("acme/platform/deep")]);
            gitlab.Serve("groups/acme/projects", [Project("acme/app"), Project("acme/platform/api"), Project("acme/platform/deep/db")]);
            gitlab.Serve("groups/acme%2Fplatform/variables", Many(2));
            gitlab.Serve("groups/acme%2Fplatform%2Fdeep/variables", Many(3));
            gitlab.Serve(ProjectPath, Many(4));
            gitlab.Serve("projects/acme%2Fplatform%2Fapi/variables", Many(5));
            gitlab.Serve("projects/acme%2Fplatform%2Fdeep%2Fdb/variables", Many(6));
            using var client = new GitLabApiClient(gitlab.BaseUrl, Token, Fast with { PerPage = 2 });

            var walk = await GroupVariableWalk.RunAsync(client, "acme", Cancel);

            Assert.Equal(
                [(VariableLevel.Group, "acme", 1), (VariableLevel.Group, "acme/platform", 2), (VariableLevel.Group, "acme/platform/deep", 3),
                 (VariableLevel.Project, "acme/app", 4), (VariableLevel.Project, "acme/platform/api", 5), (VariableLevel.Project, "acme/platform/deep/db", 6)],
                walk.Sets.Select(s => (s.Level, s.Owner, s.Variables.Count)));
            Assert.Empty(walk.Skipped);

            // Page 2 of the project list keeps include_subgroups, or a real GitLab would drop the subgroups' projects there.
            var projectPages = gitlab.Requests.Select(r => r.Target).Where(t => t.StartsWith("/api/v4/groups/acme/projects", StringComparison.Ordinal)).ToList();
            Assert.Equal(2, projectPages.Count);
            Assert.All(projectPages, t => Assert.Contains("include_subgroups=true", t, StringComparison.Ordinal));
            Assert.Contains("page=2", projectPages[1], StringComparison.Ordinal);
        }

        [Fact]
        public async Task Should_Name_A_Forbidden_Project_Or_Subgroup_And_Go_On()
        {
            await using var gitlab = new FakeGitLab(Token);
            gitlab.Serve("groups/acme/variables", Many(1));
            gitlab.Serve("groups/acme/descendant_groups", [Group("acme/locked")]);
            gitlab.Serve("groups/acme/projects", [Project("acme/secret"), Project("acme/app")]);
            gitlab.FailFirst("groups/acme%2Flocked/variables", (403, null));
            gitlab.FailFirst("projects/acme%2Fsecret/variables", (403, null));
            gitlab.Serve(ProjectPath, Many(2));
            using var client = new GitLabApiClient(gitlab.BaseUrl, Token, Fast);

            var walk = await GroupVariableWalk.RunAsync(client, "acme", Cancel);

            Assert.Equal(["group acme/locked", "project acme/secret"], walk.Skipped.Select(s => s.Name));
            Assert.Equal(new Uri(gitlab.BaseUrl, "api/v4/projects/acme%2Fsecret/variables").AbsoluteUri, walk.Skipped[1].Source);
            Assert.Equal(["acme", "acme/app"], walk.Sets.Select(s => s.Owner));
        }

        [Fact]
        public async Task Should_Stop_On_A_403_For_The_Named_Group_Itself()
        {
            await using var gitlab = new FakeGitLab(Token);
            gitlab.FailFirst("groups/acme/variables", (403, null));
            using var client = new GitLabApiClient(gitlab.BaseUrl, Token, Fast);

            var error = await Assert.ThrowsAsync<InputException>(() => GroupVariableWalk.RunAsync(client, "acme", Cancel));

            Assert.Contains("403", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Should_Name_The_Url_And_Item_Of_A_Project_List_Entry_Without_A_Path()
        {
            await using var gitlab = new FakeGitLab(Token);
            gitlab.Serve("groups/acme/projects", [Project("acme/app"), new JsonObject { ["id"] = 9 }]);
            using var client = new GitLabApiClient(gitlab.BaseUrl, Token, Fast);

            var error = await Assert.ThrowsAsync<InputException>(() => client.ListGroupProjectPathsAsync("acme", Cancel));

            Assert.Equal("$[1]", error.JsonPath);
            Assert.Contains("groups/acme/projects", error.File, StringComparison.Ordinal);
        }
    }
}
