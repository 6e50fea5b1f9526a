#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads whole files with a size limit checked before any byte is read.
public enum FileBytes {
    /// The bytes of the file at `path`; refuses files larger than `maxBytes` without reading them.
    public static func read(path: String, maxBytes: Int) throws(ImageDecodingError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw .unreadableFile(path: path, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            throw .unreadableFile(path: path, reason: String(cString: strerror(errno)))
        }
        if (status.st_mode & S_IFMT) == S_IFDIR { throw .unreadableFile(path: path, reason: "is a directory") }
        let size = Int(status.st_size)
        if size > maxBytes { throw .fileTooLarge(bytes: size, limit: maxBytes) }
        var bytes = [UInt8](repeating: 0, count: size)
        var filled = 0
        while filled < size {
            let count = bytes.withUnsafeMutableBytes { buffer in
                Glibc.read(descriptor, buffer.baseAddress! + filled, size - filled)
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw .unreadableFile(path: path, reason: String(cString: strerror(errno)))
            }
            if count == 0 { break } // the file shrank while we read it
            filled += count
        }
        if filled < size { bytes.removeSubrange(filled...) }
        return bytes
    }
}
