import Dispatch
import Foundation
import IDCheck

/// Runs the files of a batch on worker threads with bounded memory and hands the outcomes to the
/// writer **in the inputs' order**, each as soon as it and every file before it are finished.
///
/// - **Bounded:** at most `jobs` files run at once (not counting workers that wait, holding no
///   image, for a card the other side's worker verifies: ``CardPairResults``; one that must then
///   verify after all waits for a slot again before it decodes), and at most
///   ``window`` files are between the
///   oldest one not yet written and the newest one started (finished results waiting for a slow
///   earlier file are light: the report, never the image). Paths come from a lazy iterator.
/// - **In order:** the output, and so the cross-document indicators ("an earlier document"), are
///   the same whatever the number of jobs and however often the run was interrupted.
/// - **Timeouts:** a file running longer than `timeout` gets a timeout result and its slot is
///   freed. Its thread cannot be stopped safely (Swift has no thread cancellation that would not
///   leak locks or memory), so it is *abandoned*: it runs on in the background, its result is
///   dropped when it ends, and it is not waited for at exit (the process ending ends it). At
///   most `jobs` abandoned threads may run at once; beyond that no new file starts until one ends.
/// - **Interrupts:** after a first SIGINT no new file starts and the files in flight finish
///   (each bounded by the timeout); a second SIGINT, or SIGTERM, abandons them at once. Either
///   way every finished result that can be written in order is written, so the output stays a
///   valid prefix and the next run resumes after it.
final class BatchScheduler {
    /// State shared with the worker threads and the signal handler.
    private final class Shared: Sendable {
        struct State {
            var inbox: [Int: BatchItemOutcome] = [:]
            var hashed: [Int: InputReference] = [:]
            var abandoned: Set<Int> = []
            /// Files whose worker waits for a card the other side's worker verifies: they hold
            /// no image and need no processor, so their slots run other files meanwhile.
            var waiting: Set<Int> = []
            /// Waiting files whose worker has to verify after all: each blocks on its gate until
            /// the scheduler has a slot for it (they are served before new files start).
            var resuming: [Int: DispatchSemaphore] = [:]
            var interrupts = 0
            var terminated = false
        }

        let state = Locked(State())
        let wake = DispatchSemaphore(value: 0)
    }

    /// How a run ended.
    enum Ending {
        case completed
        case interrupted
    }

    let jobs: Int
    let window: Int
    let timeout: Duration?
    let processor: BatchItemProcessor
    let done: BatchDoneSet
    private let shared = Shared()
    private var signalSources: [any DispatchSourceSignal] = []

    init(jobs: Int, timeout: Duration?, processor: BatchItemProcessor, done: BatchDoneSet) {
        self.jobs = max(1, jobs)
        window = max(8, 4 * self.jobs)
        self.timeout = timeout
        self.processor = processor
        self.done = done
    }

