using Keyless.Cel;

namespace Keyless.Trust.Evaluation.Gcp;

/// <summary>One attribute mapping entry, compiled once: the target, its CEL source, and the program or the
/// compile error.</summary>
internal sealed record CompiledMapping(string Target, string Source, CelProgram? Program, string? CompileError);
