import Foundation

/// A value shared between the batch's threads, behind a lock that ThreadSanitizer can see.
///
/// The standard library's `Mutex` locks through a futex on Linux, inside a module that is not
/// built with the sanitizer: ThreadSanitizer then sees two threads change the guarded value with
/// nothing ordering them and reports a race that is not one (it did, now and then, on the
/// scheduler's inbox). `NSLock` locks a pthread mutex, whose calls the sanitizer intercepts.
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) {
        self.value = value
    }

    /// Runs `body` on the value with the lock held.
    func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
