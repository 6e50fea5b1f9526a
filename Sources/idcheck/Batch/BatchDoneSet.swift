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

    private let keys = Locked<Set<Key>>([])
    /// Files a worker has taken on in this run (their line may not be written yet): a path
    /// listed twice is worked on once, its second listing skipped as soon as it is hashed.
    private let taken = Locked<Set<Key>>([])

    var count: Int { keys.withLock { $0.count } }

    func contains(_ input: InputReference) -> Bool {
        let key = Key(input)
        return keys.withLock { $0.contains(key) }
    }

    /// Whether a worker may take `input` on: not done (``contains(_:)``) and not taken by
    /// another worker of this run; it is taken then.
    func take(_ input: InputReference) -> Bool {
        let key = Key(input)
        guard !keys.withLock({ $0.contains(key) }) else { return false }
        return taken.withLock { $0.insert(key).inserted }
    }

    /// Adds the key; `false` when it was already there.
    @discardableResult
    func insert(_ input: InputReference) -> Bool {
        let key = Key(input)
        return keys.withLock { $0.insert(key).inserted }
    }
}
