using Cmms.Data.Tool.CommandLine;

return await CmmsDbApp.RunAsync(args, ToolConsole.FromProcess()).ConfigureAwait(false);
