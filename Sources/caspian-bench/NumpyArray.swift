import Foundation

/// Reads and writes the simple `.npy` format (version 1.0, C order, little-endian), enough to
/// hand a cost grid and paths to NumPy and back.
enum NumpyArray {
  struct FormatError: Error, LocalizedError, CustomStringConvertible {
    let path: String
    let problem: String
    var description: String { "\(path): \(problem)" }
    var errorDescription: String? { description }
  }

  /// The bytes of an `.npy` file: `descr` is the NumPy dtype (`<f4`, `<i4`), `payload` the
  /// little-endian values in C order.
  static func encode(descr: String, shape: [Int], payload: Data) -> Data {
    let shapeText =
      shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ", ") + ")"
    var header = "{'descr': '\(descr)', 'fortran_order': False, 'shape': \(shapeText), }"
    // Magic (6) + version (2) + header length (2) + header, padded so the data starts on 64 bytes.
    let unpadded = 10 + header.utf8.count + 1
    header += String(repeating: " ", count: (64 - unpadded % 64) % 64) + "\n"
    var data = Data([0x93] + Array("NUMPY".utf8) + [1, 0])
    let length = UInt16(header.utf8.count)
    data.append(contentsOf: [UInt8(length & 0xFF), UInt8(length >> 8)])
    data.append(contentsOf: Array(header.utf8))
    data.append(payload)
    return data
  }

  static func encode(_ values: [Float32], shape: [Int]) -> Data {
    encode(descr: "<f4", shape: shape, payload: values.withUnsafeBytes { Data($0) })
  }

  static func encode(_ values: [Int32], shape: [Int]) -> Data {
    encode(descr: "<i4", shape: shape, payload: values.withUnsafeBytes { Data($0) })
  }

  /// Reads a 2-D little-endian float32 array.
  static func readFloat32Matrix(at url: URL) throws -> (rows: Int, cols: Int, values: [Float32]) {
    let data = try Data(contentsOf: url, options: .mappedIfSafe)
    guard data.count >= 10, data.prefix(6) == Data([0x93] + Array("NUMPY".utf8)) else {
      throw FormatError(path: url.path, problem: "not a .npy file")
    }
    let headerLength = Int(data[data.startIndex + 8]) | Int(data[data.startIndex + 9]) << 8
    guard data.count >= 10 + headerLength,
      let header = String(data: data.subdata(in: 10..<(10 + headerLength)), encoding: .ascii),
      header.contains("'descr': '<f4'"), header.contains("'fortran_order': False"),
      let open = header.range(of: "'shape': ("), let close = header[open.upperBound...].firstIndex(of: ")")
    else {
      throw FormatError(path: url.path, problem: "expected a C-order little-endian float32 array")
    }
    let dims = header[open.upperBound..<close].split(separator: ",").compactMap {
      Int($0.trimmingCharacters(in: .whitespaces))
    }
    guard dims.count == 2, data.count == 10 + headerLength + dims[0] * dims[1] * 4 else {
      throw FormatError(path: url.path, problem: "expected a 2-D array whose size matches its shape")
    }
    var values = [Float32](repeating: 0, count: dims[0] * dims[1])
    values.withUnsafeMutableBytes { _ = data.suffix(from: 10 + headerLength).copyBytes(to: $0) }
    return (dims[0], dims[1], values)
  }
}
