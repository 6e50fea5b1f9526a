import Dispatch

/// The cards of a batch verified once. A card scanned as two files (``CardSides``) is one
/// document and each file's line carries the card's report: the first of the two files to reach
/// a worker verifies the card (both images, in the card's own order, ``CardPair``); the other
/// file's worker takes that result, waiting for it while it is being computed, instead of
/// verifying the same two images again.
///
/// Only reports and cross-document facts are kept, never images, and only until the other file
/// takes them. A result whose other file never comes (not among the inputs, or done by an earlier
/// run) is dropped once ``capacity`` newer ones are waiting; that file, if it comes after all, is
/// verified on its own worker as before.
final class CardPairResults: Sendable {
    /// A card verified: its report with the pages in the card's order, and the cross-document
    /// facts of the page that holds the MRZ.
    struct Result: Sendable {
        var report: VerifyReport
        var facts: CrossDocumentFacts?
        var mrzPage: Int?
    }

    /// What a worker is to do for a card.
    enum Claim {
        /// Verify it, then hand the result (or `nil`) to ``finish(_:with:)``.
        case verify
        /// The other file's worker verified it.
        case verified(Result)
    }

    private enum Entry {
        /// Being verified; `waiting` workers wait on the semaphore for it.
        case pending(DispatchSemaphore, waiting: Int)
        case done(Result)
    }

    private struct State {
        var entries: [String: Entry] = [:]
        /// Keys of stored results, oldest first (some taken since).
        var stored: [String] = []
    }

    private let state = Locked(State())
    /// Results kept for files that have not come yet.
    let capacity: Int

    init(capacity: Int = 256) {
        self.capacity = max(1, capacity)
    }

    /// Who verifies the card `key`: this worker (``Claim/verify``: it must call
    /// ``finish(_:with:)``), or nobody more (``Claim/verified(_:)``: taken, after waiting for the
    /// worker verifying it when it is not finished yet).
    /// `waiting` is told `true` before such a wait. Nothing is told after it: the worker holds no
    /// image while it takes the result, and one that has to verify after all (``Claim/verify``
    /// after a wait) tells its scheduler so itself, before it decodes anything.
    func claim(_ key: String, waiting: (Bool) -> Void = { _ in }) -> Claim {
        enum Next {
            case verify
            case take(Result)
            case wait(DispatchSemaphore)
        }
        let next: Next = state.withLock { state in
            switch state.entries[key] {
            case nil:
                state.entries[key] = .pending(DispatchSemaphore(value: 0), waiting: 0)
                return .verify
            case .done(let result)?:
                state.entries[key] = nil
                return .take(result)
            case .pending(let semaphore, let waiting)?:
                state.entries[key] = .pending(semaphore, waiting: waiting + 1)
                return .wait(semaphore)
            }
        }
        switch next {
        case .verify: return .verify
        case .take(let result): return .verified(result)
        case .wait(let semaphore):
            waiting(true)
            semaphore.wait()
            let result: Result? = state.withLock { state in
                guard case .done(let result)? = state.entries[key] else { return nil }
                state.entries[key] = nil
                return result
            }
            // The other worker had nothing to share (its side unreadable): verify here, alone.
            return result.map(Claim.verified) ?? .verify
        }
    }

    /// Ends this worker's verification of `key` (claimed with ``claim(_:)``): the result is kept
    /// for the card's other file, and whoever waits for it is woken; `nil` shares nothing.
    func finish(_ key: String, with result: Result?) {
        state.withLock { state in
            // Only the worker that claimed the card stores its result: one that verified after
            // a failed wait has nobody left to share with.
            guard case .pending(let semaphore, let waiting)? = state.entries[key] else { return }
            if let result {
                state.entries[key] = .done(result)
                state.stored.append(key)
                while state.stored.count > capacity {
                    let oldest = state.stored.removeFirst()
                    if case .done? = state.entries[oldest] { state.entries[oldest] = nil }
                }
            } else {
                state.entries[key] = nil
            }
            for _ in 0..<waiting { semaphore.signal() }
        }
    }
}
