import Foundation
import IDCheck

/// The self-contained HTML report of `--html`: one file, images embedded as data URIs, the
/// document beside the specimen's reference image, each indicator linked to its region on the
/// image (and back), every value HTML-escaped.
enum VerifyHTML {
    static func page(report: VerifyReport, inspection: Inspection, redact: Bool) -> String {
        let examination = inspection.examination
        let title = report.inputs.compactMap(\.path).map { URL(fileURLWithPath: $0).lastPathComponent }.joined(separator: " + ")
        let verdict = report.verdict ?? "error"
        var html = """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>IDCheck: \(HTML.escape(verdict)) — \(HTML.escape(title))</title>
            <style>\(style)</style></head><body>
            <header class="\(HTML.escape(verdict))"><h1>\(HTML.escape(verdict.uppercased()))</h1>
            <p>\(HTML.escape(title)) — \(report.counts.critical) critical, \(report.counts.warning) warning, \(report.counts.info) info\(redact ? " — redacted" : "")</p></header>
            <main><section class="images">
            """
        for (index, page) in examination.pages.enumerated() {
            html += figure(page: page, index: index, report: report, inspection: inspection, redact: redact)
        }
        html += specimenFigure(examination.identification)
        html += "</section>\n<section><h2>Indicators</h2><ol class=\"indicators\">\n"
        for (number, indicator) in report.indicators.enumerated() {
            let id = number + 1
            let link = indicator.evidence.region != nil ? " <a class=\"where\" href=\"#r\(id)\">show on image</a>" : ""
            html += "<li id=\"i\(id)\" class=\"\(HTML.escape(indicator.severity))\"><span class=\"sev\">\(HTML.escape(indicator.severity))</span> "
            html += "<code>\(HTML.escape(indicator.code))</code>\(link)<p>\(HTML.escape(indicator.message))</p>"
            var rows: [(String, String)] = []
            if let expected = indicator.evidence.expected { rows.append(("expected", expected)) }
            if let observed = indicator.evidence.observed { rows.append(("observed", observed)) }
            if let span = indicator.evidence.mrzSpan { rows.append(("MRZ", "line \(span.line + 1), " + (span.end - span.start == 1 ? "column \(span.end)" : "columns \(span.start + 1)–\(span.end)"))) }
            if let score = indicator.evidence.score { rows.append(("score", String(score))) }
            if let deviation = indicator.deviation { rows.append(("deviation", deviation)) }
            if !rows.isEmpty {
                html += "<dl>" + rows.map { "<dt>\(HTML.escape($0.0))</dt><dd>\(HTML.escape($0.1))</dd>" }.joined() + "</dl>"
            }
            html += "</li>\n"
        }
        html += "</ol></section>\n"
        if let mrz = report.mrz, let lines = mrz.lines {
            html += "<section><h2>MRZ <small>\(HTML.escape(mrz.formatName ?? ""))</small></h2><pre class=\"mrz\">"
            html += lines.map(HTML.escape).joined(separator: "\n") + "</pre></section>\n"
        }
        if let model = report.model {
            html += "<section><h2>Model</h2><p>\(HTML.escape(modelSentence(model)))</p>"
            if !model.reasons.isEmpty { html += "<ul>" + model.reasons.map { "<li>\(HTML.escape($0))</li>" }.joined() + "</ul>" }
            html += "</section>\n"
        }
        html += "<section><h2>Not checked</h2><ul>" + report.notChecked.map { "<li>\(HTML.escape($0))</li>" }.joined()
        html += "</ul><p>A visible-light scan finds inconsistencies; it cannot prove a document genuine.</p></section>\n"
        html += provenanceSection(report)
        html += "</main></body></html>\n"
        return html
    }

    private static func modelSentence(_ model: VerifyReport.ModelEntry) -> String {
        switch model.status {
        case "identified": "Compared with \(model.id ?? "") (\(model.name ?? ""))" + (model.placement.map { ", placed by \($0)" } ?? "") + "."
        case "noMatchingModel": "No model of the library fits; nearest: \(model.nearest.joined(separator: ", "))."
        case "noModelForIssuer": "The specimen library has no model of this kind: not compared with a specimen."
        default: "No model identified (no MRZ)."
        }
    }

