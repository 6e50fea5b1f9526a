/// What a printed line may say, as a graph: every path from node 0 to the last node is one
/// acceptable text. An edge prints a short string (a digit, a month name, one letter of a name).
///
/// A field with a known format gets one node per character or token (`dd MMM yyyy`: a digit
/// node, …, a month-name node with 12 edges); a name gets one node per character of its MRZ
/// spelling, with an edge for every letter that transliterates to the characters it spans
/// (``NameSpellings``), so that `MÜLLER` and `MUELLER` are both paths of the graph for `MUELLER`.
struct LineGraph: Sendable {
    struct Edge: Sendable {
        /// The node reached; equal to the node left for an insertion (an apostrophe, a soft sign
        /// that the MRZ omits), which a path may take at most once per node.
        let to: Int
        let text: [Unicode.Scalar]
        /// What the edge means for a reading (the text itself, or a month's number).
        let label: String
    }

    /// Edges leaving each node; the last node has none.
    var edges: [[Edge]]

    var end: Int { edges.count - 1 }

    init(nodeCount: Int) {
        edges = Array(repeating: [], count: max(1, nodeCount))
    }

    mutating func add(from: Int, to: Int, text: String, label: String? = nil) {
        edges[from].append(Edge(to: to, text: Array(text.unicodeScalars), label: label ?? text))
    }

    /// A graph whose node `i` offers `slots[i]` (each alternative a string).
    init(slots: [[String]]) {
        self.init(nodeCount: slots.count + 1)
        for (index, alternatives) in slots.enumerated() {
            for alternative in alternatives { add(from: index, to: index + 1, text: alternative) }
        }
    }
}
