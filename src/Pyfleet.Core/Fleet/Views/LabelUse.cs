namespace Pyfleet.Core.Fleet.Views;

/// <summary>A label (site or application) and how many distinct environments of latest snapshots carry it.</summary>
public sealed record LabelUse(string Label, int Environments);
