using System.Net.Http.Headers;

namespace Keyless.GitLab.Api;

/// <summary>The wait a <c>Retry-After</c> header asks for (seconds or an HTTP date), clamped to a bound.</summary>
internal static class RetryAfter
{
    public static TimeSpan? Delay(HttpResponseMessage? response, TimeProvider time, TimeSpan max)
    {
        if (response?.Headers.RetryAfter is not RetryConditionHeaderValue header)
        {
            return null;
        }

        TimeSpan? wait = header.Delta ?? (header.Date is { } date ? date - time.GetUtcNow() : null);
        if (wait is not { } value)
        {
            return null;
        }

        return value < TimeSpan.Zero ? TimeSpan.Zero : value > max ? max : value;
    }
}
