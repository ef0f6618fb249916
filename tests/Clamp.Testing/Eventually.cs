using Xunit.Sdk;

namespace Clamp.Testing;

/// <summary>Waits for something asynchronous to become true (a message to arrive, a status to change).</summary>
public static class Eventually
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);

    /// <summary>Polls <paramref name="condition"/> until it holds; fails with <paramref name="what"/> after the timeout.</summary>
    public static Task TrueAsync(Func<bool> condition, string what, TimeSpan timeout) =>
        TrueAsync(() => Task.FromResult(condition()), what, timeout);

    public static Task TrueAsync(Func<Task<bool>> condition, string what, TimeSpan timeout) =>
        TrueAsync(condition, () => what, timeout);

    /// <summary>As above, with the failure described when it happens (to show the last state seen).</summary>
    public static async Task TrueAsync(Func<Task<bool>> condition, Func<string> what, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
                throw new XunitException($"After {timeout.TotalSeconds:0.#} s: {what()}.");
            await Task.Delay(Interval);
        }
    }
}
