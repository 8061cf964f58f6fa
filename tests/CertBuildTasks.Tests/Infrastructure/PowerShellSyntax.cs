using System.Management.Automation.Language;

namespace CertBuildTasks.Tests.Infrastructure;

/// <summary>The real PowerShell parser, and what of its tree Windows PowerShell 3.0–5.1 cannot run.</summary>
public static class PowerShellSyntax
{
    public static ScriptBlockAst Parse(string path, out ParseError[] errors) => Parser.ParseFile(path, out _, out errors);

    /// <summary>Syntax that Windows PowerShell 5.1 cannot run: ternary, ??, ??=, &amp;&amp;/||, ?. and ?[].</summary>
    public static IReadOnlyList<string> PowerShell6Syntax(Ast ast) =>
        [.. ast.FindAll(
            a => a is TernaryExpressionAst or PipelineChainAst ||
                 a is BinaryExpressionAst { Operator: TokenKind.QuestionQuestion } ||
                 a is AssignmentStatementAst { Operator: TokenKind.QuestionQuestionEquals } ||
                 a is MemberExpressionAst { NullConditional: true } ||
                 a is IndexExpressionAst { NullConditional: true },
            searchNestedScriptBlocks: true).Select(a => $"{a.GetType().Name} at line {a.Extent.StartLineNumber}: {a.Extent.Text}")];
}
