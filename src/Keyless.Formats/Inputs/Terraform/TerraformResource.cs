using System.Text.Json.Nodes;

namespace Keyless.Formats.Inputs.Terraform;

/// <summary>
/// One Terraform resource instance, whichever JSON it came from (show -json of a state or plan, a raw state,
/// a *.tf.json configuration): its attributes, which of them are not known yet, and which resources each
/// attribute references (for linking values a plan does not know).
/// </summary>
internal sealed record TerraformResource
{
    public required string Type { get; init; }

    /// <summary><c>module.x.TYPE.NAME[index]</c>, or <c>TYPE.NAME</c> at the root.</summary>
    public required string Address { get; init; }

    /// <summary>The address without an instance index, as references name it.</summary>
    public required string BaseAddress { get; init; }

    public bool IsData { get; init; }

    public required JsonObject Values { get; init; }

    /// <summary>Attribute paths not known yet: <c>attribute_condition</c>, <c>oidc.allowed_audiences</c>.</summary>
    public IReadOnlySet<string> Unknown { get; init; } = new HashSet<string>();

    /// <summary>Attribute → the resource addresses its expression references.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> References { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>Attributes whose value was (partly) filled from a reference to another resource.</summary>
    public IReadOnlySet<string> FromReference { get; init; } = new HashSet<string>();

    public required JsonInput Input { get; init; }

    public required string JsonPath { get; init; }

    public string ValuesPath => JsonPath + (IsConfiguration ? string.Empty : ".values");

    public bool IsConfiguration { get; init; }
}
