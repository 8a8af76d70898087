using System.Text.Json.Nodes;

namespace Keyless.Formats.Inputs.Terraform;

/// <summary>A configuration value as far as it is known before apply: a JSON value, or unknown.</summary>
internal readonly record struct TfValue(JsonNode? Value, bool Known)
{
    public static TfValue Unknown => new(null, false);
}
