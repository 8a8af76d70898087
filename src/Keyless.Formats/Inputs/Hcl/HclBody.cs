namespace Keyless.Formats.Inputs.Hcl;

/// <summary>The arguments and blocks of a file or of a block, in source order.</summary>
internal sealed record HclBody(IReadOnlyList<HclAttribute> Attributes, IReadOnlyList<HclBlock> Blocks);

/// <summary><c>name = expression</c>.</summary>
internal sealed record HclAttribute(string Name, HclExpression Expression, int Start);

/// <summary><c>type "label" … { body }</c>.</summary>
internal sealed record HclBlock(string Type, IReadOnlyList<string> Labels, HclBody Body, int Start);
