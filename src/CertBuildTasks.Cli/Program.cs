using CertBuildTasks.Cli;
using CertBuildTasks.Cli.Commands;

// certbuild: see docs/cli.md. Ctrl+C cancels the run (nothing half-written is left: every output is
// written atomically) and exits with code 2.
using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

var context = new CommandContext(Console.Out, Console.Error, Environment.CurrentDirectory, !Console.IsErrorRedirected, cancellation.Token);
return CommandLine.Run(args, context);
