using DogMonitor.Domain.Search;

namespace DogMonitor.Web.Labels;

/// <summary>Labels in use, most used first: <c>{items: [{label, count}]}</c>.</summary>
public sealed record LabelListResponse(IReadOnlyList<LabelCount> Items);
