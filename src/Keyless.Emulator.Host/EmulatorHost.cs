using System.Net;
using System.Security.Cryptography.X509Certificates;
using Keyless.Emulator.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Keyless.Emulator.Host;

/// <summary>
/// The thin ASP.NET Core host: Kestrel on 127.0.0.1 over HTTP and HTTPS, one terminal handler that copies each
/// request into an <see cref="EmulatorRequest"/> (body capped) and writes the core's <see cref="EmulatorResponse"/>
/// back. No routing, no framework logging, no state of its own.
/// </summary>
public sealed class EmulatorHost : IAsyncDisposable
{
    private static readonly IReadOnlyDictionary<string, string> NoQuery = new Dictionary<string, string>(StringComparer.Ordinal);

    private readonly WebApplication _app;

    private EmulatorHost(WebApplication app, X509Certificate2 certificate, string certificatePath, Uri http, Uri https)
    {
        _app = app;
        Certificate = certificate;
        CertificatePath = certificatePath;
        HttpUrl = http;
        HttpsUrl = https;
    }

    public Uri HttpUrl { get; }

    public Uri HttpsUrl { get; }

    /// <summary>The PEM file clients trust (<c>SSL_CERT_FILE</c>, <c>REQUESTS_CA_BUNDLE</c>).</summary>
    public string CertificatePath { get; }

    public X509Certificate2 Certificate { get; }

    public static async Task<EmulatorHost> StartAsync(EmulatorCore core, EmulatorHostOptions options, TimeProvider time, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(core);
        ArgumentNullException.ThrowIfNull(options);
        var certificate = SelfSignedCertificate.Create(time);
        string certificatePath;
        try
        {
            certificatePath = SelfSignedCertificate.WritePem(certificate, options.CertificateDirectory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            certificate.Dispose();
            throw new CertificateDirectoryException(options.CertificateDirectory, e);
        }

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = EmulatorRequest.MaxBodyBytes;
            kestrel.Listen(IPAddress.Loopback, options.HttpPort);
            kestrel.Listen(IPAddress.Loopback, options.HttpsPort, listen => listen.UseHttps(certificate));
        });
        var app = builder.Build();
        app.Run(context => HandleAsync(core, context));
        await app.StartAsync(cancellationToken).ConfigureAwait(false);

        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .Select(a => new Uri(a.Replace("[::]", "127.0.0.1", StringComparison.Ordinal)))
            .ToList();
        return new EmulatorHost(
            app,
            certificate,
            certificatePath,
            addresses.First(a => a.Scheme == Uri.UriSchemeHttp),
            addresses.First(a => a.Scheme == Uri.UriSchemeHttps));
    }

    public Task WaitForShutdownAsync(CancellationToken cancellationToken) => _app.WaitForShutdownAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        Certificate.Dispose();
    }

    private static async Task HandleAsync(EmulatorCore core, HttpContext context)
    {
        var http = context.Request;
        var (body, tooLarge) = await ReadBodyAsync(http, context.RequestAborted).ConfigureAwait(false);
        EmulatorResponse response;
        if (tooLarge)
        {
            response = EmulatorResponse.Json(413, new System.Text.Json.Nodes.JsonObject
            {
                ["error"] = "invalid_request",
                ["error_description"] = $"The request body is larger than {EmulatorRequest.MaxBodyBytes} bytes.",
            });
        }
        else
        {
            var request = new EmulatorRequest
            {
                Method = http.Method,
                Path = http.Path.Value ?? "/",
                Query = http.QueryString.HasValue ? http.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal) : NoQuery,
                ContentType = http.ContentType,
                Body = body,
                Authorization = http.Headers.Authorization.Count == 1 ? http.Headers.Authorization.ToString() : null,
                Headers = http.Headers.Where(h => h.Value.Count == 1)
                    .ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
                BaseUrl = $"{http.Scheme}://{http.Host}",
                FromLoopback = context.Connection.RemoteIpAddress is { } ip && IPAddress.IsLoopback(ip),
            };
            try
            {
                response = await core.HandleAsync(request, context.RequestAborted).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A bug, not a refusal: say where on stderr (type and frames only; a message may quote the request,
                // which can hold a token) and let the client see a 500, as before.
                await Console.Error.WriteLineAsync(
                    $"keyless emulate: internal error on {request.Method} {request.Path}: {e.GetType().FullName}{Environment.NewLine}{e.StackTrace}")
                    .ConfigureAwait(false);
                throw;
            }
        }

        context.Response.StatusCode = response.Status;
        context.Response.ContentType = EmulatorResponse.JsonContentType;
        foreach (var (name, value) in response.Headers)
        {
            context.Response.Headers[name] = value;
        }

        // A declared length: the answer goes out as one write, with no chunk framing to add or to parse.
        var bytes = System.Text.Encoding.UTF8.GetBytes(response.Body);
        context.Response.ContentLength = bytes.Length;
        if (response.Drop)
        {
            // A played fault: half of the declared body, then the connection goes, as a network failure would leave it.
            await context.Response.Body.WriteAsync(bytes.AsMemory(0, bytes.Length / 2), context.RequestAborted).ConfigureAwait(false);
            await context.Response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
            context.Abort();
            return;
        }

        if (!HttpMethods.IsHead(http.Method))
        {
            await context.Response.Body.WriteAsync(bytes, context.RequestAborted).ConfigureAwait(false);
        }
    }

    // Reads at most the cap; Kestrel also refuses larger declared bodies before they arrive.
    private static async Task<(string Body, bool TooLarge)> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > EmulatorRequest.MaxBodyBytes)
        {
            return (string.Empty, true);
        }

        // One pooled buffer per request, sized from Content-Length when the client sent one (form posts do).
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent((int)Math.Clamp(request.ContentLength ?? 4096, 1, EmulatorRequest.MaxBodyBytes) + 1);
        var length = 0;
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false)) > 0)
            {
                length += read;
                if (length > EmulatorRequest.MaxBodyBytes)
                {
                    return (string.Empty, true);
                }

                if (length == buffer.Length)
                {
                    var larger = System.Buffers.ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, EmulatorRequest.MaxBodyBytes + 1));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
            }

            return (System.Text.Encoding.UTF8.GetString(buffer, 0, length), false);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (string.Empty, true);
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
