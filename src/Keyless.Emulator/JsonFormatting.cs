using System.Text.Encodings.Web;
using System.Text.Json;

namespace Keyless.Emulator;

/// <summary>How the emulator writes JSON: compact, and without escaping non-ASCII or HTML characters, as Ruby
/// (GitLab) and the clouds write theirs.</summary>
internal static class JsonFormatting
{
    public static JsonSerializerOptions Compact { get; } = new()
    {
        WriteIndented = false,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
