using Cmms.Data.Bench.CommandLine;

return await BenchApp.RunAsync(args, new BenchConsole(Console.Out, Console.Error)).ConfigureAwait(false);
