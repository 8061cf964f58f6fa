namespace CertBuildTasks.Bundle;

/// <summary>
/// The renames that swap a published bundle in. The file system's own are used by builds; tests pass
/// ones that fail at a chosen step, to prove a failed swap leaves the previous bundle in place.
/// </summary>
public sealed record BundleMoves(Action<string, string> MoveFolder, Action<string, string> ReplaceFile)
{
    public static BundleMoves FileSystem { get; } = new(Directory.Move, static (from, to) => File.Move(from, to, overwrite: true));
}
