using Keyless.GitLab.Lint.Shell;
using Keyless.GitLab.Pipeline;

namespace Keyless.GitLab.Lint.Flow;

/// <summary>
/// Follows a job's ID tokens (and cloud credentials obtained with them) through its scripts, in run order:
/// into variables, through pipes and command substitutions, into files, onto the log. The result is a list of
/// <see cref="FlowEvent"/>s the leak rules judge. It over-approximates nothing it cannot see: a value that
/// leaves through a program it does not know is treated as consumed.
/// </summary>
internal sealed class JobFlow
{
    /// <summary>How many leading variables one path may expand through; real pipelines need two or three.</summary>
    private const int MaxExpansions = 8;

    private readonly Dictionary<string, Taint> _variables = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _plainValues = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Taint> _files = new(StringComparer.Ordinal);
    private readonly List<FlowEvent> _events = [];
    private readonly List<ShellCommand> _commands = [];
    private readonly Dictionary<ShellScript, Taint?> _substitutionOutputs = new(ReferenceEqualityComparer.Instance);
    private PipelineScalar _script = null!;

    private JobFlow(PipelineJob job)
    {
        foreach (var token in job.IdTokens)
        {
            _variables[token.Name] = new Taint(TaintKind.IdToken, token.Name, Transformed: false);
        }

        foreach (var (name, value) in job.AllVariables())
        {
            // GitLab expands $VAR and ${VAR} in variable values; the rest is taken as it is.
            var taint = Taint.Strongest(Identifiers.References(value.Value).Select(r => _variables.GetValueOrDefault(r)));
            if (taint is not null)
            {
                _variables[name] = taint;
                continue;
            }

            _plainValues[name] = value.Value;
            if (CommandKinds.CredentialPathVariables.Contains(name))
            {
                Event(FlowEventKind.CredentialFile, null, value.Location, NormalizePath(value.Value), $"{name} points at it");
            }
        }
    }

    public IReadOnlyList<FlowEvent> Events => _events;

    /// <summary>Every command the job's scripts run, substitutions included, in run order.</summary>
    public IReadOnlyList<ShellCommand> Commands => _commands;

    public static JobFlow Analyze(PipelineJob job)
    {
        var flow = new JobFlow(job);
        foreach (var (script, _) in job.ScriptItems())
        {
            flow._script = script;
            var parsed = ShellParser.Parse(script.Value, script.LineOf);
            flow._commands.AddRange(parsed.AllCommands());
            flow.Run(parsed, captured: false);
        }

        return flow;
    }

    /// <summary>
    /// Project-relative path with <c>$CI_PROJECT_DIR/</c> and <c>./</c> removed and known variables filled in; paths
    /// outside the project keep their leading <c>/</c> (no artifact can hold them).
    /// </summary>
    public string NormalizePath(string path) => NormalizePath(path, expansions: 0);

    private string NormalizePath(string path, int expansions)
    {
        var text = path;
        foreach (var prefix in new[] { "$CI_PROJECT_DIR/", "${CI_PROJECT_DIR}/" })
        {
            if (text.StartsWith(prefix, StringComparison.Ordinal))
            {
                text = text[prefix.Length..];
            }
        }

        if (text.StartsWith('$'))
        {
            // $NAME or ${NAME}, both of which GitLab expands.
            var braced = text.StartsWith("${", StringComparison.Ordinal);
            var start = braced ? 2 : 1;
            var end = start;
            while (end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || text[end] == '_'))
            {
                end++;
            }

            var closed = !braced || (end < text.Length && text[end] == '}');
            var name = text[start..end];
            var rest = text[(braced && closed ? end + 1 : end)..];

            // Variables can name each other in a ring (A: $B/a, B: $A/b); the bound keeps that from recursing
            // without end, as Audiences.Expand bounds its rounds. A value naming itself is left as it is; the name
            // is matched as a whole identifier, so DIR: $CI_PROJECT_DIR/out still expands. An empty name ($/x) is
            // no reference, whatever a YAML key "" holds.
            if (expansions < MaxExpansions && closed && name.Length > 0 && name != "CI_PROJECT_DIR"
                && _plainValues.TryGetValue(name, out var value) && !Identifiers.Mentions(value, name))
            {
                return NormalizePath(value + rest, expansions + 1);
            }
        }

