export { exportLogisticOnnx, ONNX_OPSET, ONNX_ML_OPSET, ONNX_IR_VERSION, OUTPUT_PROBABILITIES, OUTPUT_LABEL } from './exportLogisticOnnx.ts';
export { encodeModel, DataType, type Model, type Graph, type Node, type Tensor, type ValueInfo, type Attribute } from './onnxProto.ts';
export { ProtobufWriter } from './protobufWriter.ts';
export { sha256Hex } from './sha256Hex.ts';
export { exportGbtOnnx } from './exportGbtOnnx.ts';
export { exportModelOnnx } from './exportModelOnnx.ts';
