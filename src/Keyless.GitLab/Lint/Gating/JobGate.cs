using Keyless.GitLab.Pipeline;

namespace Keyless.GitLab.Lint.Gating;

/// <summary>
/// Whether a job is created in a scenario: <c>workflow:rules</c>, then the job's <c>rules:</c> (first match decides,
/// <c>when: never</c> excludes), or <c>only:</c>/<c>except:</c>, or GitLab's default for neither
/// (<c>only: [branches, tags]</c>, so never in merge request pipelines). <c>changes:</c> and <c>exists:</c> are the
/// attacker's to satisfy: they push the files. A job from a conditional include runs only where its
/// <c>include:rules</c> let the file in. Rules that hold an input with no value, or that may come from a parent in an
/// include that was not read, are unknown: neither a gate nor a pass.
/// </summary>
internal static class JobGate
{
    private static readonly Dictionary<string, string> SourceKeywords = new(StringComparer.Ordinal)
    {
        ["pushes"] = "push", ["web"] = "web", ["api"] = "api", ["schedules"] = "schedule", ["triggers"] = "trigger",
        ["pipelines"] = "pipeline", ["chat"] = "chat", ["external"] = "external",
        ["external_pull_requests"] = "external_pull_request_event",
    };

    public static Truth Runs(PipelineJob job, PipelineMapping? workflow, AttackScenario scenario)
    {
        ScenarioValue Lookup(string name) => scenario.Lookup(name, job);

        var pipeline = workflow?["rules"] is { } workflowRules ? Rules(workflowRules, Lookup) : Truth.True;
        if (job.Body.GetScalar("when") is { Value: "never" })
        {
            return Truth.False;
        }

        // Any of the conditional files that define the job brings it in; each needs every include on its way.
        var included = job.IncludedUnder is { } alternatives
            ? alternatives.Select(c => c.Rules.Select(r => Rules(r, Lookup)).Aggregate(Truth.True, TruthLogic.And)).Aggregate(Truth.False, TruthLogic.Or)
            : Truth.True;

        Truth created;
        if (job.Body["rules"] is { } rules)
        {
            created = Rules(rules, Lookup);
        }
        else if (job.Body.ContainsKey("only") || job.Body.ContainsKey("except"))
        {
            var only = job.Body["only"] is { } onlyNode ? Condition(onlyNode, scenario, Lookup, all: true) : DefaultOnly(scenario);
            var except = job.Body["except"] is { } exceptNode ? Condition(exceptNode, scenario, Lookup, all: false) : Truth.False;
            created = TruthLogic.And(only, TruthLogic.Not(except));
        }
        else if (job.OutOfSight.Count > 0)
        {
            // The rules may come from a parent Keyless could not read.
            created = Truth.Unknown;
        }
        else
        {
            created = DefaultOnly(scenario);
        }

        return TruthLogic.And(TruthLogic.And(pipeline, included), created);
    }

