using ProofCheck.Execution;

namespace ProofCheck.Execution.Tests;

/// <summary>The one pool of warm processes, on real processes (<c>cat</c> echoes what it is sent).</summary>
public sealed class ProcessPoolSpecs
{
    private sealed class CatSession(string key) : IPooledSession
    {
        public InteractiveProcess Process { get; } = InteractiveProcess.Start(new ProcessCommand("cat"));

        public string Key { get; } = key;

        public bool IsUsable => !Process.HasExited;

        public async Task<string?> EchoAsync(string text)
        {
            await Process.WriteAsync(text + "\n");
            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            return await Process.ReadLineAsync(limit.Token);
        }

        public ValueTask DisposeAsync() => Process.DisposeAsync();
    }

    private static Func<CancellationToken, Task<CatSession>> Start(string key) => _ => Task.FromResult(new CatSession(key));

    [Fact]
    public async Task A_returned_session_is_reused_for_its_key_and_a_dead_one_is_replaced()
    {
        await using var pool = new ProcessPool<string, CatSession>(1);
        CatSession first;
        await using (var lease = await pool.RentAsync("a", Start("a"), CancellationToken.None))
        {
            first = lease.Session;
            Assert.Equal("hello", await first.EchoAsync("hello"));
        }

        await using (var lease = await pool.RentAsync("a", Start("a"), CancellationToken.None))
        {
            Assert.Same(first, lease.Session);
            lease.Session.Process.Kill();
            await lease.Session.Process.ReadLineAsync();
        }

        await using (var lease = await pool.RentAsync("a", Start("a"), CancellationToken.None))
        {
            Assert.NotSame(first, lease.Session);
            Assert.Equal("again", await lease.Session.EchoAsync("again"));
        }

        Assert.Equal(2, pool.Started);
    }

    [Fact]
    public async Task A_full_pool_evicts_the_least_recently_used_idle_process_of_another_key()
    {
        await using var pool = new ProcessPool<string, CatSession>(2);
        var sessions = new List<CatSession>();
        foreach (var key in new[] { "a", "b", "c" })
        {
            await using var lease = await pool.RentAsync(key, Start(key), CancellationToken.None);
            sessions.Add(lease.Session);
        }

        Assert.Equal(2, pool.IdleCount);
        await WaitUntilAsync(() => sessions[0].Process.HasExited);
        Assert.False(sessions[1].Process.HasExited);
        Assert.False(sessions[2].Process.HasExited);
    }

    [Fact]
    public async Task Disposing_the_pool_while_a_lease_is_out_closes_that_session_when_it_comes_back()
    {
        var pool = new ProcessPool<string, CatSession>(1);
        var lease = await pool.RentAsync("a", Start("a"), CancellationToken.None);

        await pool.DisposeAsync();
        Assert.Equal("still served", await lease.Session.EchoAsync("still served"));
        await lease.DisposeAsync();

        Assert.True(lease.Session.Process.HasExited);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => pool.RentAsync("a", Start("a"), CancellationToken.None));
    }

    [Fact]
    public async Task A_renter_waiting_for_a_slot_is_released_when_the_pool_is_disposed()
    {
        var pool = new ProcessPool<string, CatSession>(1);
        await using var lease = await pool.RentAsync("a", Start("a"), CancellationToken.None);
        var waiting = pool.RentAsync("a", Start("a"), CancellationToken.None);

        await pool.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => waiting);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++)
        {
            await Task.Delay(50);
        }

        Assert.True(condition());
    }
}
