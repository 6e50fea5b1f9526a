import IDCheck

extension VerifyReport {
    /// The same report with image `page` first and the others after it in their order: a card
    /// verified once, as the line of the file at `page` shows it. Page numbers (the sides found,
    /// the evidence) follow their images; the findings themselves do not depend on the order
    /// (`verify --same-document` front back and back front agree, tested). `input` names that
    /// image as the line's own file was given (the other worker named it by its absolute path).
    func leading(page: Int, as input: InputReference) -> VerifyReport {
        var report = leading(page: page)
        guard !report.inputs.isEmpty else { return report }
        report.input = input
        report.inputs[0].path = input.path
        report.mrz?.input = input
        return report
    }

    func leading(page: Int) -> VerifyReport {
        guard page > 0, inputs.indices.contains(page) else { return self }
        // New position → old, and old → new.
        var order = Array(inputs.indices)
        order.remove(at: page)
        order.insert(page, at: 0)
        var moved = [Int](repeating: 0, count: order.count)
        for (new, old) in order.enumerated() { moved[old] = new }
        func follow(_ old: Int) -> Int { moved.indices.contains(old) ? moved[old] : old }

        var report = self
        report.inputs = order.map { inputs[$0] }
        report.input = InputReference(path: inputs[page].path, sha256: inputs[page].sha256)
        report.mrz?.input = report.input
        report.model?.sides = (model?.sides ?? []).map { side in
            var side = side
            side.page = follow(side.page)
            return side
        }
        report.indicators = indicators.map { indicator in
            var indicator = indicator
            indicator.evidence.page = indicator.evidence.page.map(follow)
            return indicator
        }
        return report
    }
}
