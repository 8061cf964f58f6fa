using CertBuildTasks.Cli.Arguments;
using CertBuildTasks.Cli.Commands;
using CertBuildTasks.Cli.Output;
using CertBuildTasks.Diagnostics;
using CertBuildTasks.Pipeline;

namespace CertBuildTasks.Cli;

/// <summary>
/// certbuild's entry: picks the command, parses its options, runs it and prints its result. Nothing
/// escapes as an unhandled exception: a bad command line is exit code 2 with what was wrong, a
/// failure of the tool is CBT9000 (exit code 2), Ctrl+C stops with exit code 2 and no output written.
/// </summary>
internal static class CommandLine
{
    public static readonly IReadOnlyList<Command> Commands =
        [new ValidateCommand(), new PlanCommand(), new GateCommand(), new CheckDeployedCommand(), new BundleCommand(), new ConvertCommand()];

    public static int Run(IReadOnlyList<string> arguments, CommandContext context)
    {
        if (arguments.Count == 0 || arguments[0] is "--help" or "-h" or "-?" or "help")
        {
            context.Out.Write(HelpText.Overview(Commands));
            return arguments.Count == 0 ? ExitCodes.CouldNotRun : ExitCodes.Clean;
        }

        if (arguments[0] is "--version")
        {
            context.Out.WriteLine(ToolVersion.Current);
            return ExitCodes.Clean;
        }

        var command = Commands.FirstOrDefault(c => c.Name == arguments[0]);
        if (command is null)
        {
            return Usage(context, $"'{arguments[0]}' is not a certbuild command ({string.Join(", ", Commands.Select(c => c.Name))})", null);
        }

        ParsedArguments parsed;
        OutputFormat format;
        try
        {
            // --help is an option like the others: as the value of another option, or after "--", it is not a request for help.
            parsed = ArgumentParser.Parse([.. arguments.Skip(1)], [.. command.Options, Options.Help, Options.HelpShort], command.MaxPositional, "certbuild " + command.Name);
            if (parsed.Has(Options.Help.Name) || parsed.Has(Options.HelpShort.Name))
            {
                context.Out.Write(HelpText.For(command));
                return ExitCodes.Clean;
            }

            format = Format(parsed);
        }
        catch (UsageException ex)
        {
            return Usage(context, ex.Message, command);
        }

        try
        {
            var result = command.Run(context, parsed);
            ResultWriter.Write(result, format, parsed.Has(Options.Quiet.Name), context);
            return result.ExitCode;
        }
        catch (UsageException ex)
        {
            return Usage(context, ex.Message, command);
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            context.Error.WriteLine($"certbuild {command.Name}: cancelled; no output was written");
            return ExitCodes.CouldNotRun;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The contract of the tasks (never MSB4018) holds here too: a failure of the tool is a finding.
            var failure = Diagnostic.Create(InternalDiagnostics.UnexpectedFailure, SourceLocation.None, "certbuild " + command.Name, ex.GetType().Name + ": " + ex.Message);
            var result = new CommandResult(command.Name, [failure], [], "failed unexpectedly", HelpBaseOrNone(parsed));
            ResultWriter.Write(result, format, parsed.Has(Options.Quiet.Name), context);
            context.Error.WriteLine(ex.ToString());
            return result.ExitCode;
        }
    }

    private static OutputFormat Format(ParsedArguments parsed) => parsed.Value(Options.Format.Name) switch
    {
        null or "text" => OutputFormat.Text,
        "json" => OutputFormat.Json,
        var other => throw new UsageException($"{Options.Format.Name}: '{other}' is not text or json"),
    };

    /// <summary>The rule pages' base for a failure of the tool itself, which may have come before the command read its options.</summary>
    private static Uri? HelpBaseOrNone(ParsedArguments parsed)
    {
        try
        {
            return PipelineRun.HelpBase(parsed);
        }
        catch (UsageException)
        {
            return null;
        }
    }

    private static int Usage(CommandContext context, string message, Command? command)
    {
        context.Error.WriteLine($"certbuild{(command is null ? string.Empty : " " + command.Name)}: error: {message}");
        context.Error.WriteLine(command is null ? "Run 'certbuild --help' for the commands." : $"Run 'certbuild {command.Name} --help' for its options.");
        return ExitCodes.CouldNotRun;
    }
}
