import IDCheck

/// The files that already have a line, keyed on path and SHA-256 of the bytes: a file whose
/// bytes changed since is done again (and gets a second line with its new SHA-256).
///
/// Kept compact for runs of millions of files: 16 bytes per file — the first 8 bytes of the
/// file's SHA-256 and a 64-bit FNV-1a hash of its path (a false "done" needs both to collide).
/// Shared by the workers (who skip done or already taken files before decoding) and the writer
/// (who adds each line's key and drops a second line for the same key).
final class BatchDoneSet: Sendable {
    struct Key: Hashable, Sendable {
        var path: UInt64
        var content: UInt64

        init(_ input: InputReference) {
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in (input.path ?? "").utf8 {
                hash ^= UInt64(byte)
                hash &*= 0x0000_0100_0000_01b3
            }
            path = hash
            content = UInt64(input.sha256.prefix(16), radix: 16) ?? 0
        }
    }

    private struct State {
        var done: Set<Key> = []
        /// Files a worker has taken on in this run and whose line is not written yet, with the
        /// listing (the input's index) that took it: a path listed twice is worked on once, by
        /// its first listing, as the lines' order requires.
        var taken: [Key: Int] = [:]
    }

    private let state = Locked(State())

    var count: Int { state.withLock { $0.done.count } }

    func contains(_ input: InputReference) -> Bool {
        let key = Key(input)
        return state.withLock { $0.done.contains(key) }
    }

    /// Whether the worker of the input listed at `index` may take `input` on: not done
    /// (``contains(_:)``) and not taken by an earlier listing of it; it is taken then. A later
    /// listing that took it first (their workers raced) goes on too, and its result is dropped
    /// by the writer (``insert(_:)``): the line is the first listing's, in its place.
    func take(_ input: InputReference, listedAt index: Int) -> Bool {
        let key = Key(input)
        return state.withLock { state in
            guard !state.done.contains(key) else { return false }
            if let claimant = state.taken[key], claimant < index { return false }
            state.taken[key] = index
            return true
        }
    }

    /// Adds the key; `false` when it was already there.
    @discardableResult
    func insert(_ input: InputReference) -> Bool {
        let key = Key(input)
        return state.withLock { state in
            // Written: no longer in flight (the set stays 16 bytes a file).
            state.taken[key] = nil
            return state.done.insert(key).inserted
        }
    }
}
