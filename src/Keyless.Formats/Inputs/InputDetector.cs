using System.Text.Json.Nodes;
using Keyless.Formats.Inputs.Azure;
using Keyless.Formats.Inputs.Gcloud;
using Keyless.Formats.Inputs.GitLab;
using Keyless.Formats.Inputs.Terraform;
using Keyless.Trust.Model;

namespace Keyless.Formats.Inputs;

/// <summary>
/// Tells the input formats apart by their content, and hands each to its importer. <see cref="Recognises"/> answers
/// for a file found in a folder whether it is trust at all, so an unrelated JSON file is skipped instead of failing;
/// <see cref="Import"/> reads a file that is (or was named explicitly), failing with the file and JSON path.
/// </summary>
internal static class InputDetector
{
    private enum ItemKind
    {
        PoolOrProvider,
        Credential,
        ManagedIdentity,
        Application,
        ServiceAccountKey,
        GitLabProject,
        ProtectedBranch,
        ProtectedTag,
        ProtectedEnvironment,
        IamPolicy,
        OtherArmResource,
    }

    /// <summary>Whether the parsed file is a trust input Keyless reads, judged by its shape alone.</summary>
    public static bool Recognises(JsonNode? root) => root switch
    {
        JsonArray array => array.Any(item => item is JsonObject o && KindOf(o, atRoot: false) is not null),
        JsonObject o => KeylessManifest.IsManifest(o) || PullRecordInput.IsPullRecord(o)
            || TerraformImporter.IsShowJson(o) || TerraformImporter.IsRawState(o) || TerraformImporter.IsConfiguration(o)
            || AzureImporter.IsTemplate(o) || Aws.AwsImporter.IsInput(o) || Aws.CloudFormationImporter.IsTemplate(o)
            || (PagedList.Of(o) is { } list && (list.Items.Any(item => item is JsonObject i && KindOf(i, atRoot: false) is not null) || list.NamesItsKind))
            || KindOf(o, atRoot: true) is not null,
        _ => false,
    };

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
            case JsonObject o when AzureImporter.IsTemplate(o):
                AzureImporter.Template(input, o, builder);
                return;
            case JsonObject o when Aws.AwsImporter.IsInput(o):
                Aws.AwsImporter.Import(input, o, builder, context);
                return;
            case JsonObject o when Aws.CloudFormationImporter.IsTemplate(o):
                Aws.CloudFormationImporter.Template(input, o, builder);
                return;
            case JsonObject o when PagedList.Of(o) is { } list:
                // IAM REST lists ({"workloadIdentityPools": […], "nextPageToken": …}, keys.list), Graph and ARM lists
                // ({"@odata.context": "…#applications('ID')/federatedIdentityCredentials", "value": […]}).
                var parent = AzureImporter.ParentFromODataContext(input.Str(o, "@odata.context", "$")) ?? context.AzureParent;
                for (var i = 0; i < list.Items.Count; i++)
                {
                    var path = JsonInput.Child(JsonInput.Child("$", list.Member), i);
                    Item(input, input.Object(list.Items[i], path), path, context, builder, parent);
                }

                // A page whose next page the manifest names, and which is there, is no page of an unknown list.
                if (list.NextPage(input, o) is { } note && !(context.NextPage is { } next && File.Exists(next)))
                {
                    builder.Notes.Add(note);
                }

                return;
            case JsonObject o:
                Item(input, o, "$", context, builder, AzureImporter.ParentFromODataContext(input.Str(o, "@odata.context", "$")) ?? context.AzureParent);
                return;
            default:
                throw input.Error("$", $"expected a JSON object or array of trust resources, found {JsonInput.Describe(root)}");
        }
    }

    // In order: the first that matches decides (a GitLab project is tested before the looser protection shapes).
    private static readonly (Func<JsonObject, bool> Is, ItemKind Kind)[] Kinds =
    [
        (GcloudImporter.IsPoolOrProvider, ItemKind.PoolOrProvider),
        (AzureImporter.IsCredential, ItemKind.Credential),
        (AzureImporter.IsManagedIdentity, ItemKind.ManagedIdentity),
        (AzureImporter.IsApplication, ItemKind.Application),
        (GcloudImporter.IsServiceAccountKey, ItemKind.ServiceAccountKey),
        (GitLabImporter.IsProject, ItemKind.GitLabProject),
        (GitLabImporter.IsProtectedBranch, ItemKind.ProtectedBranch),
        (GitLabImporter.IsProtectedTag, ItemKind.ProtectedTag),
        (GitLabImporter.IsProtectedEnvironment, ItemKind.ProtectedEnvironment),
    ];

    private static ItemKind? KindOf(JsonObject o, bool atRoot)
    {
        foreach (var (isKind, kind) in Kinds)
        {
            if (isKind(o))
            {
                return kind;
            }
        }

        // A bare get-iam-policy is a whole file, never a list item (an item with bindings is something else's).
        if (atRoot && GcloudImporter.IsIamPolicy(o))
        {
            return ItemKind.IamPolicy;
        }

        return o["type"] is JsonValue type && type.TryGetValue<string>(out var name) && name.StartsWith("Microsoft.", StringComparison.OrdinalIgnoreCase)
            ? ItemKind.OtherArmResource
            : null;
    }

    private static void Item(JsonInput input, JsonObject o, string path, InputContext context, TrustBuilder builder, AzureParentRef? listParent)
    {
        switch (KindOf(o, atRoot: path == "$"))
        {
            case ItemKind.PoolOrProvider:
                GcloudImporter.PoolOrProvider(input, o, path, builder);
                break;
            case ItemKind.Credential:
                AzureImporter.Credential(input, o, path, listParent ?? AzureImporter.ParentFromODataId(input.Str(o, "@odata.id", path)), builder);
                break;
            case ItemKind.ManagedIdentity:
                AzureImporter.ManagedIdentity(input, o, path, builder);
                break;
            case ItemKind.Application:
                AzureImporter.Application(input, o, path, builder);
                break;
            case ItemKind.ServiceAccountKey:
                // A static key, not trust: StaticCredentialImporter reads it with the other keys once every file is parsed.
                break;
            case ItemKind.GitLabProject:
                GitLabImporter.Project(input, o, path, builder);
                break;
            case ItemKind.ProtectedBranch:
                GitLabImporter.ProtectedRef(input, o, path, isTag: false, context, builder);
                break;
            case ItemKind.ProtectedTag:
                GitLabImporter.ProtectedRef(input, o, path, isTag: true, context, builder);
                break;
            case ItemKind.ProtectedEnvironment:
                GitLabImporter.ProtectedEnvironment(input, o, path, context, builder);
                break;
            case ItemKind.IamPolicy:
                GcloudImporter.IamPolicy(input, o, path, context, builder);
                break;
            case ItemKind.OtherArmResource:
                builder.Unrecognized.Add(new UnrecognizedInput($"ARM resource type '{input.Str(o, "type", path)}'", input.Ref(path)));
                break;
            default:
                throw input.Error(path, "not a trust input Keyless recognises (Terraform JSON, gcloud/IAM, az/Graph/ARM, AWS CLI, a CloudFormation template, GitLab API, or a keyless manifest; see docs/inputs.md)");
        }
    }
}
