namespace Keyless.GitLab.Pipeline;

/// <summary>
/// One configuration file as loaded: its <c>spec:</c> header document (a component's or a pipeline's inputs), if it
/// has one, and the configuration itself, still to be interpolated with the inputs it is given.
/// </summary>
internal sealed record YamlFile(PipelineMapping? Header, PipelineMapping? Content);
