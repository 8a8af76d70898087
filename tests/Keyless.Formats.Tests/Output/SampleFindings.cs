using System.Text.Json.Nodes;
using Keyless.Formats.Output;
using Keyless.Trust.Findings;

namespace Keyless.Formats.Tests.Output;

/// <summary>One finding of each shape the commands report: audit (witness, persona), lint (line), scan (API URL).</summary>
internal static class SampleFindings
{
    public const string Base = "/work/repo";

    public static IReadOnlyList<RuleDescriptor> Rules { get; } =
    [
        new("unpinned-project", "The trust admits tokens from any project on the issuer", Severity.Critical),
        new("id-tokens-in-default", "id_tokens under default: gives every job a token", Severity.Medium),
        new("aws-secret-access-key", "An AWS secret access key is stored in a CI/CD variable", Severity.High),
    ];

    public static IReadOnlyList<Finding> All { get; } =
    [
        new Finding
        {
            Id = "unpinned-project",
            Severity = Severity.Critical,
            Confidence = Confidence.Proven,
            Persona = Persona.Anyone,
            Identity = "deployer@acme-prod.iam.gserviceaccount.com",
            Message = "Any project on gitlab.com can get deployer@acme-prod: the condition pins no project.",
            Witness = new JsonObject { ["project_path"] = "acme-evil/x", ["ref_protected"] = "false", ["runner_id"] = 42 },
            Fix = "Add assertion.project_id == \"123\" to the attribute condition.",
            Location = new FindingLocation(Base + "/infra/tf.json", null, "$.values.root_module.resources[2]"),
        },
        new Finding
        {
            Id = "id-tokens-in-default",
            Severity = Severity.Medium,
            Confidence = Confidence.Likely,
            Message = "id_tokens under default: gives all 7 jobs a token <GCP>.",
            Fix = "Move id_tokens into the job that logs in.",
            Location = new FindingLocation(Base + "/.gitlab-ci.yml", 4, "default.id_tokens"),
        },
        new Finding
        {
            Id = "aws-secret-access-key",
            Severity = Severity.High,
            Confidence = Confidence.Likely,
            Message = "Variable AWS_SECRET (scope *) holds an AWS secret access key (fingerprint sha256:0011223344556677).",
            Fix = "Delete the variable and rotate the key.",
            Location = new FindingLocation("https://gitlab.example.com/api/v4/projects/42/variables", null, "AWS_SECRET"),
        },
        new Finding
        {
            Id = "aws-secret-access-key",
            Severity = Severity.Low,
            Confidence = Confidence.Assumed,
            Message = "Variable AWS_SECRET (scope *) holds an AWS secret access key (fingerprint sha256:0011223344556677).",
            Fix = "Delete the variable and rotate the key.",
            Location = new FindingLocation("https://gitlab.example.com/api/v4/projects/42/variables", null, "AWS_SECRET"),
        },
    ];
}
