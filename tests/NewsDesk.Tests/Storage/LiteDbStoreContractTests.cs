using NewsDesk.Storage;
using NewsDesk.Tests.Support;

namespace NewsDesk.Tests.Storage;

/// <summary>The store contract on LiteDB, in a file of a temp folder.</summary>
public sealed class LiteDbStoreContractTests : NewsStoreContract
{
    private readonly TempFolder _temp = new();

    protected override Task<INewsStore> OpenAsync() => Task.FromResult<INewsStore>(new LiteDbNewsStore(_temp.File("n.db")));

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _temp.Dispose();
    }
}
