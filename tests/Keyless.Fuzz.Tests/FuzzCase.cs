using System.Security.Cryptography;
using System.Text;
using Keyless.Trust.Diagnostics;

namespace Keyless.Fuzz.Tests;

/// <summary>
/// Runs one fuzz input under the two properties every target shares: it ends within <see cref="FuzzBudget.CaseTimeout"/>
/// (a hang fails the test instead of stalling CI) and the only exception is the documented diagnostic,
/// <see cref="InputException"/>. Anything else is a bug; with <c>KEYLESS_FUZZ_SAVE=1</c> the input is kept in the corpus.
/// </summary>
internal static class FuzzCase
{
    public static void Run(string target, string input, Action<string> action, string extension = ".txt", bool inputExceptionAllowed = true)
    {
        Exception? failure = null;
        var work = Task.Factory.StartNew(
            () =>
            {
                try
                {
                    action(input);
                }
                catch (InputException) when (inputExceptionAllowed)
                {
                    // The documented way to refuse bad input.
                }
                catch (Exception e)
                {
                    failure = e;
                }
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);

        if (!work.Wait(FuzzBudget.CaseTimeout))
        {
            Fail(target, input, extension, $"no answer within {FuzzBudget.CaseTimeout.TotalSeconds:0} s (a hang)", null);
        }

        if (failure is not null)
        {
            Fail(target, input, extension, $"{failure.GetType().FullName}: {failure.Message}", failure);
        }
    }

    private static void Fail(string target, string input, string extension, string what, Exception? inner)
    {
        var saved = FuzzBudget.SaveFailures ? Save(target, input, extension) : null;
        var preview = input.Length > 300 ? input[..300] + $"… ({input.Length} chars)" : input;
        throw new FuzzFailureException(
            $"{target}: {what}{(saved is null ? string.Empty : $" (saved to {saved})")}\ninput: {preview}", inner);
    }

    // CsCheck keeps calling a failing property while it shrinks the input, so one bug fails many times in a run:
    // only the shortest failing input of each target is kept, and a longer one saved before it is removed.
    private static readonly Dictionary<string, (string Path, int Length)> Kept = new(StringComparer.Ordinal);

    private static string Save(string target, string input, string extension)
    {
        lock (Kept)
        {
            if (Kept.TryGetValue(target, out var kept) && kept.Length <= input.Length)
            {
                return kept.Path;
            }

            var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(input)))[..16];
            var dir = FuzzBudget.CorpusDirectory(target);
            Directory.CreateDirectory(dir);
            var path = Path.Combine(dir, "failing-" + hash + extension);
            File.WriteAllText(path, input);
            if (kept.Path is { } longer && longer != path)
            {
                File.Delete(longer);
            }

            Kept[target] = (path, input.Length);
            return path;
        }
    }
}

/// <summary>A fuzz input broke a property; the message carries the input.</summary>
internal sealed class FuzzFailureException(string message, Exception? inner) : Exception(message, inner);
