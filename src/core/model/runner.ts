/**
 * What the core needs from a model runtime, so scoring stays pure: src/onnx/ implements it with
 * onnxruntime-web (in Node and in a browser worker); the core never imports the runtime.
 */

/** Element types the core feeds and reads (onnxruntime's Tensor.Type names). */
export type TensorType = 'float32' | 'float64' | 'int64' | 'int32' | 'string' | 'bool' | (string & {});

export type TensorData = Float32Array | Float64Array | BigInt64Array | Int32Array | Uint8Array | string[];

export interface RunnerTensor {
  type: TensorType;
  data: TensorData;
  dims: readonly number[];
}

/** A model input or output as the runtime describes it; `shape` entries are sizes or symbolic names. */
export interface ModelValueInfo {
  name: string;
  isTensor: boolean;
  type: TensorType | null;
  shape: readonly (number | string)[];
}

/** What the model file itself says, read from its protobuf (readOnnxInfo). */
export interface ModelGraphInfo {
  /** Operator types in the graph, e.g. ["LinearClassifier", "Normalizer", "ZipMap"]. */
  opTypes: string[];
  /** metadata_props of the model (key -> value). */
  metadata: Record<string, string>;
  /** Class labels of the classifier operator (classlabels_ints / _int64s / _strings), as text; null if none. */
  classLabels: string[] | null;
}

export interface ModelRunner {
  inputs: readonly ModelValueInfo[];
  outputs: readonly ModelValueInfo[];
  graph: ModelGraphInfo;
  /** Run the model; fetch only `outputNames` (a ZipMap output cannot be fetched by onnxruntime-web). */
  run(feeds: Record<string, RunnerTensor>, outputNames: readonly string[]): Promise<Record<string, RunnerTensor>>;
  release(): Promise<void>;
}