        // The home folder is written three ways; one form lets a file written one way be read another.
        foreach (var home in new[] { "~/", "${HOME}/" })
        {
            if (text.StartsWith(home, StringComparison.Ordinal))
            {
                text = "$HOME/" + text[home.Length..];
            }
        }

        return text.StartsWith('/') || text.StartsWith('~') || text.StartsWith("$HOME", StringComparison.Ordinal)
            ? text
            : PathGlob.Normalize(text);
    }

    /// <summary>Runs a script; returns what its last pipeline writes to standard output (for substitutions).</summary>
    private Taint? Run(ShellScript script, bool captured)
    {
        Taint? output = null;
        foreach (var pipeline in script.Pipelines)
        {
            output = RunPipeline(pipeline, captured);
        }

        return output;
    }

    private Taint? RunPipeline(ShellPipeline pipeline, bool captured)
    {
        Taint? flowing = null;
        var transformedAt = (ShellCommand?)null;
        for (var i = 0; i < pipeline.Commands.Count; i++)
        {
            var command = pipeline.Commands[i];
            var output = RunCommand(command, flowing, captured);
            if (output is { Transformed: true } && flowing is not { Transformed: true } && !ArgumentsTransformedAlready(command))
            {
                transformedAt = command;
            }

            if (command.Name == "tee" && output is not null)
            {
                foreach (var target in command.Arguments.Where(a => !a.Text.StartsWith('-')))
                {
                    var file = NormalizePath(target.Text);
                    _files[file] = output;
                    Event(FlowEventKind.WrittenToFile, output, command.Line, file);
                }
            }

            var last = i == pipeline.Commands.Count - 1;
            if (command.StdoutFile is { } redirect)
            {
                if (output is not null)
                {
                    var file = NormalizePath(redirect.Target.Text);
                    _files[file] = output;
                    Event(FlowEventKind.WrittenToFile, output, command.Line, file);
                    if (output.Transformed && transformedAt is not null)
                    {
                        Event(FlowEventKind.Transformed, output, transformedAt.Line, file);
                        transformedAt = null;
                    }
                }

                flowing = null;
                continue;
            }

            flowing = output;
            if (last && output is not null)
            {
                if (captured)
                {
                    if (output.Transformed && transformedAt is not null)
                    {
                        Event(FlowEventKind.Transformed, output, transformedAt.Line);
                    }
                }
                else
                {
                    Event(FlowEventKind.Printed, output, command.Line, detail: command.Name);
                }
            }
        }

        return flowing;
    }

    private bool ArgumentsTransformedAlready(ShellCommand command) =>
        command.AllWords.Select(TaintOf).Any(t => t is { Transformed: true });

    private Taint? RunCommand(ShellCommand command, Taint? stdin, bool captured)
    {
        // Command substitutions run first; their output lands in the words that hold them.
        foreach (var word in command.AllWords)
        {
            foreach (var substitution in word.Substitutions)
            {
                _substitutionOutputs[substitution] = Run(substitution, captured: true);
            }
        }

        Assign(command);
        NoteCredentialFiles(command);

        foreach (var redirect in command.Redirects.Where(r => r.ReadsStdin))
        {
            var fromRedirect = redirect.Operator == "<" ? _files.GetValueOrDefault(NormalizePath(redirect.Target.Text)) : TaintOf(redirect.Target);
            stdin = Taint.Strongest([stdin, fromRedirect]);
        }

        var name = command.Name;
        var arguments = command.Arguments.ToList();
        Taint? FromArguments() => Taint.Strongest(arguments.Select(TaintOf));
        Taint? FromFiles() => Taint.Strongest(arguments.Select(a => _files.GetValueOrDefault(NormalizePath(a.Text))));

        if (CommandKinds.PrintsCloudCredential(command))
        {
            return new Taint(TaintKind.CloudCredential, string.Join(' ', command.Words.Take(4).Select(w => w.Text)), Transformed: false);
        }

        if (CommandKinds.Printers.Contains(name))
        {
            return FromArguments();
        }

        if (CommandKinds.PassThrough.Contains(name))
        {
            var files = FromFiles();
            return name == "cat" && arguments.Any(a => !a.Text.StartsWith('-') && a.Text != "-") ? files : Taint.Strongest([stdin, files]);
        }

        if (CommandKinds.Transformers.Contains(name))
        {
            var source = Taint.Strongest([stdin, FromArguments(), FromFiles()]);
            return source switch
            {
                null => null,
                { Kind: TaintKind.IdToken } when ClaimsOnly.Keeps(command) => source with { Kind = TaintKind.Claims, Transformed = true },
                _ => source with { Transformed = true },
            };
        }

        if (CommandKinds.EnvironmentDumpers.Contains(name) && DumpsEnvironment(command))
        {
            return Taint.Strongest(_variables.Values.Where(t => !t.Transformed));
        }

        if (name is "printenv" && arguments.Count > 0)
        {
            return Taint.Strongest(arguments.Select(a => _variables.GetValueOrDefault(a.Text)));
        }

        if (name is "cp" or "mv" && arguments.Count(a => !a.Text.StartsWith('-')) == 2)
        {
            var paths = arguments.Where(a => !a.Text.StartsWith('-')).ToList();
            if (_files.GetValueOrDefault(NormalizePath(paths[0].Text)) is { } copied)
            {
                var file = NormalizePath(paths[1].Text);
                _files[file] = copied;
                Event(FlowEventKind.WrittenToFile, copied, command.Line, file);
            }
        }

        return null;
    }

    private static bool DumpsEnvironment(ShellCommand command)
    {
        var arguments = command.Arguments.Select(a => a.Text).ToList();
        return command.Name switch
        {
            "env" => arguments.All(a => a.Contains('=', StringComparison.Ordinal) || a.StartsWith('-')),
            "printenv" or "set" => arguments.Count == 0,
            "export" or "declare" or "typeset" => arguments.Count == 0 || arguments.All(a => a is "-p" or "-x" or "-px"),
            _ => false,
        };
    }

    private void Assign(ShellCommand command)
    {
        var assignments = command.Assignments.ToList();
        if (CommandKinds.Declarers.Contains(command.Name))
        {
            assignments.AddRange(command.Arguments.Where(a => a.Text.Contains('=', StringComparison.Ordinal) && !a.Text.StartsWith('-')));
            AssignFromSubstitutions(command);
        }

        foreach (var word in assignments)
        {
            var equals = word.Text.IndexOf('=', StringComparison.Ordinal);
            var name = word.Text[..equals].TrimEnd('+');
            var value = word.Text[(equals + 1)..];
            if (TaintOf(word) is { } taint)
            {
                _variables[name] = taint;
                _plainValues.Remove(name);
                if (taint.Transformed && TaintOf(word with { Text = string.Empty }) is { Transformed: false })
                {
                    // ${TOKEN%%.*} and friends: the transformation happens right here.
                    Event(FlowEventKind.Transformed, taint, command.Line);
                }
            }
            else
            {
                _variables.Remove(name);
                _plainValues[name] = value;
                if (CommandKinds.CredentialPathVariables.Contains(name))
                {
                    Event(FlowEventKind.CredentialFile, null, command.Line, NormalizePath(value), $"{name} points at it");
                }
            }
        }
    }

    /// <summary>
    /// <c>export $(printf "AWS_ACCESS_KEY_ID=%s AWS_SECRET_ACCESS_KEY=%s …" $(aws sts assume-role-with-web-identity …))</c>,
    /// GitLab's AWS example: the names the substitution writes as <c>NAME=</c> are set from its output.
    /// </summary>
    private void AssignFromSubstitutions(ShellCommand command)
    {
        foreach (var word in command.Arguments.Where(a => !a.Text.Contains('=', StringComparison.Ordinal) && a.Substitutions.Count > 0))
        {
            if (TaintOf(word) is not { } taint)
            {
                continue;
            }

            var names = word.Substitutions
                .SelectMany(s => s.AllCommands())
                .SelectMany(c => c.Words)
                .SelectMany(w => AssignedNames(w.Text));
            foreach (var name in names)
            {
                _variables[name] = taint;
                _plainValues.Remove(name);
            }
        }
    }

    /// <summary>Every <c>NAME=</c> that starts a word of <paramref name="text"/> (not <c>--option=</c>).</summary>
    private static IEnumerable<string> AssignedNames(string text)
    {
        for (var i = text.IndexOf('=', StringComparison.Ordinal); i > 0; i = text.IndexOf('=', i + 1))
        {
            var start = i;
            while (start > 0 && Identifiers.IsIdentifierChar(text[start - 1]))
            {
                start--;
            }

            if (start < i && !char.IsAsciiDigit(text[start]) && (start == 0 || char.IsWhiteSpace(text[start - 1])))
            {
                yield return text[start..i];
            }
        }
    }

    private void NoteCredentialFiles(ShellCommand command)
    {
        if (CommandKinds.WrittenCredentialFile(command) is { } written)
        {
            // The file now holds credentials: whatever prints or copies it passes them on.
            var file = NormalizePath(written);
            _files[file] = new Taint(TaintKind.CloudCredential, string.Join(' ', command.Words.Take(2).Select(w => w.Text)), Transformed: false);
            Event(FlowEventKind.CredentialFile, null, command.Line, file, $"{command.Name} writes it");
        }

        var words = command.Words.Select(w => w.Text).ToList();
        if (command.Name == "gcloud" && words.Contains("create-cred-config") && CommandKinds.Option(command, "--output-file") is { } output)
        {
            Event(FlowEventKind.CredentialFile, null, command.Line, NormalizePath(output.Text), "gcloud create-cred-config writes it");
        }

        if (command.Name == "gcloud" && words.Contains("login") && CommandKinds.Option(command, "--cred-file") is { } credFile)
        {
            Event(FlowEventKind.CredentialFile, null, command.Line, NormalizePath(credFile.Text), "gcloud auth login --cred-file reads it");
        }
    }

    private Taint? TaintOf(ShellWord word)
    {
        var fromVariables = word.Variables.Select(v => _variables.GetValueOrDefault(v));
        var fromSubstitutions = word.Substitutions.Select(s => _substitutionOutputs.GetValueOrDefault(s));
        var taint = Taint.Strongest(fromVariables.Concat(fromSubstitutions));

        // ${TOKEN:0:10}, ${TOKEN//./ } and friends cut or rewrite the value: no longer the masked form; ${TOKEN%.*}
        // cuts the signature off, which leaves only the claims.
        return taint switch
        {
            null => null,
            _ when !word.Text.Contains("${", StringComparison.Ordinal) => taint,
            { Kind: TaintKind.IdToken } when ClaimsOnly.Keeps(word) => taint with { Kind = TaintKind.Claims, Transformed = true },
            _ => taint with { Transformed = true },
        };
    }

    private void Event(FlowEventKind kind, Taint? taint, int line, string? file = null, string? detail = null) =>
        Event(kind, taint, _script.Location with { Line = line }, file, detail);

    private void Event(FlowEventKind kind, Taint? taint, SourceLocation location, string? file, string? detail)
    {
        var flowEvent = new FlowEvent(kind, taint, location, file, detail);
        if (!_events.Contains(flowEvent))
        {
            _events.Add(flowEvent);
        }
    }
}
