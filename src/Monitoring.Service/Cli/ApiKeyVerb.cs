using System.CommandLine;
using System.Globalization;
using Monitoring.Core.Access;
using Monitoring.Storage.Access;

namespace Monitoring.Service.Cli;

/// <summary><c>apikey create --name N --role R</c>, <c>apikey revoke N</c>, <c>apikey list</c>: API keys in the database.</summary>
/// <remarks>The key is printed once, alone on the last line of stdout, and never logged; only its hash is stored.
/// Every create and revoke, refused ones included, goes to the audit trail as <c>cli:USER</c>.</remarks>
internal static class ApiKeyVerb
{
    public static Command Create(GlobalOptions global)
    {
        var command = new Command("apikey", "Create, revoke and list API keys for the REST API.");
        command.Subcommands.Add(CreateCommand(global));
        command.Subcommands.Add(RevokeCommand(global));
        command.Subcommands.Add(ListCommand(global));
        return command;
    }

    private static string Actor => "cli:" + Environment.UserName;

    private static Command CreateCommand(GlobalOptions global)
    {
        var name = new Option<string>("--name") { Description = $"The key's name: {ApiKeyStore.NameRule}.", Required = true };
        var role = new Option<string>("--role") { Description = "reader (reads), operator (acts on alerts and tips), admin (configuration, keys, audit).", Required = true };
        role.AcceptOnlyFromAmong([.. ApiRoles.All.Select(ApiRoles.Name)]);
        var command = new Command("create", "Create a key; prints it once, alone on the last line of stdout.") { name, role };
        command.SetAction((parse, ct) => CliApplication.GuardAsync(parse, global, async () =>
        {
            var keyName = parse.GetValue(name)!;
            if (!ApiKeyStore.IsValidName(keyName) || !ApiRoles.TryParse(parse.GetValue(role), out var keyRole))
            {
                await Console.Error.WriteLineAsync($"usage: --name: {ApiKeyStore.NameRule}; --role: reader, operator or admin").ConfigureAwait(false);
                return ExitCodes.UsageError;
            }

            await using var context = await VerbContext.OpenAsync(parse, global, ct).ConfigureAwait(false);
            try
            {
                var key = await context.Get<ApiKeyStore>().CreateAsync(keyName, keyRole, Actor, ct).ConfigureAwait(false);
                await Console.Out.WriteLineAsync($"created API key '{keyName}' with the {ApiRoles.Name(keyRole)} role; it is shown this once, keep it safe:").ConfigureAwait(false);
                await Console.Out.WriteLineAsync(key).ConfigureAwait(false);
                return ExitCodes.Success;
            }
            catch (ApiKeyException e)
            {
                await Console.Error.WriteLineAsync($"apikey create: {e.Message}").ConfigureAwait(false);
                return ExitCodes.TargetFailed;
            }
        }));
        return command;
    }

    private static Command RevokeCommand(GlobalOptions global)
    {
        var name = new Argument<string>("name") { Description = "The key's name." };
        var command = new Command("revoke", "Revoke a key: the next request that carries it is refused (401).") { name };
        command.SetAction((parse, ct) => CliApplication.GuardAsync(parse, global, async () =>
        {
            var keyName = parse.GetValue(name)!;
            await using var context = await VerbContext.OpenAsync(parse, global, ct).ConfigureAwait(false);
            try
            {
                await context.Get<ApiKeyStore>().RevokeAsync(keyName, Actor, ct).ConfigureAwait(false);
                await Console.Out.WriteLineAsync($"revoked API key '{keyName}'").ConfigureAwait(false);
                return ExitCodes.Success;
            }
            catch (ApiKeyException e)
            {
                await Console.Error.WriteLineAsync($"apikey revoke: {e.Message}").ConfigureAwait(false);
                return ExitCodes.TargetFailed;
            }
        }));
        return command;
    }

    private static Command ListCommand(GlobalOptions global)
    {
        var command = new Command("list", "List keys (names, roles, dates; never the keys).");
        command.SetAction((parse, ct) => CliApplication.GuardAsync(parse, global, async () =>
        {
            await using var context = await VerbContext.OpenAsync(parse, global, ct).ConfigureAwait(false);
            var table = new Output.TextTable("NAME", "ROLE", "CREATED", "BY", "REVOKED", "BY");
            foreach (var key in await context.Get<ApiKeyStore>().ListAsync(ct).ConfigureAwait(false))
            {
                table.Add(key.Name, ApiRoles.Name(key.Role), Time(key.CreatedAt), key.CreatedBy, key.RevokedAt is { } at ? Time(at) : null, key.RevokedBy);
            }

            table.WriteTo(Console.Out);
            return ExitCodes.Success;
        }));
        return command;
    }

    private static string Time(DateTimeOffset at) => at.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
