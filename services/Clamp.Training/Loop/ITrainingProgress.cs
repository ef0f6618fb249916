namespace Clamp.Training.Loop;

/// <summary>Where a training run reports progress: a progress bar on a terminal, log lines otherwise.</summary>
public interface ITrainingProgress
{
    void Log(string message);

    /// <summary>Runs one stage of <paramref name="steps"/> steps; the body reports each step.</summary>
    void RunStage(string name, int steps, Action<IStageProgress> body);
}

public interface IStageProgress
{
    /// <summary>One step done, with its loss and the patches it processed.</summary>
    void Step(double loss, int patches);
}
