using YamlDotNet.Core;

namespace Keyless.GitLab.Pipeline;

/// <summary>
/// The YAML tree as the parser wrote it, before GitLab's meaning is given to it: mappings keep every pair (duplicate
/// keys and repeated <c>&lt;&lt;</c> included) and aliases stay aliases, so the reader can apply them as Psych does.
/// </summary>
internal abstract class RawYamlNode(Mark start, string? tag)
{
    public Mark Start { get; } = start;

    /// <summary>The explicit tag (<c>!reference</c>, <c>tag:yaml.org,2002:str</c>), or null.</summary>
    public string? Tag { get; } = tag;
}

internal sealed class RawYamlScalar(string value, YamlDotNet.Core.ScalarStyle style, Mark start, string? tag) : RawYamlNode(start, tag)
{
    public string Value { get; } = value;

    public YamlDotNet.Core.ScalarStyle Style { get; } = style;
}

internal sealed class RawYamlSequence(Mark start, string? tag) : RawYamlNode(start, tag)
{
    public List<RawYamlNode> Items { get; } = [];
}

internal sealed class RawYamlMapping(Mark start, string? tag) : RawYamlNode(start, tag)
{
    /// <summary>Every key and value in the order written, repeated keys included.</summary>
    public List<(RawYamlNode Key, RawYamlNode Value)> Pairs { get; } = [];
}

/// <summary>A <c>*name</c>: the anchored node itself is shared, the alias keeps its own place.</summary>
internal sealed class RawYamlAlias(RawYamlNode target, Mark start) : RawYamlNode(start, null)
{
    public RawYamlNode Target { get; } = target;
}
