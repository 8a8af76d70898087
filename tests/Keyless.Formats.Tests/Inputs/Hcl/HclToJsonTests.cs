using System.Text;
using System.Text.Json.Nodes;
using Keyless.Formats.Inputs.Hcl;
using Keyless.Trust.Diagnostics;

namespace Keyless.Formats.Tests.Inputs.Hcl;

public sealed class HclToJsonTests
{
    private static JsonObject Convert(string text) => HclToJson.Convert("main.tf", text);

    private static void AssertJson(string expected, string hcl) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), Convert(hcl)), Convert(hcl).ToJsonString());

    public sealed class Shape
    {
        [Fact]
        public void Blocks_nest_by_type_and_labels_and_end_in_an_array_of_bodies()
        {
            AssertJson(
                """{"resource": {"google_x": {"a": [{"n": 1, "oidc": [{"issuer_uri": "https://gitlab.com"}]}], "b": [{}]}}, "locals": [{"x": true}]}""",
                """
                resource "google_x" "a" {
                  n = 1
                  oidc {
                    issuer_uri = "https://gitlab.com"
                  }
                }
                resource google_x b {}
                locals { x = true }
                """);
        }

        [Fact]
        public void Expressions_other_than_literals_keep_their_text_in_a_template()
        {
            AssertJson(
                """{"a": "${var.x}", "b": "p-${local.y}-s", "c": "${jsonencode({ k = 1 })}", "d": [1, "${f(2)}"], "e": {"google.subject": "assertion.sub", "k": -1}}""",
                """
                a = var.x
                b = "p-${local.y}-s"
                c = jsonencode({ k = 1 })
                d = [1, f(2)]
                e = { "google.subject" = "assertion.sub", k = -1 }
                """);
        }

        [Fact]
        public void Literal_text_that_looks_like_an_expression_is_escaped_as_JSON_syntax_wants()
        {
            AssertJson("""{"a": "$${not} %%{this}", "b": "tab\there"}""", "a = \"$${not} %%{this}\"\nb = \"tab\\there\"\n");
        }

        [Fact]
        public void A_flush_heredoc_loses_its_common_indentation()
        {
            AssertJson("""{"a": "x ${var.a}\n  y\n"}""", "a = <<-EOT\n    x ${var.a}\n      y\n    EOT\n");
        }
    }

    public sealed class Errors
    {
        [Theory]
        [InlineData("resource \"a\" \"b\" {\n  x = [1 2]\n}\n", 2, 10, "expected ',' or ']'")]
        [InlineData("a = \"open\nb = 1\n", 1, 10, "quoted strings may not be split")]
        [InlineData("a = 1\na = 2\n", 2, 1, "set twice")]
        [InlineData("a = 1 b = 2\n", 1, 7, "a newline after the argument")]
        [InlineData("resource \"${x}\" \"b\" {}\n", 1, 10, "literal string")]
        [InlineData("a = <<EOT\nno end\n", 1, 5, "unterminated heredoc")]
        [InlineData("a = \"\\q\"\n", 1, 6, "invalid escape")]
        [InlineData("b {\n", 2, 1, "'}'")]
        public void Name_the_file_line_and_column(string hcl, int line, int column, string message)
        {
            var e = Assert.Throws<InputException>(() => Convert(hcl));
            Assert.Equal("main.tf", e.File);
            Assert.Equal((line, column), (e.Line, e.Column));
            Assert.Contains(message, e.Message, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("[", "]")]
        [InlineData("{a = ", "}")]
        [InlineData("(", ")")]
        [InlineData("!", "")]
        [InlineData("\"${", "}\"")]
        public void Deep_nesting_is_refused_not_a_stack_overflow(string open, string close)
        {
            var hcl = "a = " + string.Concat(Enumerable.Repeat(open, 100_000)) + "1" + string.Concat(Enumerable.Repeat(close, 100_000)) + "\n";
            var e = Assert.Throws<InputException>(() => Convert(hcl));
            Assert.Contains($"nested more than {HclParser.MaxDepth} levels deep", e.Message, StringComparison.Ordinal);
        }
    }

    public sealed class Cost
    {
        [Fact]
        public void A_long_operator_chain_is_one_node_not_a_deep_tree()
        {
            var hcl = "a = " + string.Join(" + ", Enumerable.Repeat("var.x", 200_000)) + "\n";
            var json = Convert(hcl);
            Assert.StartsWith("${var.x + var.x", json["a"]!.GetValue<string>(), StringComparison.Ordinal);
        }

        [Fact]
        public void A_long_heredoc_is_read_in_one_pass()
        {
            var body = new StringBuilder();
            for (var i = 0; i < 100_000; i++)
            {
                body.Append("    line ").Append(i).Append('\n');
            }

            var json = Convert("a = <<-EOT\n" + body + "    EOT\n");
            Assert.StartsWith("line 0\nline 1\n", json["a"]!.GetValue<string>(), StringComparison.Ordinal);
        }
    }
}
