using System.Text.Json.Nodes;
using System.Xml.Linq;
using Keyless.Emulator.Aws;
using Keyless.Emulator.Http;
using Keyless.Emulator.Reads;

namespace Keyless.Emulator.Tests.Reads;

/// <summary>
/// The emulator's IAM Query API without a client: what it refuses before reading (no SigV4 header, a key it did not hand
/// out, a missing parameter, a Marker it did not write), and that a played fault hits one action only, as the
/// <c>/?Action=NAME</c> it is matched against says. The clients' view is in Keyless.Emulator.Host.Tests' AwsIamClientsTests.
/// </summary>
public sealed class IamQueryApiTests
{
    private const string Form = "application/x-www-form-urlencoded";

    private static async Task<string> SignedAsync(CoreHarness harness)
    {
        var (status, key) = await harness.PostJsonAsync(ReaderCredentials.Path, new JsonObject { ["api"] = "aws" });
        Assert.Equal(200, status);
        // The key id is what the emulator checks; the rest of the header is a SigV4 header's shape.
        return $"AWS4-HMAC-SHA256 Credential={key["AccessKeyId"]!.GetValue<string>()}/20251201/us-east-1/iam/aws4_request, SignedHeaders=host;x-amz-date, Signature=00";
    }

    private static (int Status, string? Code) Read(EmulatorResponse response) =>
        (response.Status, XElement.Parse(response.Body).Descendants(IamXml.Namespace + "Code").FirstOrDefault()?.Value);

    [Fact]
    public async Task Refuses_what_iam_refuses_before_reading()
    {
        using var harness = new CoreHarness(TestTrust.CreateWithAws());
        var signed = await SignedAsync(harness);

        Assert.Equal((403, "MissingAuthenticationToken"), Read(await harness.RawAsync("POST", "/", "Action=ListRoles&Version=2010-05-08", Form)));
        var unknown = signed.Replace("Credential=AKIA", "Credential=AKIB", StringComparison.Ordinal);
        Assert.Equal((403, "InvalidClientTokenId"), Read(await harness.RawAsync("POST", "/", "Action=ListRoles&Version=2010-05-08", Form, unknown)));
        Assert.Equal((400, "ValidationError"), Read(await harness.RawAsync("POST", "/", "Action=GetRole&Version=2010-05-08", Form, signed)));
        Assert.Equal((400, "InvalidInput"), Read(await harness.RawAsync("POST", "/", "Action=ListRoles&Version=2010-05-08&Marker=not-ours", Form, signed)));

        var answer = await harness.RawAsync("POST", "/", "Action=GetRole&Version=2010-05-08&RoleName=gitlab-deploy", Form, signed);
        Assert.Equal(200, answer.Status);
        var role = XElement.Parse(answer.Body);
        Assert.Equal(TestTrust.AwsRoleArn, role.Descendants(IamXml.Namespace + "Arn").Single().Value);
        // URL-encoded, as IAM returns it.
        Assert.StartsWith("%7B%22Version%22", role.Descendants(IamXml.Namespace + "AssumeRolePolicyDocument").Single().Value, StringComparison.Ordinal);

        // STS still answers its own action at the same root.
        var sts = await harness.RawAsync("POST", "/", "Action=AssumeRoleWithWebIdentity&Version=2011-06-15", Form);
        Assert.Equal("MissingParameter", XElement.Parse(sts.Body).Descendants(StsXml.Namespace + "Code").Single().Value);
    }

    [Fact]
    public async Task A_fault_hits_the_action_it_names_and_no_other()
    {
        using var harness = new CoreHarness(TestTrust.CreateWithAws(), configure: o => o with
        {
            Faults = [new ReadFault { PathContains = "Action=ListUsers", Status = 429, Times = 0 }],
        });
        var signed = await SignedAsync(harness);

        Assert.Equal((400, "Throttling"), Read(await harness.RawAsync("POST", "/", "Action=ListUsers&Version=2010-05-08", Form, signed)));
        Assert.Equal(200, (await harness.RawAsync("POST", "/", "Action=ListRoles&Version=2010-05-08", Form, signed)).Status);
        Assert.Equal(2, harness.Core.ReadCalls["iam"]);
    }
}
