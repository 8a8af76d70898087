using System.Text.Json;
using Keyless.Trust.Diagnostics;

namespace Keyless.GitLab.Api;

/// <summary>Reads the variables API's JSON array; a wrong shape is an <see cref="InputException"/> with the JSON path.</summary>
internal static class GitLabVariableJson
{
    public static List<GitLabVariable> ReadArray(JsonElement array, string source, string path)
    {
        if (array.ValueKind != JsonValueKind.Array)
        {
            throw new InputException(source, $"expected an array of CI/CD variables, found {Describe(array)}", path: path);
        }

        var variables = new List<GitLabVariable>(array.GetArrayLength());
        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            variables.Add(Read(item, source, $"{path}[{index}]"));
            index++;
        }

        return variables;
    }

    private static GitLabVariable Read(JsonElement item, string source, string path)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            throw new InputException(source, $"expected a CI/CD variable object, found {Describe(item)}", path: path);
        }

        var key = String(item, "key", source, path)
            ?? throw new InputException(source, "a CI/CD variable has no \"key\"", path: path);
        return new GitLabVariable(
            key,
            String(item, "value", source, path),
            String(item, "variable_type", source, path) ?? GitLabVariable.EnvVarType,
            Bool(item, "protected", source, path),
            Bool(item, "masked", source, path),
            Bool(item, "hidden", source, path),
            Bool(item, "raw", source, path),
            String(item, "environment_scope", source, path),
            String(item, "description", source, path));
    }

    private static string? String(JsonElement item, string name, string source, string path)
    {
        if (!item.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : throw new InputException(source, $"\"{name}\" must be a string, found {Describe(value)}", path: $"{path}.{name}");
    }

    private static bool Bool(JsonElement item, string name, string source, string path)
    {
        if (!item.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return false;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new InputException(source, $"\"{name}\" must be true or false, found {Describe(value)}", path: $"{path}.{name}"),
        };
    }

    internal static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}
