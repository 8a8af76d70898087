namespace Keyless.Testing;

/// <summary>
/// gcloud as installed, and the Python and google-auth it bundles, for the tests that hand the emulator's (or
/// keyless's) credential configurations to Google's own client; they skip with the reason where it is missing. Its
/// configuration lives in a scratch folder and trusts one CA file (the emulator's certificate).
/// </summary>
public static class Gcloud
{
    /// <summary>The gcloud on PATH, or null.</summary>
    public static string? Path { get; } = ExternalTool.Find("gcloud");

    public static void SkipWithout() =>
        Assert.SkipWhen(Path is null, "gcloud is not installed on this machine (google-cloud-cli); the gcloud client tests need it");

    // The SDK root is the folder above the real bin/gcloud; it bundles a Python and google-auth.
    private static string SdkRoot =>
        System.IO.Path.GetDirectoryName(System.IO.Path.GetDirectoryName(new FileInfo(Path!).ResolveLinkTarget(true)?.FullName ?? Path!))!;

    private const string RefreshScript = """
        import json, sys
        sys.path.insert(0, sys.argv[1])
        from google.auth import identity_pool
        from google.auth.transport.requests import Request
        with open(sys.argv[2]) as f:
            info = json.load(f)
        credentials = identity_pool.Credentials.from_info(info, scopes=["https://www.googleapis.com/auth/cloud-platform"])
        try:
            credentials.refresh(Request())
        except Exception as e:
            print("REFUSED " + str(e))
            sys.exit(1)
        print("TOKEN " + credentials.token[:7] + " " + credentials.expiry.isoformat())
        """;

    /// <summary>gcloud's environment: its configuration under <paramref name="scratch"/>, trusting <paramref name="caFile"/>, no prompts or update checks.</summary>
    public static Dictionary<string, string> Environment(string scratch, string caFile) => new()
    {
        ["CLOUDSDK_CONFIG"] = System.IO.Path.Combine(scratch, "gcloud"),
        ["CLOUDSDK_CORE_DISABLE_PROMPTS"] = "1",
        ["CLOUDSDK_CORE_CUSTOM_CA_CERTS_FILE"] = caFile,
        ["CLOUDSDK_COMPONENT_MANAGER_DISABLE_UPDATE_CHECK"] = "1",
        ["CLOUDSDK_CORE_DISABLE_USAGE_REPORTING"] = "true",
        ["REQUESTS_CA_BUNDLE"] = caFile,
    };

    /// <summary>
    /// Refreshes a credential configuration with gcloud's bundled google-auth (identity_pool.Credentials): stdout is
    /// <c>TOKEN</c> with the token's first characters and expiry, or <c>REFUSED</c> with the error (exit 1).
    /// </summary>
    public static Task<ToolRun> RefreshAsync(string config, string scratch, string caFile) =>
        ExternalTool.RunAsync(
            System.IO.Path.Combine(SdkRoot, "platform", "bundledpythonunix", "bin", "python3"),
            ["-c", RefreshScript, System.IO.Path.Combine(SdkRoot, "lib", "third_party"), config],
            Environment(scratch, caFile));

    public static Task<ToolRun> RunGcloudAsync(IEnumerable<string> args, string scratch, string caFile, IReadOnlyDictionary<string, string>? extra = null)
    {
        var environment = Environment(scratch, caFile);
        foreach (var (name, value) in extra ?? new Dictionary<string, string>())
        {
            environment[name] = value;
        }

        return ExternalTool.RunAsync(Path!, args, environment);
    }
}
