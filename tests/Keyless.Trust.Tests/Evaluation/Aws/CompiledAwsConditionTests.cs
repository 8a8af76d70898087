using Keyless.Trust.Evaluation.Aws;
using Keyless.Trust.Model;

namespace Keyless.Trust.Tests.Evaluation.Aws;

/// <summary>IAM's condition rules (docs/aws.md), one operator and qualifier at a time, against a GitLab request context.</summary>
public sealed class CompiledAwsConditionTests
{
    private const string Main = "project_path:acme/app:ref_type:branch:ref:main";

    private static readonly Dictionary<string, string[]> Context = new(StringComparer.OrdinalIgnoreCase)
    {
        ["gitlab.com:aud"] = ["https://gitlab.com"],
        ["gitlab.com:sub"] = [Main],
    };

    [Theory]
    [InlineData("StringEquals", "gitlab.com:sub", Main, true)]
    [InlineData("StringEquals", "GITLAB.COM:Sub", Main, true)]
    [InlineData("StringEquals", "gitlab.com:sub", "project_path:ACME/app:ref_type:branch:ref:main", false)]
    [InlineData("StringEqualsIgnoreCase", "gitlab.com:sub", "project_path:ACME/app:ref_type:branch:ref:main", true)]
    [InlineData("StringNotEqualsIgnoreCase", "gitlab.com:sub", "project_path:ACME/app:ref_type:branch:ref:main", false)]
    [InlineData("StringNotEquals", "gitlab.com:sub", "project_path:acme/other:ref_type:branch:ref:main", true)]
    [InlineData("StringLike", "gitlab.com:sub", "project_path:acme/*", true)]
    [InlineData("StringLike", "gitlab.com:sub", "project_path:acme/ap?:*", true)]
    [InlineData("StringLike", "gitlab.com:sub", "project_path:acme/a?:*", false)]
    [InlineData("StringNotLike", "gitlab.com:sub", "*:ref:main", false)]
    [InlineData("StringEquals", "gitlab.com:sub", "project_path:acme/*", false)]
    [InlineData("StringEquals", "gitlab.com:ref", "main", false)]
    [InlineData("StringNotEquals", "gitlab.com:ref", "main", true)]
    [InlineData("StringNotLike", "gitlab.com:ref", "main", true)]
    [InlineData("StringEqualsIfExists", "gitlab.com:ref", "main", true)]
    [InlineData("StringEqualsIfExists", "gitlab.com:sub", "nope", false)]
    [InlineData("ForAllValues:StringEquals", "gitlab.com:ref", "main", true)]
    [InlineData("ForAllValues:StringLike", "gitlab.com:sub", "nope*", false)]
    [InlineData("ForAnyValue:StringEquals", "gitlab.com:ref", "main", false)]
    [InlineData("ForAnyValue:StringLike", "gitlab.com:sub", "*acme*", true)]
    [InlineData("Null", "gitlab.com:ref", "true", true)]
    [InlineData("Null", "gitlab.com:sub", "true", false)]
    [InlineData("Null", "gitlab.com:sub", "false", true)]
    public void Evaluates_as_IAM_does(string op, string key, string value, bool expected) =>
        Assert.Equal(expected, new CompiledAwsCondition(new AwsCondition(op, key, [value])).Evaluate(Context));

    [Fact]
    public void Several_values_are_ORed_and_NORed_when_negated()
    {
        string[] values = ["project_path:acme/other:*", "project_path:acme/app:*"];
        Assert.True(new CompiledAwsCondition(new AwsCondition("StringLike", "gitlab.com:sub", values)).Evaluate(Context));
        Assert.False(new CompiledAwsCondition(new AwsCondition("StringNotLike", "gitlab.com:sub", values)).Evaluate(Context));
    }

    [Theory]
    [InlineData("NumericEquals")]
    [InlineData("ForAnyValue:Null")]
    [InlineData("stringequals")]
    [InlineData("StringMatches")]
    public void An_operator_Keyless_does_not_evaluate_is_unknown_not_false(string op) =>
        Assert.Null(new CompiledAwsCondition(new AwsCondition(op, "gitlab.com:sub", ["x"])).Evaluate(Context));
}