    private static func figure(page: Examination.Page, index: Int, report: VerifyReport, inspection: Inspection, redact: Bool) -> String {
        var image = (redact ? VerifyRedaction.mask(page.image, page: index, inspection: inspection) : page.image).converted(to: .rgb)
        let maps = inspection.examination.tamperingMaps.filter { $0.page == index }
        for map in maps { VerifyAnnotation.overlay(map, on: &image) }
        let width = image.width, height = image.height
        var svg = "<figure class=\"document\"><figcaption>Document, image \(index + 1): \(HTML.escape(URL(fileURLWithPath: page.label).lastPathComponent))</figcaption>"
        if let map = maps.first {
            // The legend of the heat map drawn into the image.
            svg += "<p class=\"heat\"><span class=\"swatch\"></span>Tampering heat map: blocks whose noise is foreign to the rest of the image are tinted, "
            svg += "the stronger the more foreign (\(map.blockSize) px blocks; highest \(Int((Double(map.maximum) * 100).rounded()))% of the level reported as tampering).</p>"
        }
        svg += "<svg viewBox=\"0 0 \(width) \(height)\" role=\"img\" aria-label=\"document image \(index + 1)\">"
        if let data = try? ImageEncoder.jpeg(image.converted(to: .rgb), quality: 85) {
            svg += "<image width=\"\(width)\" height=\"\(height)\" href=\"data:image/jpeg;base64,\(Data(data).base64EncodedString())\"/>"
        }
        let examination = inspection.examination
        let stroke = max(1.5, Double(max(width, height)) / 600)
        for view in examination.sides where view.page == index {
            guard let side = examination.model?.sides.first(where: { $0.name == view.side }) else { continue }
            svg += "<polygon class=\"zone\" stroke-width=\"\(stroke)\" points=\"\(points(view.placement.outline))\"><title>\(HTML.escape(view.side))</title></polygon>"
            for zone in side.zones {
                svg += "<polygon class=\"zone\" stroke-width=\"\(stroke / 2)\" points=\"\(points(view.placement.region(of: zone.box)))\"><title>\(HTML.escape(zone.id))</title></polygon>"
            }
        }
        if let geometry = examination.mrzGeometry, geometry.page == index {
            let valid = examination.zone?.isValid ?? false
            svg += "<polygon class=\"mrz \(valid ? "valid" : "invalid")\" stroke-width=\"\(stroke)\" points=\"\(points(geometry.location))\"><title>MRZ</title></polygon>"
        }
        for (number, indicator) in report.indicators.enumerated() where indicator.evidence.page == index {
            guard let region = indicator.evidence.region, region.count >= 3 else { continue }
            let id = number + 1
            let pointList = region.map { "\($0[0]),\($0[1])" }.joined(separator: " ")
            svg += "<a href=\"#i\(id)\"><polygon id=\"r\(id)\" class=\"finding \(HTML.escape(indicator.severity))\" stroke-width=\"\(stroke)\" points=\"\(pointList)\">"
            svg += "<title>\(id). \(HTML.escape(indicator.code))</title></polygon></a>"
            if indicator.severity != "info", let top = region.min(by: { $0[1] < $1[1] }) {
                svg += "<text class=\"label \(HTML.escape(indicator.severity))\" x=\"\(top[0])\" y=\"\(max(stroke * 8, top[1] - stroke * 2))\" font-size=\"\(stroke * 9)\">\(id)</text>"
            }
        }
        return svg + "</svg></figure>\n"
    }

    /// The identified model's reference image (or the nearest model's, labelled so).
    private static func specimenFigure(_ identification: ModelIdentification) -> String {
        let specimen = identification.model ?? identification.nearest.first
        guard let specimen, let side = specimen.mrzSide ?? specimen.sides.first else {
            return "<figure class=\"specimen empty\"><figcaption>Specimen</figcaption><p>No specimen: the library has no model of this kind, so the document was not compared with one.</p></figure>\n"
        }
        let caption = (identification.model == nil ? "Nearest model (does not fit): " : "Specimen: ") + "\(specimen.id), \(side.name)"
        let path = specimen.referencePath(of: side)
        guard let data = FileManager.default.contents(atPath: path) else {
            return "<figure class=\"specimen empty\"><figcaption>\(HTML.escape(caption))</figcaption><p>The reference image \(HTML.escape(side.reference)) is not in the library yet.</p></figure>\n"
        }
        let mime = path.lowercased().hasSuffix(".png") ? "image/png" : "image/jpeg"
        return "<figure class=\"specimen\"><figcaption>\(HTML.escape(caption))</figcaption><img alt=\"specimen \(HTML.escape(specimen.id))\" src=\"data:\(mime);base64,\(data.base64EncodedString())\"></figure>\n"
    }

