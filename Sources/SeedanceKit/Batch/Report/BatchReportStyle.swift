/// The report's whole style sheet, inline in its head: no outside asset, no script. Compact
/// rows and a sticky header keep 500 lines readable; thumbnails are shown at most 160 px.
enum BatchReportStyle {
    static let css: StaticString = """
        body { font: 13px/1.4 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0; color: #1d1d1f; background: #fff; }
        header { padding: 12px 16px 8px; border-bottom: 1px solid #d0d0d0; }
        h1 { font-size: 17px; margin: 0 0 4px; }
        header p { margin: 2px 0; }
        .total { font-size: 15px; }
        .muted, .note { color: #666; }
        table { border-collapse: separate; border-spacing: 0; width: 100%; }
        th, td { padding: 5px 6px; vertical-align: top; text-align: left; border-bottom: 1px solid #e4e4e4; }
        thead th { position: sticky; top: 0; z-index: 1; background: #f2f2f4; border-bottom: 1px solid #b8b8b8; white-space: nowrap; }
        tbody tr:nth-child(even) td { background: #fafafa; }
        tbody tr.invalid td { background: #fff1f0; }
        td.line { color: #666; font-variant-numeric: tabular-nums; }
        td.id { font-weight: 600; word-break: break-all; min-width: 5em; }
        td.cost, td.estimate { min-width: 6.5em; font-variant-numeric: tabular-nums; }
        .frame { display: flex; align-items: flex-start; gap: 6px; margin: 0 0 8px; }
        .frame:last-child { margin-bottom: 0; }
        .role { writing-mode: vertical-rl; transform: rotate(180deg); font-size: 11px; color: #666; text-transform: uppercase; letter-spacing: 0.05em; }
        figure { margin: 0; max-width: 124px; }
        figcaption { font-size: 11px; color: #555; }
        figcaption span { display: block; overflow-wrap: anywhere; }
        .arrow { align-self: center; color: #999; }
        img { display: block; max-width: 120px; max-height: 120px; width: auto; height: auto; background: #e8e8e8; border: 1px solid #ccc; }
        .placeholder { width: 84px; padding: 18px 4px; font-size: 11px; color: #666; background: #f0f0f0; border: 1px dashed #bbb; text-align: center; }
        ol, ul { margin: 0; padding-left: 18px; }
        td.plan { min-width: 10em; }
        td.plan ol { padding-left: 16px; }
        td.plan b { font-weight: 600; }
        td.request { min-width: 12em; max-width: 22em; }
        td.request li { list-style: none; margin-left: -18px; overflow-wrap: anywhere; }
        code.task { display: block; margin-top: 3px; overflow-wrap: anywhere; }
        td.video a { overflow-wrap: anywhere; }
        td.video { min-width: 7em; }
        code { font: 12px ui-monospace, "SFMono-Regular", Menlo, monospace; }
        td.problems { color: #b3261e; min-width: 12em; max-width: 280px; }
        td.outcome { min-width: 9.5em; max-width: 16em; }
        td.outcome div { font-size: 11px; overflow-wrap: anywhere; }
        .state { display: inline-block; padding: 1px 6px; border-radius: 8px; background: #e8e8e8; white-space: nowrap; }
        .state.downloaded { background: #d8f3dc; }
        .state.failed, .state.outcome_unknown { background: #fbd5d2; }
        .state.capped, .state.skipped { background: #fff0c2; }
        """
}
