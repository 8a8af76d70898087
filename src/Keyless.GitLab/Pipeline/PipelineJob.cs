namespace Keyless.GitLab.Pipeline;

/// <summary>
/// A job (not a hidden template) after <c>include:</c>, <c>extends:</c>, <c>!reference</c> and <c>default:</c> are
/// applied: <see cref="Body"/> is what GitLab would run, and every value in it still points to where it was written.
/// </summary>
public sealed class PipelineJob
{
    private static readonly string[] ScriptSections = ["before_script", "script", "after_script"];

    private readonly PipelineMapping? _globalVariables;

    internal PipelineJob(PipelineScalar key, PipelineMapping body, PipelineMapping? globalVariables, bool idTokensFromDefault)
    {
        Key = key;
        Body = body;
        _globalVariables = globalVariables;
        IdTokens = ReadIdTokens(body, idTokensFromDefault);
    }

    public string Name => Key.Value;

    /// <summary>The job's key: the line a finding about the whole job points at.</summary>
    public PipelineScalar Key { get; }

    public SourceLocation Location => Key.Location;

    public PipelineMapping Body { get; }

    public IReadOnlyList<IdToken> IdTokens { get; }

    /// <summary>
    /// The <c>include:rules</c> that bring the job into the pipeline: null when a file always included defines it,
    /// else one condition per conditional file that does.
    /// </summary>
    public IReadOnlyList<IncludeCondition>? IncludedUnder { get; init; }

    /// <summary>Parents named in <c>extends:</c> (by the job or its ancestors) that are not in the files read.</summary>
    public IReadOnlyList<string> MissingParents { get; init; } = [];

    /// <summary>
    /// True when the job has no <c>script</c> (nor <c>trigger</c> or <c>run</c>) in a pipeline with includes that were not
    /// read: GitLab needs one, so a job of the same name there completes it (a template's job overridden in part).
    /// </summary>
    public bool CompletedOutOfSight { get; init; }

    /// <summary>What defines part of the job out of the lint's sight, named for people; empty when it saw it all.</summary>
    public IReadOnlyList<string> OutOfSight =>
        [.. MissingParents.Select(p => $"parent {p}"), .. CompletedOutOfSight ? [$"the rest of job '{Name}' in an include that was not read"] : Array.Empty<string>()];

    /// <summary><c>identity: google_cloud</c>: GitLab hands the job a Google credential file of its own.</summary>
    public string? Identity => Body.GetScalar("identity")?.Value;

    /// <summary>True when the job can hold a cloud credential minted for it (an ID token or a GitLab identity).</summary>
    public bool HoldsToken => IdTokens.Count > 0 || Identity is not null;

    public bool IsTrigger => Body.ContainsKey("trigger");

    /// <summary>The job's own <c>variables:</c> (without the global ones).</summary>
    public PipelineMapping? Variables => Body.GetMapping("variables");

    /// <summary>The global <c>variables:</c> the job inherits (respecting <c>inherit: variables:</c>).</summary>
    public PipelineMapping? InheritedVariables => _globalVariables;

    /// <summary>The environment name (<c>environment: name</c> or <c>environment: {name: ...}</c>), if any.</summary>
    public PipelineScalar? Environment => Body["environment"] switch
    {
        PipelineScalar { IsNull: false } scalar => scalar,
        PipelineMapping mapping => mapping.GetScalar("name"),
        _ => null,
    };

    /// <summary>Every shell line the job runs, in order: the pre-get-sources hook, before_script, script, after_script.</summary>
    public IEnumerable<ScriptLine> ScriptLines() =>
        ScriptItems().SelectMany(item => item.Script.Lines()
            .Select(l => new ScriptLine(l.Text, item.Script.Location with { Line = l.Line }, item.Section)));

    /// <summary>Every script item (one list entry, possibly a multi-line block) with its section, in run order.</summary>
    public IEnumerable<(PipelineScalar Script, string Section)> ScriptItems()
    {
        if (Body.GetMapping("hooks")?["pre_get_sources_script"] is { } hook)
        {
            foreach (var item in hook.Flatten().OfType<PipelineScalar>())
            {
                yield return (item, "hooks:pre_get_sources_script");
            }
        }

        foreach (var section in ScriptSections)
        {
            foreach (var item in Body[section].Flatten().OfType<PipelineScalar>())
            {
                yield return (item, section);
            }
        }
    }

    /// <summary>A variable's value as written: the job's own first, then the inherited global one.</summary>
    public PipelineScalar? GetVariable(string name)
    {
        foreach (var variables in new[] { Variables, _globalVariables })
        {
            switch (variables?[name])
            {
                case PipelineScalar scalar:
                    return scalar;
                case PipelineMapping detailed when detailed.GetScalar("value") is { } value:
                    return value;
            }
        }

        return null;
    }

    /// <summary>All variables visible to the job (job over global), by name.</summary>
    public IReadOnlyDictionary<string, PipelineScalar> AllVariables()
    {
        var all = new Dictionary<string, PipelineScalar>(StringComparer.Ordinal);
        foreach (var variables in new[] { _globalVariables, Variables })
        {
            foreach (var entry in variables?.Entries ?? [])
            {
                var value = entry.Value switch
                {
                    PipelineScalar scalar => scalar,
                    PipelineMapping detailed => detailed.GetScalar("value"),
                    _ => null,
                };
                if (value is not null)
                {
                    all[entry.Name] = value;
                }
            }
        }

        return all;
    }

    public override string ToString() => Name;

    private static List<IdToken> ReadIdTokens(PipelineMapping body, bool fromDefault)
    {
        var tokens = new List<IdToken>();
        foreach (var entry in body.GetMapping("id_tokens")?.Entries ?? [])
        {
            var aud = entry.Value is PipelineMapping definition ? definition["aud"] : null;
            var audiences = aud.Flatten().OfType<PipelineScalar>().ToList();
            tokens.Add(new IdToken(entry.Name, entry.Key.Location, audiences, fromDefault));
        }

        return tokens;
    }
}
