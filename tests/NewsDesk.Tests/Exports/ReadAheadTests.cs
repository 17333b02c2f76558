using NewsDesk.Exports;
using NewsDesk.Storage;
using NewsDesk.Tests.Support;

namespace NewsDesk.Tests.Exports;

public sealed class ReadAheadTests
{
    private static readonly DateTimeOffset Day = new(2026, 11, 22, 9, 30, 0, TimeSpan.Zero);

    [Fact]
    public void Yields_every_item_once_in_order()
    {
        var items = ReadAhead.Of(Enumerable.Range(0, 1000), batchSize: 7, capacity: 2, TestContext.Current.CancellationToken).ToList();

        Assert.Equal(Enumerable.Range(0, 1000), items);
    }

    [Fact]
    public void Rethrows_what_the_source_throws()
    {
        static IEnumerable<int> Failing()
        {
            for (var i = 0; i < 50; i++)
            {
                yield return i;
            }

            throw new InvalidOperationException("storage: page 12 is damaged");
        }

        var error = Assert.Throws<InvalidOperationException>(() => ReadAhead.Of(Failing(), 8, 2, TestContext.Current.CancellationToken).Count());
        Assert.Equal("storage: page 12 is damaged", error.Message);
    }

    [Fact]
    public void Stopping_early_stops_and_waits_for_the_reader()
    {
        var source = new EndlessSource();

        var first = ReadAhead.Of(source.Items(), 4, 2, TestContext.Current.CancellationToken).Take(5).ToList();

        Assert.Equal([0, 1, 2, 3, 4], first);
        // The reader was blocked on a full channel; it was cancelled and has left the source before Take returned.
        Assert.True(source.Disposed);
    }

    [Fact]
    public void Cancellation_reaches_the_caller()
    {
        using var cancel = new CancellationTokenSource();
        var source = new EndlessSource();
        var seen = 0;

        Assert.ThrowsAny<OperationCanceledException>(() =>
        {
            foreach (var _ in ReadAhead.Of(source.Items(), 4, 2, cancel.Token))
            {
                if (++seen == 10)
                {
                    cancel.Cancel();
                }
            }
        });
        Assert.True(source.Disposed);
    }

    [Fact]
    public async Task A_stopped_export_leaves_the_store_free_for_writes()
    {
        using var temp = new TempFolder();
        using var store = new LiteDbNewsStore(temp.File("n.db"));
        store.InsertMany(Enumerable.Range(0, 500).Select(i => Articles.Make($"a{i:D3}", $"Story {i}", Day.AddMinutes(i))));

        var first = ReadAhead.Of(store.Query(new ArticleQuery()), 10, 2, TestContext.Current.CancellationToken).Take(3).Select(a => a.Id).ToList();
        var saved = Task.Run(() => store.Save(Articles.Make("late", "Late story", Day)), TestContext.Current.CancellationToken);

        Assert.Equal(["a000", "a001", "a002"], first);
        await saved.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        Assert.Equal(501, store.CountArticles());
    }

    private sealed class EndlessSource
    {
        public bool Disposed { get; private set; }

        public IEnumerable<int> Items()
        {
            try
            {
                for (var i = 0; ; i++)
                {
                    yield return i;
                }
            }
            finally
            {
                Disposed = true;
            }
        }
    }
}
