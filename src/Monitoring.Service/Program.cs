using Monitoring.Service.Cli;

return await CliApplication.RunAsync(args).ConfigureAwait(false);
