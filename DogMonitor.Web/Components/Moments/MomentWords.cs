using DogMonitor.Domain.Activity;
using DogMonitor.Domain.Moments;

namespace DogMonitor.Web.Components.Moments;

/// <summary>A moment in a person's words: what was noticed and for how long (cards, dialogs, the timeline's marks).</summary>
public static class MomentWords
{
    /// <summary>"Motion and sound", "Motion", "Sound", "Continuous sound".</summary>
    public static string What(Moment moment) => (moment.Kinds.HasFlag(ActivityKinds.Motion), moment.Kinds.HasFlag(ActivityKinds.Sound)) switch
    {
        (true, true) => moment.ContinuousSound ? "Motion and continuous sound" : "Motion and sound",
        (true, false) => "Motion",
        _ => moment.ContinuousSound ? "Continuous sound" : "Sound",
    };

    /// <summary>How long the activity lasted: "4 s", "1 min 12 s".</summary>
    public static string Length(Moment moment)
    {
        var seconds = Math.Max(1, (int)Math.Round((moment.EndedAt - moment.StartedAt).TotalSeconds));
        return seconds < 60 ? $"{seconds} s" : $"{seconds / 60} min {seconds % 60} s";
    }
}
