/**
 * A minimal Protocol Buffers encoder: just what writing an ONNX ModelProto needs.
 * Wire format: https://protobuf.dev/programming-guides/encoding/
 *
 * - A field is a key varint `(field_number << 3) | wire_type`, then its payload.
 * - Wire types used: 0 VARINT (int32/int64/enum/bool), 2 LEN (string, bytes, nested message,
 *   packed repeated scalars), 5 I32 (float, little-endian).
 * - Varints are base-128, least significant group first, high bit = "more bytes follow".
 *   Negative int32/int64 values are encoded as their 64-bit two's complement (10 bytes).
 * - Repeated numbers are written packed (one LEN field); protobuf parsers accept packed and
 *   unpacked encodings for any repeated scalar, proto2 or proto3 alike.
 *
 * Fields are written in the order the caller writes them, so the same calls give the same bytes.
 */
export class ProtobufWriter {
  private chunks: number[] = [];

  /** Raw varint (no key). */
  varint(value: number | bigint): this {
    let v = BigInt.asUintN(64, BigInt(value));
    if (typeof value === 'number' && !Number.isSafeInteger(value)) throw new RangeError(`varint: ${value} is not a safe integer`);
    while (v >= 0x80n) {
      this.chunks.push(Number(v & 0x7fn) | 0x80);
      v >>= 7n;
    }
    this.chunks.push(Number(v));
    return this;
  }

  private key(field: number, wireType: 0 | 2 | 5): this {
    return this.varint(field * 8 + wireType);
  }

  /** An int32 / int64 / enum / bool field (wire type 0). */
  int(field: number, value: number | bigint): this {
    return this.key(field, 0).varint(value);
  }

  /** A bytes field, or an embedded message already encoded (wire type 2). */
  bytes(field: number, value: Uint8Array): this {
    this.key(field, 2).varint(value.length);
    for (let i = 0; i < value.length; i++) this.chunks.push(value[i]);
    return this;
  }

  /** A string field, UTF-8 encoded (wire type 2). */
  string(field: number, value: string): this {
    return this.bytes(field, new TextEncoder().encode(value));
  }

  /** An embedded message (wire type 2), built by `build` on a fresh writer. */
  message(field: number, build: (w: ProtobufWriter) => void): this {
    const inner = new ProtobufWriter();
    build(inner);
    return this.bytes(field, inner.finish());
  }

  /** A float field (wire type 5, IEEE 754 single, little-endian). */
  float(field: number, value: number): this {
    this.key(field, 5);
    return this.pushFloat(value);
  }

  /** A packed repeated float field. */
  packedFloats(field: number, values: ArrayLike<number>): this {
    const inner = new ProtobufWriter();
    for (let i = 0; i < values.length; i++) inner.pushFloat(values[i]);
    return this.bytes(field, inner.finish());
  }

  /** A packed repeated int32/int64 field. */
  packedInts(field: number, values: ArrayLike<number>): this {
    const inner = new ProtobufWriter();
    for (let i = 0; i < values.length; i++) inner.varint(values[i]);
    return this.bytes(field, inner.finish());
  }

  private pushFloat(value: number): this {
    const b = new Uint8Array(4);
    new DataView(b.buffer).setFloat32(0, value, true);
    this.chunks.push(b[0], b[1], b[2], b[3]);
    return this;
  }

  finish(): Uint8Array {
    return Uint8Array.from(this.chunks);
  }
}
