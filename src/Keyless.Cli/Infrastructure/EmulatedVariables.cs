using System.Text.Json;
using System.Text.Json.Nodes;
using Keyless.Formats.Inputs;
using Keyless.Trust.Diagnostics;

namespace Keyless.Cli.Infrastructure;

/// <summary>
/// <c>emulate --gitlab-variables OWNER=FILE</c>: each file is the variables API's JSON array (what
/// <c>GET /projects/:id/variables</c> returns), served for that project, group or the instance.
/// </summary>
internal static class EmulatedVariables
{
    public static IReadOnlyDictionary<string, JsonArray> Load(IEnumerable<string> specs)
    {
        var variables = new Dictionary<string, JsonArray>(StringComparer.OrdinalIgnoreCase);
        foreach (var spec in specs)
        {
            var equals = spec.IndexOf('=', StringComparison.Ordinal);
            var (owner, file) = (spec[..equals], spec[(equals + 1)..]);
            string text;
            try
            {
                text = File.ReadAllText(file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new InputException(file, "cannot read the variables: " + e.Message);
            }

            try
            {
                variables[owner] = StrictJson.Parse(text, 64) as JsonArray
                    ?? throw new InputException(file, "expected the variables API's JSON array", path: "$");
            }
            catch (JsonException e)
            {
                throw new InputException(file, "not JSON: " + e.Message);
            }
        }

        return variables;
    }
}
