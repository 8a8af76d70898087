using Keyless.GitLab.Lint.Shell;
using Keyless.GitLab.Pipeline;

namespace Keyless.GitLab.Lint;

/// <summary>
/// Code a job runs that the lint cannot read: a script from the repository (<c>./deploy.sh</c>, <c>bash ci/x.sh</c>,
/// <c>python tools/x.py</c>, <c>source env.sh</c>), a build tool that runs the project's own scripts (<c>make</c>,
/// <c>npm run</c>, <c>gradle</c>…), or a parent from an include that was not read. Such code can read any variable
/// of the job, its ID tokens included.
/// </summary>
internal static class UnseenCode
{
    private static readonly HashSet<string> Interpreters = new(StringComparer.Ordinal)
    {
        "bash", "sh", "zsh", "dash", "ksh", "python", "python3", "node", "ruby", "perl", "pwsh", "powershell", "php", "deno", "bun",
    };

    private static readonly HashSet<string> BuildTools = new(StringComparer.Ordinal)
    {
        "make", "gmake", "just", "task", "rake", "gradle", "gradlew", "mvn", "mvnw", "ant", "tox", "nox", "invoke", "earthly",
    };

    /// <summary>How the job runs code Keyless cannot read, for a message; null when it runs none.</summary>
    public static string? In(PipelineJob job, IReadOnlyList<ShellCommand> commands)
    {
        if (job.OutOfSight.Count > 0)
        {
            return $"part of it is defined out of sight ({string.Join(", ", job.OutOfSight)})";
        }

        foreach (var command in commands)
        {
            if (Describe(command) is { } what)
            {
                return $"it runs {what} (line {command.Line})";
            }
        }

        return null;
    }

    private static string? Describe(ShellCommand command)
    {
        var name = command.Words.Count > 0 ? command.Words[0].Text : string.Empty;
        var arguments = command.Arguments.Select(a => a.Text).ToList();
        var script = arguments.FirstOrDefault(a => !a.StartsWith('-'));
        if (name.Contains('/', StringComparison.Ordinal) && !name.StartsWith("/usr/", StringComparison.Ordinal) && !name.StartsWith("/bin/", StringComparison.Ordinal))
        {
            return name;
        }

        if (command.Name is "source" or "." && script is not null)
        {
            return $"{command.Name} {script}";
        }

        if (Interpreters.Contains(command.Name) && script is not null && !arguments.Contains("-c") && !arguments.Contains("-m") && !arguments.Contains("-e"))
        {
            return $"{command.Name} {script}";
        }

        if (BuildTools.Contains(command.Name))
        {
            return command.Name;
        }

        // Package managers run the project's own scripts (npm run, yarn test, npm install's lifecycle scripts).
        if (command.Name is "npm" or "yarn" or "pnpm" && arguments.FirstOrDefault() is "run" or "run-script" or "test" or "start" or "exec" or "install" or "ci")
        {
            return $"{command.Name} {arguments[0]}";
        }

        return null;
    }
}
