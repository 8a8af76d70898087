using Keyless.GitLab.Pipeline;

namespace Keyless.GitLab.Lint;

/// <summary>
/// Whether a job uses one of its ID tokens: a script, variable (its own or a global one it inherits) or secret names
/// it, a tool it runs reads it by its documented name (<see cref="TokenReader"/>), or Vault's <c>secrets:</c> takes
/// the job's only token. One answer for every rule that says a token is not used.
/// </summary>
internal static class TokenUse
{
    public static bool InJob(LintContext context, PipelineJob job, IdToken token)
    {
        if (token.Name.StartsWith("TF_VAR_", StringComparison.Ordinal) || token.Name == "ARM_OIDC_TOKEN")
        {
            // Terraform reads TF_VAR_* and its azurerm/azuread providers ARM_OIDC_TOKEN, whoever runs it.
            return true;
        }

        if (Identifiers.Mentions(job.Body.Without("id_tokens"), token.Name)
            || Identifiers.Mentions(job.InheritedVariables, token.Name))
        {
            return true;
        }

        if (TokenReader.ReaderIn(context.Flow(job).Commands, token) is not null)
        {
            return true;
        }

        // `secrets:` without `token:` uses the job's only ID token.
        return job.IdTokens.Count == 1 && job.Body.GetMapping("secrets") is { } secrets
            && secrets.Entries.Any(s => s.Value is PipelineMapping secret && !secret.ContainsKey("token"));
    }
}
