using Monitoring.ManagementPack;

return BuildCommand.Run(args, Directory.GetCurrentDirectory(), Console.Out, Console.Error);
