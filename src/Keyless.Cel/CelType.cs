namespace Keyless.Cel;

/// <summary>The kind of a <see cref="CelValue"/>.</summary>
public enum CelType
{
    Null,
    Bool,
    Int,
    Uint,
    Double,
    String,
    Bytes,
    List,
    Map,
    Timestamp,
    Duration,
    Type,
    Error,
}

/// <summary>CEL's own names for the kinds, as <c>keyless eval</c> prints them.</summary>
public static class CelTypeNames
{
    public static string Name(this CelType type) => type switch
    {
        CelType.Null => "null",
        CelType.Bool => "bool",
        CelType.Int => "int",
        CelType.Uint => "uint",
        CelType.Double => "double",
        CelType.String => "string",
        CelType.Bytes => "bytes",
        CelType.List => "list",
        CelType.Map => "map",
        CelType.Timestamp => "timestamp",
        CelType.Duration => "duration",
        CelType.Type => "type",
        _ => "error",
    };
}
