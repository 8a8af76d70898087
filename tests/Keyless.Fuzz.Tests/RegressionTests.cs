using Keyless.Formats.Inputs;
using Keyless.Formats.Inputs.Tokens;
using Keyless.GitLab.Pipeline;
using Keyless.Trust.Diagnostics;

namespace Keyless.Fuzz.Tests;

/// <summary>Bugs the fuzzers found, pinned with the smallest input that showed each one.</summary>
public sealed class RegressionTests
{
    [Fact]
    public void A_trust_file_with_a_duplicate_member_is_refused_with_the_file_not_an_ArgumentException()
    {
        var dir = Directory.CreateTempSubdirectory("keyless-fuzz-regression-").FullName;
        try
        {
            var fics = Path.Combine(dir, "fics.json");
            File.WriteAllText(fics, "[{\"name\":\"a\",\"name\":\"b\",\"issuer\":\"https://gitlab.com\",\"subject\":\"x\",\"audiences\":[\"api://AzureADTokenExchange\"]}]");

            // Named, the file is refused itself; found in a folder it is skipped, and the folder's refusal names it.
            var named = Assert.Throws<InputException>(() => TrustLoader.Load([fics]));
            Assert.Contains("fics.json", named.File, StringComparison.Ordinal);
            Assert.Contains("name", named.Message, StringComparison.Ordinal);
            var found = Assert.Throws<InputException>(() => TrustLoader.Load([dir]));
            Assert.Contains("fics.json (not valid JSON: ", found.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void A_claims_file_with_a_duplicate_claim_is_refused() =>
        Assert.Throws<InputException>(() => ClaimsReader.Read("claims.json", "{\"sub\":\"a\",\"sub\":\"b\"}"));

    [Fact]
    public void Deeply_nested_YAML_claims_are_refused_before_the_recursive_loader_sees_them()
    {
        var e = Assert.Throws<InputException>(() => ClaimsReader.Read("claims.yml", "a: " + new string('[', 200_000) + new string(']', 200_000)));
        Assert.Contains("nest too deeply", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void YAML_claims_that_expand_through_aliases_are_refused()
    {
        var levels = Enumerable.Range(0, 9).Select(i => $"l{i}: &l{i} [" + string.Join(",", Enumerable.Repeat(i == 0 ? "x" : $"*l{i - 1}", 9)) + "]");
        var e = Assert.Throws<InputException>(() => ClaimsReader.Read("claims.yml", string.Join("\n", levels)));
        Assert.Contains("aliases", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("workflow:\n : $CI_COMMIT_REF_PROTECTED == \"true\"\n")]
    [InlineData("a:\n : b\n")]
    public void A_pipeline_YamlDotNet_cannot_load_is_read_or_refused_with_the_file_never_an_ArgumentException(string yaml)
    {
        // An empty key written twice: YamlDotNet's loader threw ArgumentException; the reader now takes repeated keys
        // as GitLab does (the last wins), so the file is read, or refused naming it, and never crashes.
        var e = Record.Exception(() => PipelineReader.Parse(yaml, ".gitlab-ci.yml"));
        Assert.True(e is null or InputException { File: ".gitlab-ci.yml" }, e?.ToString());
    }

    [Fact]
    public void YAML_claims_YamlDotNet_cannot_load_are_refused() =>
        Assert.Throws<InputException>(() => ClaimsReader.Read("claims.yml", "a:\n : b\n"));

    [Fact]
    public void An_escaped_unpaired_surrogate_in_a_claims_file_is_refused() =>
        Assert.Throws<InputException>(() => ClaimsReader.Read("claims.json", "{\"sub\":\"\\uD835\"}"));

    [Fact]
    public void An_escaped_unpaired_surrogate_in_a_token_header_is_a_malformed_token_not_an_exception()
    {
        var token = B64("{\"alg\":\"RS256\",\"kid\":\"k\",\"\\uD835x\":1}") + "." + B64("{}") + ".c2ln";
        var read = Keyless.Emulator.Verification.JwtVerifier.Read(token);
        Assert.False(read.IsValid);
        Assert.False(Keyless.Emulator.Verification.JwtVerifier.Verify(token, []).IsValid);
    }

    [Fact]
    public void An_include_glob_longer_than_any_path_matches_nothing_instead_of_throwing()
    {
        var glob = new PathGlob(new string('a', 200_000) + "*");
        Assert.False(glob.Matches("a.yml"));
    }

    [Fact]
    public void A_wildcard_local_include_in_text_without_a_project_is_recorded_not_a_DirectoryNotFoundException()
    {
        var document = PipelineReader.Parse("include:\n  - local: 'ci/*.yml'\njob:\n  script: [x]\n", ".gitlab-ci.yml");
        Assert.Single(document.Includes);
    }

    [Fact]
    public void Two_files_of_one_configuration_declaring_the_same_resource_are_refused_with_the_file_not_an_ArgumentException()
    {
        // Two folders are two root modules and may; two files of one folder are one module and may not.
        var root = Directory.CreateTempSubdirectory("keyless-fuzz-regression-").FullName;
        try
        {
            var tf = File.ReadAllText(Path.Combine(FuzzBudget.RepoRoot, "examples", "gcp-hardened-tf-json", "main.tf.json"));
            foreach (var name in new[] { "a", "b" })
            {
                File.WriteAllText(Path.Combine(root, name + ".tf.json"), tf);
            }

            var e = Assert.Throws<InputException>(() => TrustLoader.Load([root]));
            Assert.Contains("declared twice", e.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static string B64(string text) =>
        Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
