using BenchmarkDotNet.Running;
using NewsDesk.Benchmarks;

// `stages`: the per-stage BenchmarkDotNet micro-benchmarks (docs/benchmarks/performance.md); any further arguments go to BenchmarkDotNet.
if (args.Length > 0 && args[0] == "stages")
{
    BenchmarkRunner.Run<StageBenchmarks>(args: args[1..]);
    return 0;
}

// `extraction-hash --data DIR`: SHA-256 of all extractor outputs, to check that speed work changes none.
if (args.Length == 3 && args[0] == "extraction-hash" && args[1] == "--data")
{
    ExtractionOutputHash.Run(args[2]);
    return 0;
}

if (args.Length < 3 || args[0] != "extraction" || args[1] != "--data")
{
    Console.Error.WriteLine("usage: NewsDesk.Benchmarks extraction --data DIR");
    return 2;
}

if (!Directory.Exists(Path.Combine(args[2], "pages")))
{
    Console.Error.WriteLine($"Pages folder not found: {Path.Combine(args[2], "pages")}");
    return 2;
}

ExtractionBenchmark.Run(args[2]);
return 0;