    private static func provenanceSection(_ report: VerifyReport) -> String {
        var rows: [(String, String)] = report.inputs.enumerated().map { ("image \($0.offset + 1)", "\($0.element.path ?? "-") — SHA-256 \($0.element.sha256)") }
        rows.append(("check date", report.checkDate))
        if let provenance = report.provenance {
            rows.append(("tool", "idcheck \(provenance.toolVersion)"))
            if let library = provenance.specimenLibrary {
                rows.append(("specimen library", "\(library.directory) (\(library.source)), \(library.models.count) models, SHA-256 \(library.sha256)"))
                for problem in library.problems { rows.append(("library problem", problem)) }
            }
            if let list = provenance.watchList { rows.append(("watch list", "\(list.path), \(list.entries) entries, SHA-256 \(list.sha256)")) }
            rows.append(("thresholds", provenance.thresholds.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")))
            rows.append(("checks run", provenance.rules.joined(separator: ", ")))
        }
        return "<section><h2>Provenance</h2><table>" + rows.map { "<tr><th>\(HTML.escape($0.0))</th><td>\(HTML.escape($0.1))</td></tr>" }.joined() + "</table></section>\n"
    }

    private static func points(_ polygon: [Point]) -> String {
        polygon.map { "\(($0.x * 10).rounded() / 10),\(($0.y * 10).rounded() / 10)" }.joined(separator: " ")
    }

    static let style = """
        body{font:15px/1.45 system-ui,-apple-system,"DejaVu Sans",sans-serif;margin:0;color:#1b1f24;background:#f6f7f9}
        header{padding:14px 24px;color:#fff}header h1{margin:0;font-size:28px;letter-spacing:.04em}header p{margin:4px 0 0}
        header.consistent{background:#1d7a43}header.review{background:#b8620b}header.suspect{background:#b3261e}header.error{background:#555}
        main{padding:8px 24px 40px;max-width:1500px}
        section{margin:18px 0}h2{font-size:18px;margin:0 0 8px}
        .images{display:flex;flex-wrap:wrap;gap:16px;align-items:flex-start}
        figure{margin:0;flex:1 1 560px;background:#fff;border:1px solid #d5d9de;padding:8px}
        figure svg,figure img{width:100%;height:auto;display:block}figcaption{font-weight:600;margin-bottom:6px}
        figure.empty p{color:#666}
        polygon{fill:none}polygon.zone{stroke:#2f6fd6;stroke-opacity:.55}
        polygon.mrz.valid{stroke:#1d9a4b}polygon.mrz.invalid{stroke:#d62020}
        polygon.finding.critical{stroke:#d62020;fill:#d62020;fill-opacity:.15}
        polygon.finding.warning{stroke:#e08a14;fill:#e08a14;fill-opacity:.15}
        polygon.finding.info{stroke:#777;stroke-dasharray:4 3}
        polygon.finding:target{fill-opacity:.45;stroke-width:6px}
        text.label{font-weight:700}text.label.critical{fill:#d62020}text.label.warning{fill:#c27010}
        ol.indicators{padding-left:28px}ol.indicators li{background:#fff;border-left:5px solid #999;margin:6px 0;padding:6px 10px}
        li.critical{border-color:#d62020!important}li.warning{border-color:#e08a14!important}li:target{outline:2px solid #2f6fd6}
        .sev{text-transform:uppercase;font-size:12px;font-weight:700;margin-right:6px}li.critical .sev{color:#d62020}li.warning .sev{color:#c27010}li.info .sev{color:#666}
        li p{margin:4px 0}dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:4px 0;font-size:13px}dt{color:#555}dd{margin:0;font-family:monospace}
        pre.mrz{font:17px/1.4 "OCR B","OCR-B",monospace;background:#fff;border:1px solid #d5d9de;padding:10px;overflow-x:auto}
        table{border-collapse:collapse;font-size:13px}th{text-align:left;padding:3px 12px 3px 0;vertical-align:top;color:#555}td{font-family:monospace;word-break:break-all}
        a.where{font-size:13px;margin-left:8px}
        p.heat{font-size:13px;margin:0 0 6px;color:#444}.swatch{display:inline-block;width:14px;height:14px;margin-right:6px;vertical-align:-2px;background:linear-gradient(90deg,rgba(230,0,200,.1),rgba(230,0,200,.55));border:1px solid #b0a}
        """
}
