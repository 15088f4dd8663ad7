using NewsCorpus.Web.Compare;

namespace NewsCorpus.Web.Pages.Compare;

/// <summary>
/// A speakers or entities × articles grid: Label heads the first column, Unit names what is counted, and
/// MarkPartial flags rows only some articles carry (telling for entities; for speakers it is the rule).
/// AnchorBase goes before each passage link ("#a3-s5"): empty when the passage is on the same page.
/// </summary>
public sealed record CompareGridModel(Comparison Comparison, IReadOnlyList<GridRow> Rows, string Label, string Unit, bool MarkPartial, string AnchorBase);

/// <summary>Word families × articles.</summary>
public sealed record FramingTableModel(Comparison Comparison, IReadOnlyList<FramingRow> Rows, string Label, string AnchorBase);
