using System.Text.Json.Nodes;
using Keyless.GitLab.Api;
using static Keyless.Scan.Tests.ScanAssert;

namespace Keyless.Scan.Tests.Detectors;

public sealed class GcpServiceAccountKeyTests
{
    private const string Id = "gcp-service-account-key";

    public sealed class Positive
    {
        [Fact]
        public void Should_Find_A_Raw_Key_File_And_Name_Its_Service_Account_Not_A_Second_Pem_Finding()
        {
            var finding = Single(ScanText(Samples.GcpKeyJson(out _)), Id);

            Assert.Equal("deployer@acme-test.iam.gserviceaccount.com", finding.Identity);
            Assert.Contains("key id ", finding.Message, StringComparison.Ordinal);
            Assert.Equal(5, finding.Location.Line);
        }

        [Fact]
        public void Should_Find_A_Base64_Encoded_Key_Wrapped_At_76_Columns()
        {
            var finding = Single(ScanText("GCP_KEY_B64: |\n" + Samples.Base64Wrapped(Samples.GcpKeyJson(out _))), Id);

            Assert.Contains("base64-encoded", finding.Message, StringComparison.Ordinal);
            Assert.Equal(2, finding.Location.Line);
        }

        [Fact]
        public void Should_Find_A_Key_In_A_File_Type_Variable() =>
            Assert.Contains("file type",
                Single(ScanVariable(new GitLabVariable("GOOGLE_CREDENTIALS", Samples.GcpKeyJson(out _), GitLabVariable.FileType)), Id).Message,
                StringComparison.Ordinal);

        [Fact]
        public void Should_Find_A_Key_Pasted_As_An_Escaped_Json_String()
        {
            // As GitLab's API writes it: quotes escaped as \" and line breaks as \n.
            var escaped = JsonValue.Create(Samples.GcpKeyJson(out _))
                .ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
            Assert.Contains("\\\"private_key\\\"", escaped, StringComparison.Ordinal);

            Single(ScanText("{\"value\": " + escaped + "}"), Id);
        }

        [Fact]
        public void Should_Give_The_Same_Fingerprint_Raw_And_Base64()
        {
            var json = Samples.GcpKeyJson(out _);
            var raw = Single(ScanText(json), Id).Message;
            var encoded = Single(ScanText(Samples.Base64Wrapped(json)), Id).Message;

            Assert.Equal(Fingerprint(raw), Fingerprint(encoded));
        }

        private static string Fingerprint(string message) =>
            message[message.IndexOf("sha256:", StringComparison.Ordinal)..].TrimEnd('.', ')');
    }

    public sealed class Negative
    {
        [Fact]
        public void Should_Ignore_A_Key_File_With_A_Placeholder_Private_Key() =>
            None(ScanText("{\"type\": \"service_account\", \"private_key\": \"-----BEGIN PRIVATE KEY-----\\n...\\n-----END PRIVATE KEY-----\\n\"}"));

        [Fact]
        public void Should_Ignore_An_Authorized_User_Or_External_Account_File() =>
            None(ScanText("{\"type\": \"external_account\", \"audience\": \"//iam.googleapis.com/projects/1/locations/global/workloadIdentityPools/p/providers/x\"}"));

        [Fact]
        public void Should_Ignore_Random_Base64_That_Decodes_To_Bytes() =>
            None(ScanText(Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(600))));
    }
}
