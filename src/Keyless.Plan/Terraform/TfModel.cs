namespace Keyless.Plan.Terraform;

/// <summary>
/// A Terraform configuration as data, rendered by both <see cref="TfHclWriter"/> and <see cref="TfJsonWriter"/> so
/// the two syntaxes always say the same thing.
/// </summary>
public sealed record TfDocument(IReadOnlyList<TfBlock> Blocks);

/// <summary>A block (<c>resource "t" "n" { … }</c>); <see cref="Comment"/> is written in HCL only.</summary>
public sealed record TfBlock(string Type, IReadOnlyList<string> Labels, IReadOnlyList<TfItem> Body, string? Comment = null) : TfItem;

public abstract record TfItem;

public sealed record TfArgument(string Name, TfValue Value) : TfItem;

public abstract record TfValue;

/// <summary>A literal string; template sequences in it are escaped on output, never interpreted.</summary>
public sealed record TfString(string Value) : TfValue;

public sealed record TfBool(bool Value) : TfValue;

/// <summary>A whole number (IAM's max_session_duration).</summary>
public sealed record TfNumber(long Value) : TfValue;

public sealed record TfList(IReadOnlyList<TfValue> Items) : TfValue;

/// <summary>An object or map value, keys in the order given.</summary>
public sealed record TfObject(IReadOnlyList<KeyValuePair<string, TfValue>> Entries) : TfValue;

/// <summary>
/// A reference expression such as <c>data.azuread_application.x.id</c>. Used only where no literal exists:
/// <c>keyless audit</c> reads literals best.
/// </summary>
public sealed record TfReference(string Expression) : TfValue;

/// <summary>
/// A bare traversal used where Terraform expects one, not a value: <c>depends_on</c> entries and the
/// <c>import</c> block's <c>to</c> (plain strings in the JSON syntax, never templates).
/// </summary>
public sealed record TfTraversal(string Address) : TfValue;
