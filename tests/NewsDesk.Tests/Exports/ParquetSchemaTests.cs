using NewsDesk.Exports;
using NewsDesk.Storage;
using NewsDesk.Tests.Support;
using Parquet;
using Parquet.Serialization;

namespace NewsDesk.Tests.Exports;

/// <summary>The Parquet file `export` writes, read back by its schema: UTC INT64 timestamps and required columns.</summary>
public sealed class ParquetSchemaTests
{
    private static readonly DateTimeOffset Day = new(2026, 11, 22, 9, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task Timestamps_are_utc_int64_and_always_present_columns_are_required()
    {
        using var temp = new TempFolder();
        using (var store = new LiteDbNewsStore(temp.File("n.db")))
        {
            store.Save(Articles.Make("a1", "UK and India sign AI memorandum", Day, ["bilateral"]));
        }

        var env = new Dictionary<string, string> { ["NewsDesk__Storage__Path"] = temp.File("n.db") };
        var export = await CliProcess.RunAsync(temp.Path, env, "export", "--format", "parquet", "--out", temp.File("a.parquet"));
        Assert.True(export.ExitCode == 0, export.Stderr);

        await using (var file = File.OpenRead(temp.File("a.parquet")))
        {
            await using var reader = await ParquetReader.CreateAsync(file, cancellationToken: TestContext.Current.CancellationToken);
            var fields = reader.Schema.Fields.OfType<Parquet.Schema.DataField>().ToDictionary(f => f.Name);
            foreach (var name in new[] { "published", "ingested" })
            {
                var element = reader.Metadata!.Schema.Single(e => e.Name == name);
                Assert.Equal(Parquet.Meta.Type.INT64, element.Type);
                Assert.True(element.LogicalType?.TIMESTAMP?.IsAdjustedToUTC, name);
            }

            foreach (var name in new[] { "id", "url", "title", "source_kind", "feed_id", "summary", "summary_method", "text_source", "evidence", "text" })
            {
                Assert.False(fields[name].IsNullable, name);
            }

            Assert.True(fields["published"].IsNullable);
            Assert.True(fields["source"].IsNullable);
        }

        await using var again = File.OpenRead(temp.File("a.parquet"));
        var rows = (await ParquetSerializer.DeserializeAsync<ParquetExportRow>(again, cancellationToken: TestContext.Current.CancellationToken)).Data;
        Assert.Equal(Day.UtcDateTime, Assert.Single(rows).published);
    }
}
