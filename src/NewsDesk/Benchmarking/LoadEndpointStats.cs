namespace NewsDesk.Benchmarking;

/// <summary>One endpoint's share of a `bench load` run.</summary>
public sealed record LoadEndpointStats(string Endpoint, long Requests, long Errors, double P50Ms, double P99Ms);
