namespace Clamp.VectorStore.Tests.Support;

/// <summary>Waits for an asynchronous pipeline to reach a state (polling), failing with a description on timeout.</summary>
public static class Eventually
{
    public static async Task TrueAsync(Func<Task<bool>> condition, string what, int timeoutSeconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
                Assert.Fail($"Timed out after {timeoutSeconds} s waiting for: {what}");
            await Task.Delay(100);
        }
    }
}
