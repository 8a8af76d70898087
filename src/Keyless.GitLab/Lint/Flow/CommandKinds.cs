using Keyless.GitLab.Lint.Shell;

namespace Keyless.GitLab.Lint.Flow;

/// <summary>What common CI commands do with their input, as far as a secret passing through them goes.</summary>
internal static class CommandKinds
{
    /// <summary>Print their arguments.</summary>
    public static readonly IReadOnlySet<string> Printers = Set("echo", "printf", "print", "Write-Output", "Write-Host");

    /// <summary>Pass their input (or the files they name) through unchanged.</summary>
    public static readonly IReadOnlySet<string> PassThrough = Set("cat", "tee", "grep", "egrep", "fgrep", "sort", "uniq", "less", "more", "tac");

    /// <summary>Change the value's form, which defeats GitLab's masking of the verbatim token.</summary>
    public static readonly IReadOnlySet<string> Transformers = Set(
        "base64", "base32", "basenc", "cut", "jq", "yq", "sed", "tr", "awk", "gawk", "mawk", "xxd", "od", "hexdump",
        "rev", "fold", "openssl", "head", "tail", "python", "python3", "perl", "ruby", "node", "iconv", "gzip", "step");

    /// <summary>Print environment variables (all of them without arguments).</summary>
    public static readonly IReadOnlySet<string> EnvironmentDumpers = Set("env", "printenv", "set", "export", "declare", "typeset");

    /// <summary>Builtins whose <c>NAME=value</c> arguments assign variables.</summary>
    public static readonly IReadOnlySet<string> Declarers = Set("export", "declare", "local", "readonly", "typeset");

    /// <summary>
    /// Variables that name a file (or folder) holding or pointing to cloud credentials, the ID token included:
    /// the AWS SDKs and CLI read the token from <c>AWS_WEB_IDENTITY_TOKEN_FILE</c> and keys from
    /// <c>AWS_SHARED_CREDENTIALS_FILE</c> (aws/aws-sdk-go-v2 config/env_config.go).
    /// </summary>
    public static readonly IReadOnlySet<string> CredentialPathVariables = Set(
        "GOOGLE_APPLICATION_CREDENTIALS", "CLOUDSDK_AUTH_CREDENTIAL_FILE_OVERRIDE", "GOOGLE_GHA_CREDS_PATH", "CLOUDSDK_CONFIG",
        "AZURE_FEDERATED_TOKEN_FILE", "ARM_OIDC_TOKEN_FILE_PATH", "AZURE_CONFIG_DIR",
        "AWS_WEB_IDENTITY_TOKEN_FILE", "AWS_SHARED_CREDENTIALS_FILE");

    /// <summary>AWS CLI calls that print credentials: STS keys, exported credentials, registry and cluster tokens.</summary>
    private static readonly (string Service, string Operation)[] AwsCredentialCalls =
    [
        ("sts", "assume-role-with-web-identity"), ("sts", "assume-role"), ("sts", "assume-role-with-saml"),
        ("sts", "get-session-token"), ("sts", "get-federation-token"), ("configure", "export-credentials"),
        ("ecr", "get-login-password"), ("ecr-public", "get-login-password"), ("eks", "get-token"),
        ("codeartifact", "get-authorization-token"),
    ];

    /// <summary>Token endpoints that answer with a cloud access token or STS keys (GCP STS and IAM Credentials, AWS STS, Entra).</summary>
    private static readonly string[] TokenEndpoints =
    [
        "sts.googleapis.com", "iamcredentials.googleapis.com", "sts.amazonaws.com", "AssumeRoleWithWebIdentity",
        "login.microsoftonline.com",
    ];

    /// <summary>Secrets-engine paths of Vault that hand out cloud credentials (AWS, GCP, Azure secrets engines).</summary>
    private static readonly string[] VaultCloudPaths = ["aws/creds/", "aws/sts/", "gcp/roleset/", "gcp/static-account/", "gcp/impersonated-account/", "azure/creds/"];

