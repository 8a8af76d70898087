using System.Text.Json.Nodes;

namespace Keyless.Formats.Inputs.Terraform;

/// <summary>A resource or data block of a configuration, as written (values not yet resolved), and its module (folder).</summary>
internal sealed record TfBlock(string Type, string Module, JsonObject Attributes);
