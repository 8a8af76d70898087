using System.Text;

namespace Keyless.Fuzz.Tests;

/// <summary>
/// One structured change to a real input. Positions are drawn as large integers and taken modulo the input's
/// length so the same mutation applies to any seed and shrinks towards the start of the input.
/// </summary>
internal abstract record Mutation
{
    public abstract string Apply(string input);

    protected static int At(int position, int length) => length == 0 ? 0 : position % (length + 1);
}

/// <summary>Flips one bit of one UTF-8 byte (invalid UTF-8 decodes to U+FFFD, as a reader of bytes would see it).</summary>
internal sealed record ByteFlip(int Position, int Bit) : Mutation
{
    public override string Apply(string input)
    {
        var bytes = Encoding.UTF8.GetBytes(input);
        if (bytes.Length == 0)
        {
            return input;
        }

        bytes[Position % bytes.Length] ^= (byte)(1 << (Bit & 7));
        return Encoding.UTF8.GetString(bytes);
    }
}

internal sealed record Truncate(int Length) : Mutation
{
    public override string Apply(string input) => input[..At(Length, input.Length)];
}

/// <summary>Inserts text: syntax characters, random unicode (surrogate halves too), or a huge run of one character.</summary>
internal sealed record Insert(int Position, string Text) : Mutation
{
    public override string Apply(string input) => input.Insert(At(Position, input.Length), Text);

    public override string ToString() => $"Insert({Position}, {(Text.Length > 40 ? Text[..40] + $"…[{Text.Length}]" : Text)})";
}

/// <summary>Deletes a slice.</summary>
internal sealed record Delete(int Position, int Count) : Mutation
{
    public override string Apply(string input)
    {
        var start = At(Position, input.Length);
        return input.Remove(start, Math.Min(Count, input.Length - start));
    }
}

/// <summary>Repeats a slice many times: long lists, repeated keys, long chains.</summary>
internal sealed record RepeatSlice(int Position, int Length, int Times) : Mutation
{
    public override string Apply(string input)
    {
        var start = At(Position, input.Length);
        var slice = input.Substring(start, Math.Min(Length, input.Length - start));
        return input.Insert(start, string.Concat(Enumerable.Repeat(slice, Times)));
    }
}

/// <summary>Wraps a point in many levels of brackets: <c>[[[…]]]</c>, <c>{"a":{"a":…}}</c>, <c>((…))</c>.</summary>
internal sealed record DeepNest(int Position, int Depth, string Open, string Close) : Mutation
{
    public override string Apply(string input)
    {
        var at = At(Position, input.Length);
        var sb = new StringBuilder(input.Length + (Depth * (Open.Length + Close.Length)));
        sb.Append(input, 0, at);
        for (var i = 0; i < Depth; i++)
        {
            sb.Append(Open);
        }

        for (var i = 0; i < Depth; i++)
        {
            sb.Append(Close);
        }

        sb.Append(input, at, input.Length - at);
        return sb.ToString();
    }
}
