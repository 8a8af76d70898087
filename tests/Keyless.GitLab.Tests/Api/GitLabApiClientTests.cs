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
}
