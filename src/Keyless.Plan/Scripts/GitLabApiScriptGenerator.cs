using System.Text;
using Keyless.Plan.Design;

namespace Keyless.Plan.Scripts;

/// <summary>
/// The GitLab side through the REST API with curl, for teams that do not manage GitLab with Terraform: the sub
/// claim components (PUT /projects/:id), then protected branches, tags and environments.
/// </summary>
public static class GitLabApiScriptGenerator
{
    private const string Protect = """

        # POST a protection; 409 means it exists already (check that its access levels are Maintainer).
        protect() {
          status=$(curl --silent --show-error --output /dev/stderr --write-out '%{http_code}' --request POST \
            --header "$auth" --header 'Content-Type: application/json' --data "$2" "$api$1")
          case "$status" in
            2??) ;;
            409) echo "already protected: $2" >&2 ;;
            *) echo "GitLab answered $status to POST $1" >&2; exit 1 ;;
          esac
        }

        """;

    public static string Generate(TrustDesign design)
    {
        var script = new StringBuilder(Shell.Header("The GitLab settings the cloud trust relies on. Needs the Maintainer role."))
            .Append("# Protecting environments needs GitLab Premium or Ultimate.\n")
            .Append($"api=\"${{GITLAB_API:-{design.Issuer}/api/v4}}\"\n")
            .Append("auth=\"PRIVATE-TOKEN: ${GITLAB_TOKEN:?set GITLAB_TOKEN to a token with the api scope}\"\n")
            .Append(Protect);
        foreach (var project in design.Projects)
        {
            var id = project.Project.Id;
            var components = string.Join(",", project.SubComponents.Select(c => $"\"{c}\""));
            script.Append($"\n# {project.Project.Path}: the sub claim starts with the never-reused project id.\n")
                .Append(Shell.Command(
                [
                    "curl", "--fail-with-body", "--silent", "--show-error", "--request", "PUT",
                    "--header", "$auth", "--header", "Content-Type: application/json",
                    "--data", $"{{\"ci_id_token_sub_claim_components\":[{components}]}}", $"$api/projects/{id}",
                ]).Replace("'$auth'", "\"$auth\"", StringComparison.Ordinal)
                  .Replace($"'$api/projects/{id}'", $"\"$api/projects/{id}\"", StringComparison.Ordinal));

            // Values are validated names (no quotes or backslashes), so the JSON needs no escaping.
            foreach (var branch in project.ProtectedBranches)
            {
                script.Append(Shell.Command(["protect", $"/projects/{id}/protected_branches",
                    $"{{\"name\":\"{branch}\",\"push_access_level\":40,\"merge_access_level\":40,\"allow_force_push\":false}}"]));
            }

            foreach (var tag in project.ProtectedTags)
            {
                script.Append(Shell.Command(["protect", $"/projects/{id}/protected_tags",
                    $"{{\"name\":\"{tag}\",\"create_access_level\":40}}"]));
            }

            foreach (var environment in project.ProtectedEnvironments)
            {
                script.Append(Shell.Command(["protect", $"/projects/{id}/protected_environments",
                    $"{{\"name\":\"{environment}\",\"deploy_access_levels\":[{{\"access_level\":40}}]}}"]));
            }
        }

        return script.ToString();
    }
}
