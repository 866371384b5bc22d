import { ProtobufWriter } from './protobufWriter.ts';

/**
 * Builders for the ONNX protobuf messages we write, with the field numbers of onnx.proto3
 * (https://github.com/onnx/onnx/blob/v1.12.0/onnx/onnx.proto3, the ONNX 1.12 release that
 * matches IR version 8). Each message is plain data; `encodeModel` turns it into bytes.
 */

/** TensorProto.DataType values used here. */
export const DataType = { FLOAT: 1, INT64: 7, STRING: 8 } as const;
export type DataTypeCode = (typeof DataType)[keyof typeof DataType];

/** AttributeProto.AttributeType values. */
const AttributeType = { FLOAT: 1, INT: 2, STRING: 3, TENSOR: 4, FLOATS: 6, INTS: 7, STRINGS: 8 } as const;

export type Attribute =
  | { name: string; f: number }
  | { name: string; i: number }
  | { name: string; s: string }
  | { name: string; t: Tensor }
  | { name: string; floats: number[] }
  | { name: string; ints: number[] }
  | { name: string; strings: string[] };

export interface Tensor {
  name?: string;
  dims: number[];
  dataType: DataTypeCode;
  floats?: number[];
  ints?: number[];
  strings?: string[];
}

export interface Node {
  inputs: string[];
  outputs: string[];
  name: string;
  opType: string;
  /** '' = the default domain (ai.onnx). */
  domain?: string;
  attributes?: Attribute[];
}

/** A tensor's shape: a number is a fixed dimension, a string a symbolic one ("N"). */
export interface ValueInfo {
  name: string;
  elemType: DataTypeCode;
  shape: (number | string)[];
}

export interface Graph {
  name: string;
  nodes: Node[];
  initializers: Tensor[];
  inputs: ValueInfo[];
  outputs: ValueInfo[];
}

export interface Model {
  irVersion: number;
  opsets: { domain: string; version: number }[];
  producerName: string;
  producerVersion: string;
  docString?: string;
  graph: Graph;
  metadata: { key: string; value: string }[];
}

/**
 * TensorProto: dims = 1, data_type = 2, float_data = 4, string_data = 6, int64_data = 7, name = 8.
 */
function writeTensor(w: ProtobufWriter, t: Tensor): void {
  if (t.dims.length > 0) w.packedInts(1, t.dims);
  w.int(2, t.dataType);
  if (t.floats) w.packedFloats(4, t.floats);
  if (t.strings) for (const s of t.strings) w.string(6, s);
  if (t.ints) w.packedInts(7, t.ints);
  if (t.name !== undefined) w.string(8, t.name);
}

/**
 * AttributeProto: name = 1, f = 2, i = 3, s = 4, t = 5, floats = 7, ints = 8, strings = 9,
 * type = 20 (AttributeType).
 */
function writeAttribute(w: ProtobufWriter, a: Attribute): void {
  w.string(1, a.name);
  if ('f' in a) w.float(2, a.f).int(20, AttributeType.FLOAT);
  else if ('i' in a) w.int(3, a.i).int(20, AttributeType.INT);
  else if ('s' in a) w.string(4, a.s).int(20, AttributeType.STRING);
  else if ('t' in a) w.message(5, (m) => writeTensor(m, a.t)).int(20, AttributeType.TENSOR);
  else if ('floats' in a) w.packedFloats(7, a.floats).int(20, AttributeType.FLOATS);
  else if ('ints' in a) w.packedInts(8, a.ints).int(20, AttributeType.INTS);
  else {
    for (const s of a.strings) w.string(9, s);
    w.int(20, AttributeType.STRINGS);
  }
}

/** NodeProto: input = 1, output = 2, name = 3, op_type = 4, attribute = 5, domain = 7. */
function writeNode(w: ProtobufWriter, n: Node): void {
  for (const i of n.inputs) w.string(1, i);
  for (const o of n.outputs) w.string(2, o);
  w.string(3, n.name);
  w.string(4, n.opType);
  for (const a of n.attributes ?? []) w.message(5, (m) => writeAttribute(m, a));
  if (n.domain) w.string(7, n.domain);
}

/**
 * ValueInfoProto: name = 1, type = 2. TypeProto: tensor_type = 1. TypeProto.Tensor: elem_type = 1,
 * shape = 2. TensorShapeProto: dim = 1. Dimension: dim_value = 1, dim_param = 2.
 */
function writeValueInfo(w: ProtobufWriter, v: ValueInfo): void {
  w.string(1, v.name);
  w.message(2, (type) =>
    type.message(1, (tensor) => {
      tensor.int(1, v.elemType);
      tensor.message(2, (shape) => {
        for (const d of v.shape) shape.message(1, (dim) => (typeof d === 'number' ? dim.int(1, d) : dim.string(2, d)));
      });
    }),
  );
}

/** GraphProto: node = 1, name = 2, initializer = 5, input = 11, output = 12. */
function writeGraph(w: ProtobufWriter, g: Graph): void {
  for (const n of g.nodes) w.message(1, (m) => writeNode(m, n));
  w.string(2, g.name);
  for (const t of g.initializers) w.message(5, (m) => writeTensor(m, t));
  for (const v of g.inputs) w.message(11, (m) => writeValueInfo(m, v));
  for (const v of g.outputs) w.message(12, (m) => writeValueInfo(m, v));
}

/**
 * ModelProto: ir_version = 1, producer_name = 2, producer_version = 3, doc_string = 6, graph = 7,
 * opset_import = 8 (OperatorSetIdProto: domain = 1, version = 2), metadata_props = 14
 * (StringStringEntryProto: key = 1, value = 2).
 */
export function encodeModel(model: Model): Uint8Array {
  const w = new ProtobufWriter();
  w.int(1, model.irVersion);
  w.string(2, model.producerName);
  w.string(3, model.producerVersion);
  if (model.docString) w.string(6, model.docString);
  w.message(7, (g) => writeGraph(g, model.graph));
  for (const o of model.opsets) w.message(8, (m) => m.string(1, o.domain).int(2, o.version));
  for (const e of model.metadata) w.message(14, (m) => m.string(1, e.key).string(2, e.value));
  return w.finish();
}
