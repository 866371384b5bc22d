import type { ModelGraphInfo } from './runner.ts';

/**
 * Reads the operator types, metadata_props and classifier class labels from an ONNX file with a
 * minimal protobuf wire-format reader (no dependency). Field numbers from onnx/onnx.proto:
 * ModelProto.graph = 7, metadata_props = 14; GraphProto.node = 1; NodeProto.op_type = 4,
 * attribute = 5; AttributeProto.name = 1, ints = 8, strings = 9; StringStringEntryProto key = 1, value = 2.
 *
 * @throws Error when the bytes are not a well-formed protobuf message or have no graph
 */
export function readOnnxInfo(bytes: Uint8Array): ModelGraphInfo {
  const opTypes: string[] = [];
  const metadata: Record<string, string> = {};
  let classLabels: string[] | null = null;
  let graph: Uint8Array | null = null;
  for (const f of fields(bytes)) {
    if (f.no === 7 && f.bytes) graph = f.bytes;
    else if (f.no === 14 && f.bytes) {
      let key = '';
      let value = '';
      for (const e of fields(f.bytes)) {
        if (e.no === 1 && e.bytes) key = text(e.bytes);
        if (e.no === 2 && e.bytes) value = text(e.bytes);
      }
      metadata[key] = value;
    }
  }
  if (!graph) throw new Error('no graph in the file');
  for (const f of fields(graph)) {
    if (f.no !== 1 || !f.bytes) continue;
    let op = '';
    const attrs: Uint8Array[] = [];
    for (const n of fields(f.bytes)) {
      if (n.no === 4 && n.bytes) op = text(n.bytes);
      if (n.no === 5 && n.bytes) attrs.push(n.bytes);
    }
    opTypes.push(op);
    if (!CLASSIFIERS.has(op)) continue;
    for (const a of attrs) {
      let name = '';
      const ints: number[] = [];
      const strings: string[] = [];
      for (const x of fields(a)) {
        if (x.no === 1 && x.bytes) name = text(x.bytes);
        else if (x.no === 8 && x.varint !== undefined) ints.push(x.varint);
        else if (x.no === 8 && x.bytes) ints.push(...packedVarints(x.bytes));
        else if (x.no === 9 && x.bytes) strings.push(text(x.bytes));
      }
      if (name === 'classlabels_ints' || name === 'classlabels_int64s') classLabels = ints.map(String);
      if (name === 'classlabels_strings') classLabels = strings;
    }
  }
  return { opTypes, metadata, classLabels };
}

/** Classifier operators of the ai.onnx.ml domain (they carry classlabels_* attributes). */
export const CLASSIFIERS = new Set(['LinearClassifier', 'TreeEnsembleClassifier', 'SVMClassifier']);
/** Regressor operators: a model built on one of these predicts numbers, not classes. */
export const REGRESSORS = new Set(['LinearRegressor', 'TreeEnsembleRegressor', 'SVMRegressor', 'TreeEnsemble']);

interface Field {
  no: number;
  varint?: number;
  bytes?: Uint8Array;
}

function* fields(buf: Uint8Array): Generator<Field> {
  let pos = 0;
  while (pos < buf.length) {
    const [tag, p1] = varint(buf, pos);
    pos = p1;
    const no = Math.floor(tag / 8);
    const wire = tag % 8;
    if (no === 0) throw new Error('bad field number 0');
    if (wire === 0) {
      const [v, p2] = varint(buf, pos);
      pos = p2;
      yield { no, varint: v };
    } else if (wire === 1) {
      pos += 8;
      yield { no };
    } else if (wire === 5) {
      pos += 4;
      yield { no };
    } else if (wire === 2) {
      const [len, p2] = varint(buf, pos);
      if (p2 + len > buf.length) throw new Error('truncated length-delimited field');
      yield { no, bytes: buf.subarray(p2, p2 + len) };
      pos = p2 + len;
    } else throw new Error(`unsupported wire type ${wire}`);
    if (pos > buf.length) throw new Error('truncated field');
  }
}

function varint(buf: Uint8Array, pos: number): [number, number] {
  let result = 0;
  let scale = 1;
  for (let i = 0; i < 10; i++) {
    if (pos >= buf.length) throw new Error('truncated varint');
    const b = buf[pos++];
    result += (b & 0x7f) * scale;
    if (b < 0x80) return [result >= 2 ** 63 ? result - 2 ** 64 : result, pos];
    scale *= 128;
  }
  throw new Error('varint too long');
}

function packedVarints(buf: Uint8Array): number[] {
  const out: number[] = [];
  for (let pos = 0; pos < buf.length;) {
    const [v, p] = varint(buf, pos);
    out.push(v);
    pos = p;
  }
  return out;
}

const decoder = new TextDecoder();
function text(b: Uint8Array): string {
  return decoder.decode(b);
}
