namespace Keyless.Cel.Library;

/// <summary>
/// The function table: CEL's standard library, cel-go's strings extension and GCP's <c>extract</c>, by name
/// and arity. Receiver-style and global-style calls share one table (<c>size(s)</c> and <c>s.size()</c>).
/// </summary>
internal static class Functions
{
    private static readonly string[] TimeAccessors =
    [
        "getFullYear", "getMonth", "getDate", "getDayOfMonth", "getDayOfYear", "getDayOfWeek",
        "getHours", "getMinutes", "getSeconds", "getMilliseconds",
    ];

    private static readonly Dictionary<string, Func<CelValue, CelValue>> UnaryTable = BuildUnary();
    private static readonly Dictionary<string, Func<CelValue, CelValue, CelValue>> BinaryTable = BuildBinary();

    private static readonly Dictionary<string, Func<CelValue, CelValue, CelValue, CelValue>> TernaryTable = new(StringComparer.Ordinal)
    {
        ["replace"] = StringFunctions.Replace,
        ["split"] = StringFunctions.Split,
        ["substring"] = StringFunctions.Substring,
        ["indexOf"] = StringFunctions.IndexOf,
        ["lastIndexOf"] = StringFunctions.LastIndexOf,
    };

    private static readonly Dictionary<string, Func<CelValue[], CelValue>> VariadicTable = new(StringComparer.Ordinal)
    {
        ["replace"] = StringFunctions.Replace,
    };

    public static Func<CelValue, CelValue>? Unary(string name, bool member) => UnaryTable.GetValueOrDefault(name);

    public static Func<CelValue, CelValue, CelValue>? Binary(string name, bool member) => BinaryTable.GetValueOrDefault(name);

    public static Func<CelValue, CelValue, CelValue, CelValue>? Ternary(string name, bool member) => TernaryTable.GetValueOrDefault(name);

    public static Func<CelValue[], CelValue>? Variadic(string name, bool member) => VariadicTable.GetValueOrDefault(name);

    public static bool IsKnown(string name) =>
        UnaryTable.ContainsKey(name) || BinaryTable.ContainsKey(name) || TernaryTable.ContainsKey(name) || VariadicTable.ContainsKey(name);

    private static Dictionary<string, Func<CelValue, CelValue>> BuildUnary()
    {
        var table = new Dictionary<string, Func<CelValue, CelValue>>(StringComparer.Ordinal)
        {
            [CelOperators.Negate] = Arithmetic.Negate,
            ["size"] = StringFunctions.Size,
            ["int"] = Conversions.ToInt,
            ["uint"] = Conversions.ToUint,
            ["double"] = Conversions.ToDouble,
            ["string"] = Conversions.ToStringValue,
            ["bytes"] = Conversions.ToBytes,
            ["bool"] = Conversions.ToBool,
            ["timestamp"] = Conversions.ToTimestamp,
            ["duration"] = Conversions.ToDuration,
            ["dyn"] = v => v,
            ["type"] = Conversions.TypeOf,
            ["lowerAscii"] = StringFunctions.LowerAscii,
            ["upperAscii"] = StringFunctions.UpperAscii,
            ["trim"] = StringFunctions.Trim,
            ["reverse"] = StringFunctions.Reverse,
            ["join"] = StringFunctions.Join,
            ["strings.quote"] = StringFunctions.Quote,
        };
        foreach (var name in TimeAccessors)
        {
            table[name] = TimeFunctions.Accessor(name);
        }

        return table;
    }

    private static Dictionary<string, Func<CelValue, CelValue, CelValue>> BuildBinary()
    {
        var table = new Dictionary<string, Func<CelValue, CelValue, CelValue>>(StringComparer.Ordinal)
        {
            [CelOperators.Equal] = Comparison.Equal,
            [CelOperators.NotEqual] = Comparison.NotEqual,
            [CelOperators.Less] = Comparison.Relation(CelOperators.Less, c => c < 0),
            [CelOperators.LessEquals] = Comparison.Relation(CelOperators.LessEquals, c => c <= 0),
            [CelOperators.Greater] = Comparison.Relation(CelOperators.Greater, c => c > 0),
            [CelOperators.GreaterEquals] = Comparison.Relation(CelOperators.GreaterEquals, c => c >= 0),
            [CelOperators.In] = Comparison.In,
            [CelOperators.Index] = Comparison.Index,
            [CelOperators.Add] = Arithmetic.Add,
            [CelOperators.Subtract] = Arithmetic.Subtract,
            [CelOperators.Multiply] = Arithmetic.Multiply,
            [CelOperators.Divide] = Arithmetic.Divide,
            [CelOperators.Modulo] = Arithmetic.Modulo,
            ["contains"] = StringFunctions.Contains,
            ["startsWith"] = StringFunctions.StartsWith,
            ["endsWith"] = StringFunctions.EndsWith,
            ["matches"] = StringFunctions.Matches,
            ["charAt"] = StringFunctions.CharAt,
            ["indexOf"] = StringFunctions.IndexOf,
            ["lastIndexOf"] = StringFunctions.LastIndexOf,
            ["join"] = StringFunctions.Join,
            ["split"] = StringFunctions.Split,
            ["substring"] = StringFunctions.Substring,
            ["extract"] = StringFunctions.Extract,
            ["format"] = StringFormat.Format,
        };
        foreach (var name in TimeAccessors)
        {
            table[name] = TimeFunctions.ZonedAccessor(name);
        }

        return table;
    }
}
