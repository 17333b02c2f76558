using NewsDesk.Benchmarks;

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
