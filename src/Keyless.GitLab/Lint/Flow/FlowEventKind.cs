namespace Keyless.GitLab.Lint.Flow;

internal enum FlowEventKind
{
    /// <summary>The value reaches the job log (standard output or error, not captured or redirected to a file).</summary>
    Printed,

    /// <summary>The value was transformed and kept (in a variable or a file), out of reach of GitLab's masking.</summary>
    Transformed,

    /// <summary>The value was written to a file (<see cref="FlowEvent.File"/>).</summary>
    WrittenToFile,

    /// <summary>A file that holds or points to cloud credentials was named (an output file, an environment variable).</summary>
    CredentialFile,
}
