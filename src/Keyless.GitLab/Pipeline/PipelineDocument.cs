namespace Keyless.GitLab.Pipeline;

/// <summary>A pipeline configuration read as GitLab reads it: the merged configuration, its jobs and its includes.</summary>
public sealed class PipelineDocument
{
    internal PipelineDocument(
        string file,
        PipelineMapping root,
        IReadOnlyList<PipelineJob> jobs,
        IReadOnlyList<PipelineInclude> includes,
        IReadOnlyList<PipelineDiagnostic> diagnostics,
        IReadOnlyList<string> files)
    {
        File = file;
        Root = root;
        Jobs = jobs;
        Includes = includes;
        Diagnostics = diagnostics;
        Files = files;
    }

    /// <summary>The entry file, as the caller named it.</summary>
    public string File { get; }

    /// <summary>The whole configuration after includes, <c>extends:</c> and <c>!reference</c> (hidden templates too).</summary>
    public PipelineMapping Root { get; }

    /// <summary>The jobs GitLab would create (hidden <c>.templates</c> are not jobs).</summary>
    public IReadOnlyList<PipelineJob> Jobs { get; }

    /// <summary>Every <c>include:</c> entry met, in the entry file and in local includes.</summary>
    public IReadOnlyList<PipelineInclude> Includes { get; }

    /// <summary>What GitLab would reject (reading went on without it).</summary>
    public IReadOnlyList<PipelineDiagnostic> Diagnostics { get; }

    /// <summary>What GitLab accepts but changed what the lint saw: repeated keys, includes not read, inputs with no value.</summary>
    public IReadOnlyList<PipelineNote> Notes { get; init; } = [];

    /// <summary>The includes whose content was not read; what they define is unknown to the lint.</summary>
    public IReadOnlyList<PipelineInclude> Unread { get; init; } = [];

    /// <summary>Every file read (entry file first).</summary>
    public IReadOnlyList<string> Files { get; }

    public PipelineMapping? Default => Root.GetMapping("default");

    public PipelineMapping? Workflow => Root.GetMapping("workflow");

    public PipelineMapping? Variables => Root.GetMapping("variables");
}