    /// <summary>
    /// True for commands whose output is a cloud credential: <c>gcloud auth print-access-token</c>,
    /// <c>az account get-access-token</c>, <c>keyless login … --print-access-token</c>, <c>aws sts assume-role-with-web-identity</c>
    /// and the other AWS calls above, a credential helper's <c>env</c> or <c>process</c> output, a request to a token
    /// endpoint, a Vault cloud secrets engine.
    /// </summary>
    public static bool PrintsCloudCredential(ShellCommand command)
    {
        var words = command.Words.Select(w => w.Text).ToList();
        return command.Name switch
        {
            "gcloud" => words.Contains("auth") && (words.Contains("print-access-token") || words.Contains("print-identity-token")),
            "az" => words.Contains("account") && words.Contains("get-access-token"),

            // keyless login prints the access token with --print-access-token (GCP), and always for Azure
            // unless --env-file sends the credentials to a file instead.
            "keyless" => words.Contains("login")
                && ((words.Contains("gcp") && words.Contains("--print-access-token"))
                    || (words.Contains("azure") && Option(command, "--env-file") is null)),
            "aws" => AwsCredentialCalls.Any(call => words.Contains(call.Service) && words.Contains(call.Operation)),

            // binxio/gitlab-aws-credential-helper: `env` prints the AWS_* variables (unless `-- command` runs a command
            // with them instead), `process` the credential_process JSON.
            "gitlab-aws-credential-helper" => words.Count > 1 && (words[1] == "process" || (words[1] == "env" && !words.Contains("--"))),
            "curl" or "wget" or "http" or "https" or "Invoke-RestMethod" or "Invoke-WebRequest" =>
                words.Any(w => TokenEndpoints.Any(e => w.Contains(e, StringComparison.Ordinal))),
            "vault" => words.Count > 2 && words[1] is "read" or "write"
                && words.Skip(2).Any(w => VaultCloudPaths.Any(p => w.StartsWith(p, StringComparison.Ordinal))),
            _ => false,
        };
    }

    /// <summary>
    /// The file a credential helper writes cloud credentials to by itself: binxio/gitlab-aws-credential-helper's
    /// <c>dotenv</c> (.gitlab-aws-credentials.env) and <c>aws-profile</c> (the AWS shared credentials file), and
    /// <c>keyless login aws</c>'s <c>--env-file</c> or <c>--credentials-file</c> (default: the shared credentials
    /// file; AWS_SHARED_CREDENTIALS_FILE, when set, is out of sight here).
    /// </summary>
    public static string? WrittenCredentialFile(ShellCommand command)
    {
        if (command.Name == "keyless" && command.Words.Count > 2 && command.Words[1].Text == "login" && command.Words[2].Text == "aws")
        {
            return (Option(command, "--env-file") ?? Option(command, "--credentials-file"))?.Text ?? "$HOME/.aws/credentials";
        }

        return command.Name == "gitlab-aws-credential-helper" && command.Words.Count > 1
            ? command.Words[1].Text switch
            {
                "dotenv" => ".gitlab-aws-credentials.env",
                "aws-profile" => "$HOME/.aws/credentials",
                _ => null,
            }
            : null;
    }

    /// <summary>The value of <c>--name=value</c> or <c>--name value</c> among a command's arguments.</summary>
    public static ShellWord? Option(ShellCommand command, string name)
    {
        var words = command.Words;
        for (var i = 1; i < words.Count; i++)
        {
            var text = words[i].Text;
            if (text == name && i + 1 < words.Count)
            {
                return words[i + 1];
            }

            if (text.StartsWith(name + "=", StringComparison.Ordinal))
            {
                return words[i] with { Text = text[(name.Length + 1)..] };
            }
        }

        return null;
    }

    private static HashSet<string> Set(params string[] names) => new(names, StringComparer.Ordinal);
}
