using NewsDesk.Commands;

// `run` is the default command; see Commands/CommandLine.cs for the rest.
return await CommandLine.InvokeAsync(args);
