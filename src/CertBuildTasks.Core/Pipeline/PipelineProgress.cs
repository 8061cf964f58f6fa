namespace CertBuildTasks.Pipeline;

/// <summary>
/// What a stage has done so far, for a front end's progress line (the certbuild tool on a terminal):
/// a stage starts with <paramref name="total"/> 0; long stages (the gate over thousands of
/// certificates) report every item. It may be called from several threads at once.
/// </summary>
/// <param name="what">What is counted ("certificate files read"); empty when a stage starts.</param>
public delegate void PipelineProgress(PipelineStage stage, string what, int done, int total);
