import { describe, expect, it } from 'vitest';
import { ProtobufWriter } from '../../../src/core/onnxExport/protobufWriter.ts';

const hex = (w: ProtobufWriter) => Buffer.from(w.finish()).toString('hex');

// Expected bytes from the protobuf encoding guide (https://protobuf.dev/programming-guides/encoding/):
// 150 in field 1 is 08 96 01; "testing" in field 2 is 12 07 74 65 73 74 69 6e 67; -2 as int64 is ten bytes.
describe('ProtobufWriter', () => {
  it('int(field, value) writes a key and a base-128 varint', () => {
    expect(hex(new ProtobufWriter().int(1, 150))).toBe('089601');
    expect(hex(new ProtobufWriter().int(1, -2))).toBe('08feffffffffffffffff01');
    expect(hex(new ProtobufWriter().int(20, 1))).toBe('a00101'); // key (20 << 3) = 160 needs two bytes
  });
  it('string(field, value) writes a length-delimited UTF-8 field', () => {
    expect(hex(new ProtobufWriter().string(2, 'testing'))).toBe('120774657374696e67');
    expect(hex(new ProtobufWriter().string(2, 'é'))).toBe('1202c3a9');
  });
  it('float, packed floats and packed ints', () => {
    expect(hex(new ProtobufWriter().float(2, 1))).toBe('150000803f');
    expect(hex(new ProtobufWriter().packedFloats(7, [1, -2]))).toBe('3a080000803f000000c0');
    expect(hex(new ProtobufWriter().packedInts(4, [3, 270, 86942]))).toBe('2206038e029ea705'); // the guide's packed example
  });
  it('message(field, build) nests an encoded message', () => {
    expect(hex(new ProtobufWriter().message(3, (m) => m.int(1, 150)))).toBe('1a03089601');
  });
});
