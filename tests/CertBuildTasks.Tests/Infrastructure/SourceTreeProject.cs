namespace CertBuildTasks.Tests.Infrastructure;

/// <summary>An SDK project that imports the targets and the task from this source tree, as the package would.</summary>
public static class SourceTreeProject
{
    /// <param name="items">What goes between the props and the targets (the Cert* items).</param>
    public static string Xml(string items, string sdk = "Microsoft.NET.Sdk") => $"""
        <Project Sdk="{sdk}">
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
            <CertBuildTasksAssemblyFile>{RepoPaths.TaskAssembly}</CertBuildTasksAssemblyFile>
          </PropertyGroup>
          <Import Project="{RepoPaths.PropsFile}" />
          {items}
          <Import Project="{RepoPaths.TargetsFile}" />
        </Project>
        """;
}
