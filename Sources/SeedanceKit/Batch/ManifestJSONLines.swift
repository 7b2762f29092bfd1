internal import Foundation

/// Reads JSON Lines: each line that is not blank and does not start with `#` is one JSON object
/// whose values are scalars.
enum ManifestJSONLines {
    static func parse(_ bytes: [UInt8], limits: ManifestLimits) throws(ManifestError) -> ParsedRecords {
        var parsed = ParsedRecords()
        var lineNumber = 0
        let decoder = JSONDecoder()
        for rawLine in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            guard let start = rawLine.firstIndex(where: { !ManifestFormat.isSpace($0) }) else { continue }
            if rawLine[start] == UInt8(ascii: "#") { continue }
            guard rawLine.count <= limits.maxLineBytes else {
                parsed.errors.append(
                    ManifestError(
                        .tooLarge, line: lineNumber,
                        "the line has \(rawLine.count) bytes, over the limit of \(limits.maxLineBytes); put large frames in files and name them by path"
                    ))
                continue
            }
            guard parsed.records.count + parsed.errors.count < limits.maxLines else {
                throw ManifestError(.tooLarge, line: lineNumber, "the manifest has more than \(limits.maxLines) lines; split it into several batches")
            }
            switch decodeObject(Data(rawLine), decoder: decoder, line: lineNumber) {
            case .success(let record): parsed.records.append(record)
            case .failure(let error): parsed.errors.append(error)
            }
        }
        return parsed
    }

    private static func decodeObject(_ data: Data, decoder: JSONDecoder, line: Int) -> Result<ManifestRecord, ManifestError> {
        let object: JSONLineObject
        do {
            object = try decoder.decode(JSONLineObject.self, from: data)
        } catch DecodingError.typeMismatch(_, let context) where context.codingPath.isEmpty {
            return .failure(ManifestError(.notAnObject, line: line, "each line must be one JSON object ({\"first\": …}), not another JSON value"))
        } catch {
            return .failure(ManifestError(.malformedJSON, line: line, "not valid JSON; each line must be one complete JSON object"))
        }
        var fields: [(key: String, value: ManifestValue)] = []
        for (key, scalar) in object.fields {
            guard case .value(let value) = scalar else {
                return .failure(
                    ManifestError(
                        .nonScalarValue, line: line, key: key,
                        "the value is an array or an object; only strings, numbers, booleans and null are allowed"))
            }
            fields.append((key, value))
        }
        return .success(ManifestRecord(line: line, fields: fields))
    }
}

/// A JSON object with its keys sorted, each value read as a scalar when it is one.
private struct JSONLineObject: Decodable {
    var fields: [(String, JSONScalar)]

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyKey.self)
        // JSONDecoder gives keys in no fixed order; sorting makes errors come out the same each run.
        fields = try container.allKeys.sorted { $0.stringValue < $1.stringValue }.map { key in
            (key.stringValue, try container.decode(JSONScalar.self, forKey: key))
        }
    }
}

private struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

private enum JSONScalar: Decodable {
    case value(ManifestValue)
    case nonScalar

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        // Each `try?` asks "is it this type?": a failure means no, and the next type is tried;
        // a value that is none of them is `.nonScalar`, which the reader reports. Nothing is lost.
        if container.decodeNil() {
            self = .value(.null)
        } else if let value = try? container.decode(Bool.self) {
            self = .value(.bool(value))
        } else if let value = try? container.decode(Int.self) {
            self = .value(.integer(value))
        } else if let value = try? container.decode(Double.self) {
            self = .value(.number(value))
        } else if let value = try? container.decode(String.self) {
            self = .value(.string(value))
        } else {
            self = .nonScalar
        }
    }
}
