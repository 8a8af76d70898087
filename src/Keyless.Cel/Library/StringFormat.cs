namespace Keyless.Cel.Library;

/// <summary>cel-go's <c>"...".format([args])</c> from the strings extension.</summary>
internal static class StringFormat
{
    public static CelValue Format(CelValue template, CelValue args) =>
        CelValue.Error("format is not supported yet");
}
