using Keyless.Login.Http;
using Keyless.Pull;
using Keyless.Trust.Diagnostics;
using Spectre.Console;

namespace Keyless.Cli.Infrastructure;

/// <summary>Validation and parsing of <see cref="ILiveOptions"/>, one place for every command that reads live.</summary>
internal static class LiveOptionChecks
{
    public static ValidationResult Validate(ILiveOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        try
        {
            _ = Endpoints(options);
        }
        catch (InputException e)
        {
            return ValidationResult.Error($"{e.File}: {e.Message}");
        }

        return options.Concurrency is >= 1 and <= 64
            ? ValidationResult.Success()
            : ValidationResult.Error($"--concurrency: {options.Concurrency} is not between 1 and 64");
    }

    /// <summary>The endpoints: the clouds', or a running emulator's, with each <c>--endpoint NAME=URL</c> applied.</summary>
    public static PullEndpoints Endpoints(ILiveOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var endpoints = options.Emulator is { } emulator
            ? PullEndpoints.ForEmulator(Keyless.Login.Http.Endpoints.Require(emulator, "--emulator", "the reader token"))
            : new PullEndpoints();
        foreach (var spec in options.Endpoints)
        {
            var equals = spec.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new InputException("--endpoint", $"'{spec}' is not NAME=URL (NAME one of {string.Join(", ", PullEndpoints.Names)})");
            }

            endpoints = endpoints.With(spec[..equals], Keyless.Login.Http.Endpoints.Require(spec[(equals + 1)..], "--endpoint " + spec[..equals], "the credential"));
        }

        return endpoints;
    }
}