    /// Catches SIGINT and SIGTERM for the rest of the process (see the type's documentation).
    func handleSignals() {
        for (number, terminates) in [(SIGINT, false), (SIGTERM, true)] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            let shared = self.shared
            source.setEventHandler {
                shared.state.withLock { state in
                    if terminates { state.terminated = true } else { state.interrupts += 1 }
                }
                shared.wake.signal()
            }
            source.resume()
            signalSources.append(source)
        }
    }

    /// Runs every path of `paths`; `deliver` gets each outcome in order, `tick` is called at
    /// least every 200 ms (for the progress bar).
    func run(paths: inout BatchInputs.Iterator, deliver: (BatchItemOutcome) throws -> Void, tick: () -> Void) throws -> Ending {
        var nextIndex = 0, writeIndex = 0
        var running: [Int: (path: String, started: ContinuousClock.Instant)] = [:]
        var ready: [Int: BatchItemOutcome] = [:]
        var exhausted = false
        while true {
            let (interrupts, terminated, abandoned) = shared.state.withLock { ($0.interrupts, $0.terminated, $0.abandoned.count) }
            let stopping = interrupts > 0 || terminated
            // Collect what finished, then time out what overran.
            let finished = shared.state.withLock { state in
                defer { state.inbox.removeAll(keepingCapacity: true) }
                return state.inbox
            }
            for (index, outcome) in finished {
                running[index] = nil
                ready[index] = outcome
            }
            if let timeout {
                let now = ContinuousClock.now
                for (index, entry) in running where now - entry.started > timeout {
                    let reference: InputReference? = shared.state.withLock { state in
                        guard state.inbox[index] == nil else { return nil } // it just finished: take its result next round
                        state.abandoned.insert(index)
                        return state.hashed[index] ?? InputReference(path: entry.path, sha256: "")
                    }
                    guard var reference else { continue }
                    if reference.sha256.isEmpty, let bytes = try? FileBytes.read(path: entry.path, maxBytes: processor.maxFileBytes) {
                        reference = .file(entry.path, bytes: bytes)
                    }
                    running[index] = nil
                    ready[index] = .result(processor.timeout(reference, seconds: BatchProgress.seconds(timeout)))
                }
            }
            while let outcome = ready.removeValue(forKey: writeIndex) {
                try deliver(outcome)
                writeIndex += 1
            }
            if terminated || interrupts >= 2 { return .interrupted }
            // Workers that waited and now verify take the free slots first, then new files start.
            let waiting = resumeWaitingWorkers(running: running)
            while !stopping, !exhausted, running.count - waiting < jobs, abandoned < jobs, nextIndex - writeIndex < window {
                guard let path = paths.next() else {
                    exhausted = true
                    break
                }
                start(index: nextIndex, path: path)
                running[nextIndex] = (path, .now)
                nextIndex += 1
            }
            if (exhausted || stopping), running.isEmpty, ready.isEmpty {
                return stopping ? .interrupted : .completed
            }
            tick()
            var wait = Duration.milliseconds(200)
            if let timeout, let oldest = running.values.map(\.started).min() {
                wait = min(wait, max(.milliseconds(1), oldest + timeout - .now))
            }
            _ = shared.wake.wait(timeout: .now() + .nanoseconds(Int(BatchProgress.seconds(wait) * 1e9)))
        }
    }

    /// Lets workers that waited for a card and must verify it after all go on, as long as fewer
    /// than `jobs` files of `running` are being worked on (an abandoned one goes on at once: it
    /// counts among the abandoned). Returns how many running files then wait and hold no slot.
    private func resumeWaitingWorkers(running: [Int: (path: String, started: ContinuousClock.Instant)]) -> Int {
        let jobs = self.jobs
        return shared.state.withLock { state in
            var working = running.keys.filter { !state.waiting.contains($0) }.count
            for index in state.resuming.keys.sorted() {
                guard let gate = state.resuming[index] else { continue }
                if running[index] != nil {
                    guard working < jobs else { continue }
                    working += 1
                }
                state.resuming[index] = nil
                state.waiting.remove(index)
                gate.signal()
            }
            return running.keys.filter(state.waiting.contains).count
        }
    }

    private func start(index: Int, path: String) {
        let shared = self.shared, processor = self.processor, done = self.done
        let thread = Thread {
            let outcome = processor.process(
                path: path,
                hashed: { reference in shared.state.withLock { $0.hashed[index] = reference } },
                isDone: { !done.take($0, listedAt: index) },
                waiting: { waits in
                    if waits {
                        shared.state.withLock { _ = $0.waiting.insert(index) }
                        shared.wake.signal()
                    } else {
                        // Back to work: wait for the scheduler to give this file a slot again.
                        let gate = DispatchSemaphore(value: 0)
                        shared.state.withLock { $0.resuming[index] = gate }
                        shared.wake.signal()
                        gate.wait()
                    }
                })
            shared.state.withLock { state in
                state.hashed[index] = nil
                state.waiting.remove(index)
                if state.abandoned.remove(index) != nil { return }
                state.inbox[index] = outcome
            }
            shared.wake.signal()
        }
        thread.stackSize = 8 << 20
        thread.start()
    }
}
