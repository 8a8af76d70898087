using System.Text.Json.Nodes;
using Keyless.Formats.Inputs.Azure;
using Keyless.Formats.Inputs.Gcloud;
using Keyless.Formats.Inputs.GitLab;
using Keyless.Formats.Inputs.Terraform;
using Keyless.Trust.Model;

namespace Keyless.Formats.Inputs;

/// <summary>Tells the input formats apart by their content, and hands each to its importer.</summary>
internal static class InputDetector
{
    public static void Import(JsonInput input, JsonNode? root, InputContext context, TrustBuilder builder, TerraformImporter terraform)
    {
        switch (root)
        {
            case JsonObject o when Hcl.HclFiles.IsHcl(input.File):
                terraform.Configuration(input, o);
                return;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    var path = JsonInput.Child("$", i);
                    Item(input, input.Object(array[i], path), path, context, builder, listParent: context.AzureParent);
                }

                return;
            case JsonObject o when TerraformImporter.IsShowJson(o):
                terraform.ShowJson(input, o);
                return;
            case JsonObject o when TerraformImporter.IsRawState(o):
                terraform.RawState(input, o);
                return;
            case JsonObject o when TerraformImporter.IsConfiguration(o):
                terraform.Configuration(input, o);
                return;
            case JsonObject o when o["$schema"] is JsonValue schema && schema.ToString().Contains("deploymentTemplate", StringComparison.OrdinalIgnoreCase):
                AzureImporter.Template(input, o, "$", builder);
                return;
            case JsonObject o when o.Count == 1 && o["keys"] is JsonArray keys:
                // IAM REST keys.list: {"keys": […]} (a JWKS has the same member, and its keys are refused below).
                for (var i = 0; i < keys.Count; i++)
                {
                    var path = JsonInput.Child("$.keys", i);
                    Item(input, input.Object(keys[i], path), path, context, builder, context.AzureParent);
                }

                return;
            case JsonObject o when o["value"] is JsonArray list:
                // Graph or ARM list: {"@odata.context": "…#applications('ID')/federatedIdentityCredentials", "value": […]}.
                var parent = AzureImporter.ParentFromODataContext(input.Str(o, "@odata.context", "$")) ?? context.AzureParent;
                for (var i = 0; i < list.Count; i++)
                {
                    var path = JsonInput.Child("$.value", i);
                    Item(input, input.Object(list[i], path), path, context, builder, parent);
                }

                return;
            case JsonObject o:
                Item(input, o, "$", context, builder, AzureImporter.ParentFromODataContext(input.Str(o, "@odata.context", "$")) ?? context.AzureParent);
                return;
            default:
                throw input.Error("$", $"expected a JSON object or array of trust resources, found {JsonInput.Describe(root)}");
        }
    }

    private static void Item(JsonInput input, JsonObject o, string path, InputContext context, TrustBuilder builder, AzureParentRef? listParent)
    {
        if (GcloudImporter.IsPoolOrProvider(o))
        {
            GcloudImporter.PoolOrProvider(input, o, path, builder);
        }
        else if (AzureImporter.IsCredential(o))
        {
            AzureImporter.Credential(input, o, path, listParent, builder);
        }
        else if (AzureImporter.IsManagedIdentity(o))
        {
            AzureImporter.ManagedIdentity(input, o, path, builder);
        }
        else if (AzureImporter.IsApplication(o))
        {
            AzureImporter.Application(input, o, path, builder);
        }
        else if (GcloudImporter.IsServiceAccountKey(o))
        {
            // A static key, not trust: StaticCredentialImporter reads it with the other keys once every file is parsed.
        }
        else if (GitLabImporter.IsProject(o))
        {
            GitLabImporter.Project(input, o, path, builder);
        }
        else if (GitLabImporter.IsProtectedBranch(o))
        {
            GitLabImporter.ProtectedRef(input, o, path, isTag: false, context, builder);
        }
        else if (GitLabImporter.IsProtectedTag(o))
        {
            GitLabImporter.ProtectedRef(input, o, path, isTag: true, context, builder);
        }
        else if (GitLabImporter.IsProtectedEnvironment(o))
        {
            GitLabImporter.ProtectedEnvironment(input, o, path, context, builder);
        }
        else if (path == "$" && GcloudImporter.IsIamPolicy(o))
        {
            GcloudImporter.IamPolicy(input, o, path, context, builder);
        }
        else if (o["type"] is JsonValue type && type.ToString().StartsWith("Microsoft.", StringComparison.OrdinalIgnoreCase))
        {
            builder.Unrecognized.Add(new UnrecognizedInput($"ARM resource type '{type}'", input.Ref(path)));
        }
        else
        {
            throw input.Error(path, "not a trust input Keyless recognises (Terraform JSON, gcloud/IAM, az/Graph/ARM, GitLab API, or a keyless manifest; see docs/inputs.md)");
        }
    }
}
