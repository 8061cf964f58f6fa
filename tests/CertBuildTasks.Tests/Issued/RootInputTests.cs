using CertBuildTasks.Pipeline;
using CertBuildTasks.Policy;

namespace CertBuildTasks.Tests.Issued;

/// <summary>The TrustedRootCertificate metadata (and certbuild's --roots) as the gate reads it: names only, any case.</summary>
public sealed class RootInputTests
{
    [Theory]
    [InlineData("internal", AuthorityKind.Internal)]
    [InlineData("Public", AuthorityKind.Public)]
    [InlineData(" INTERNAL ", AuthorityKind.Internal)]
    [InlineData("", null)]
    [InlineData(null, null)]
    [InlineData("1", null)] // a number is no name (Enum.TryParse would take it)
    [InlineData("internal,public", null)]
    [InlineData("enterprise", null)]
    public void The_authority_is_internal_or_public(string? value, AuthorityKind? expected) =>
        Assert.Equal(expected, IssuedStage.RootInput.ParseAuthority(value));

    [Theory]
    [InlineData("Root", true)]
    [InlineData("intermediate", false)]
    [InlineData(" Intermediate ", false)]
    [InlineData("", null)]
    [InlineData(null, null)]
    [InlineData("leaf", null)]
    public void The_role_is_root_or_intermediate(string? value, bool? expected) =>
        Assert.Equal(expected, IssuedStage.RootInput.ParseRole(value));
}
