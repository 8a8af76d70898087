namespace Keyless.Cel;

/// <summary>The function names cel-go gives the operators, as they appear in <see cref="CelCall.Function"/>.</summary>
public static class CelOperators
{
    public const string LogicalAnd = "_&&_";
    public const string LogicalOr = "_||_";
    public const string LogicalNot = "!_";
    public const string Negate = "-_";
    public const string Conditional = "_?_:_";
    public const string Equal = "_==_";
    public const string NotEqual = "_!=_";
    public const string Less = "_<_";
    public const string LessEquals = "_<=_";
    public const string Greater = "_>_";
    public const string GreaterEquals = "_>=_";
    public const string In = "@in";
    public const string Index = "_[_]";
    public const string Add = "_+_";
    public const string Subtract = "_-_";
    public const string Multiply = "_*_";
    public const string Divide = "_/_";
    public const string Modulo = "_%_";
    public const string NotStrictlyFalse = "@not_strictly_false";
}
