using System.Text;
using CertBuildTasks.Cli.Arguments;
using CertBuildTasks.Cli.Commands;

namespace CertBuildTasks.Cli;

/// <summary>certbuild --help and certbuild COMMAND --help, made from the commands' own option lists (so the help cannot drift from what is parsed).</summary>
internal static class HelpText
{
    private const int Width = 100;

    public static string Overview(IReadOnlyList<Command> commands)
    {
        var text = new StringBuilder();
        text.Append("certbuild ").Append(Pipeline.ToolVersion.Current).Append(" — Lync Server 2013 / Skype for Business Server certificates as code\n\n");
        text.Append("Usage: certbuild COMMAND [options]\n\nCommands:\n");
        var width = commands.Max(c => c.Name.Length) + 4;
        foreach (var command in commands)
        {
            Wrap(text, "  " + command.Name.PadRight(width - 2), command.Summary, width);
        }

        text.Append("\n  --version".PadRight(width + 1)).Append("Print the version.\n");
        text.Append("  --help".PadRight(width)).Append("Show this help; 'certbuild COMMAND --help' shows a command's options.\n\n");
        text.Append(ExitCodeText);
        return text.ToString();
    }

    public static string For(Command command)
    {
        var text = new StringBuilder();
        text.Append("certbuild ").Append(command.Name).Append(" — ").Append(command.Summary).Append("\n\n");
        text.Append("Usage: certbuild ").Append(command.Name).Append(' ').Append(command.Usage).Append("\n\nOptions:\n");
        var options = command.Options.Append(Options.Help).ToList();
        var width = options.Max(o => Label(o).Length) + 4;
        foreach (var option in options)
        {
            Wrap(text, "  " + Label(option).PadRight(width - 2), option.Description + (option.Repeatable ? " May be repeated." : string.Empty), width);
        }

        text.Append('\n').Append(ExitCodeText);
        return text.ToString();
    }

    private const string ExitCodeText =
        "Exit codes: 0 no error (warnings and messages only), 1 errors found, 2 certbuild could not run\n" +
        "(a bad command line, a missing file, an output it could not write, an internal failure).\n";

    private static string Label(OptionSpec option) => option.Value is null ? option.Name : option.Name + " " + option.Value;

    /// <summary>The description wrapped at <see cref="Width"/> columns, indented under its label.</summary>
    private static void Wrap(StringBuilder text, string label, string description, int indent)
    {
        var line = new StringBuilder(label);
        foreach (var word in description.Split(' '))
        {
            if (line.Length + word.Length + 1 > Width && line.Length > indent)
            {
                text.Append(line.ToString().TrimEnd()).Append('\n');
                line.Clear().Append(' ', indent);
            }

            line.Append(word).Append(' ');
        }

        text.Append(line.ToString().TrimEnd()).Append('\n');
    }
}
