using System.Security.Cryptography;
using static Keyless.Scan.Tests.ScanAssert;

namespace Keyless.Scan.Tests.Detectors;

public sealed class PrivateKeyPemTests
{
    private const string Id = "private-key-pem";

    public sealed class Positive
    {
        [Fact]
        public void Should_Find_A_Pkcs8_Key_At_Its_Line() =>
            Assert.Equal(3, Single(ScanText("a\nb\n" + Samples.RsaPkcs8Pem()), Id).Location.Line);

        [Fact]
        public void Should_Find_A_Pkcs1_Rsa_Key()
        {
            using var rsa = RSA.Create(2048);
            Assert.Contains("RSA PRIVATE KEY", Single(ScanText(rsa.ExportRSAPrivateKeyPem()), Id).Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_Find_An_Ec_Key()
        {
            using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            Single(ScanText(ec.ExportECPrivateKeyPem()), Id);
        }

        [Fact]
        public void Should_Find_An_Encrypted_Key()
        {
            using var rsa = RSA.Create(2048);
            var pem = rsa.ExportEncryptedPkcs8PrivateKeyPem("pass".AsSpan(),
                new PbeParameters(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, 1000));
            Assert.Contains("passphrase-encrypted", Single(ScanText(pem), Id).Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_Find_A_Base64_Encoded_Key() =>
            Assert.Contains("base64-encoded", Single(ScanText(Samples.Base64Wrapped(Samples.RsaPkcs8Pem())), Id).Message, StringComparison.Ordinal);
    }

    public sealed class Negative
    {
        [Fact]
        public void Should_Ignore_A_Public_Key()
        {
            using var rsa = RSA.Create(2048);
            None(ScanText(rsa.ExportSubjectPublicKeyInfoPem()));
        }

        [Fact]
        public void Should_Ignore_A_Certificate()
        {
            using var rsa = RSA.Create(2048);
            var request = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=test", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            var now = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);
            using var cert = request.CreateSelfSigned(now, now.AddDays(1));
            None(ScanText(cert.ExportCertificatePem()));
        }

        [Fact]
        public void Should_Ignore_A_Placeholder_Or_A_Header_Without_End() =>
            None(ScanText("-----BEGIN PRIVATE KEY-----\n<your key here>\n-----END PRIVATE KEY-----\n-----BEGIN RSA PRIVATE KEY-----\nMIIE"));
    }
}
