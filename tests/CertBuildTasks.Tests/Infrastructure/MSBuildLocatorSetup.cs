using System.Runtime.CompilerServices;
using Microsoft.Build.Locator;

namespace CertBuildTasks.Tests.Infrastructure;

/// <summary>Registers the SDK's MSBuild before any test touches an MSBuild type.</summary>
internal static class MSBuildLocatorSetup
{
    [ModuleInitializer]
    internal static void Register()
    {
        if (!MSBuildLocator.IsRegistered)
        {
            MSBuildLocator.RegisterDefaults();
        }
    }
}