    /// <summary>What the job's gate depends on that is not known: inputs with no value, references and parents not read.</summary>
    public static IReadOnlyList<string> Unknowns(PipelineJob job, PipelineMapping? workflow)
    {
        var gates = new[] { workflow?["rules"], job.Body["rules"], job.Body["only"], job.Body["except"] }
            .Concat(job.IncludedUnder?.SelectMany(c => c.Rules) ?? []);
        var unknowns = gates.SelectMany(g => g.Scalars()).SelectMany(s => s.Unresolved).ToList();
        if (!job.Body.ContainsKey("rules") && !job.Body.ContainsKey("only") && !job.Body.ContainsKey("except"))
        {
            unknowns.AddRange(job.OutOfSight);
        }

        return unknowns.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>The first rule whose conditions hold decides; with <c>when: never</c> (or no match) nothing runs.</summary>
    private static Truth Rules(PipelineNode rules, Func<string, ScenarioValue> lookup)
    {
        var runs = Truth.False;
        var noEarlierMatch = Truth.True;
        foreach (var item in rules.Flatten())
        {
            if (item is PipelineScalar { IsUnknown: true })
            {
                // A rule (or the whole list) still to come from an input: it may match or not, run or not.
                runs = TruthLogic.Or(runs, TruthLogic.And(noEarlierMatch, Truth.Unknown));
                noEarlierMatch = TruthLogic.And(noEarlierMatch, Truth.Unknown);
                continue;
            }

            if (item is not PipelineMapping rule)
            {
                continue;
            }

            var matches = Truth.True;
            if (rule.GetScalar("if") is { } condition)
            {
                matches = TruthLogic.And(matches, ExpressionEvaluator.Evaluate(CiExpressionParser.Parse(condition.Value), lookup, condition.IsUnknown));
            }

            if (rule.ContainsKey("changes") || rule.ContainsKey("exists"))
            {
                matches = TruthLogic.And(matches, Truth.Choosable);
            }

            if (rule.GetScalar("when") is { IsUnknown: true })
            {
                runs = TruthLogic.Or(runs, TruthLogic.And(noEarlierMatch, TruthLogic.And(matches, Truth.Unknown)));
            }
            else if (rule.GetScalar("when")?.Value != "never")
            {
                runs = TruthLogic.Or(runs, TruthLogic.And(noEarlierMatch, matches));
            }

            noEarlierMatch = TruthLogic.And(noEarlierMatch, TruthLogic.Not(matches));
        }

        return runs;
    }

    private static Truth DefaultOnly(AttackScenario scenario) => TruthLogic.Of(!scenario.IsMergeRequest);

    /// <summary>
    /// <c>only:</c> (every given clause must hold) or <c>except:</c> (any clause excludes): a list of refs, or a mapping
    /// of <c>refs</c>, <c>variables</c> and <c>changes</c>.
    /// </summary>
    private static Truth Condition(PipelineNode node, AttackScenario scenario, Func<string, ScenarioValue> lookup, bool all)
    {
        var clauses = new List<Truth>();
        if (node is PipelineMapping mapping)
        {
            if (mapping["refs"] is { } refs)
            {
                clauses.Add(Refs(refs, scenario, lookup));
            }

            if (mapping["variables"] is { } variables)
            {
                clauses.Add(variables.Flatten().OfType<PipelineScalar>()
                    .Select(v => ExpressionEvaluator.Evaluate(CiExpressionParser.Parse(v.Value), lookup))
                    .Aggregate(Truth.False, TruthLogic.Or));
            }

            if (mapping.ContainsKey("changes"))
            {
                clauses.Add(Truth.Choosable);
            }

            if (all && !mapping.ContainsKey("refs"))
            {
                clauses.Add(DefaultOnly(scenario));
            }
        }
        else
        {
            clauses.Add(Refs(node, scenario, lookup));
        }

        return all
            ? clauses.Aggregate(Truth.True, TruthLogic.And)
            : clauses.Aggregate(Truth.False, TruthLogic.Or);
    }

    private static Truth Refs(PipelineNode refs, AttackScenario scenario, Func<string, ScenarioValue> lookup)
    {
        var result = Truth.False;
        foreach (var entry in refs.Flatten().OfType<PipelineScalar>())
        {
            var text = entry.Value;
            var truth = text switch
            {
                "branches" => TruthLogic.Of(!scenario.IsMergeRequest && !scenario.IsTag),
                "tags" => TruthLogic.Of(scenario.IsTag),
                "merge_requests" => TruthLogic.Of(scenario.IsMergeRequest),
                _ when SourceKeywords.TryGetValue(text, out var source) => ExpressionEvaluator.Evaluate(
                    new CiExpression.Compare("==", new CiExpression.Variable("CI_PIPELINE_SOURCE"), new CiExpression.Text(source)), lookup),
                _ when scenario.IsMergeRequest => Truth.False, // ref names only select branch and tag pipelines
                _ => RefName(text.Split('@')[0], lookup),
            };
            result = TruthLogic.Or(result, truth);
        }

        return result;
    }

    private static Truth RefName(string pattern, Func<string, ScenarioValue> lookup)
    {
        var reference = new CiExpression.Variable("CI_COMMIT_REF_NAME");
        var expression = pattern.Length > 1 && pattern.StartsWith('/') && pattern.LastIndexOf('/') > 0
            ? CiExpressionParser.Parse("$CI_COMMIT_REF_NAME =~ " + pattern)
            : new CiExpression.Compare("==", reference, new CiExpression.Text(pattern));
        return ExpressionEvaluator.Evaluate(expression, lookup);
    }
}
