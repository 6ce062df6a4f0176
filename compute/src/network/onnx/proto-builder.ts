import onnxProto, { type onnx as Onnx } from 'onnx-proto';

// onnx-proto is CommonJS whose named export Node's ESM loader cannot see: take it off the default.
const { onnx } = onnxProto;

/** A float32 tensor in ONNX layout (row-major over `dims`). */
export interface OnnxTensor {
  dims: number[];
  data: Float32Array;
}

/** Opset of every lowered model: ReduceMean still takes its axes as an attribute here. */
export const OPSET = 17;

/** An attribute value: integers, integer lists and strings as is, a float as `{ float }`. */
export type Attribute = number | number[] | string | { float: number };

/**
 * Collects nodes, initializers, inputs and outputs of one ONNX graph and encodes the ModelProto.
 * Names are the tensors' names; constants get fresh names.
 *
 * @example
 * const b = new ProtoBuilder();
 * b.input('x', [1, 3]);
 * b.output('y', [1, 3]);
 * b.node('Relu', ['x'], ['y']);
 * const bytes = b.encode('relu');
 */
export class ProtoBuilder {
  readonly #nodes: Onnx.INodeProto[] = [];
  readonly #initializers: Onnx.ITensorProto[] = [];
  readonly #inputs: Onnx.IValueInfoProto[] = [];
  readonly #outputs: Onnx.IValueInfoProto[] = [];
  #fresh = 0;

  /** A fresh tensor name with a readable prefix. */
  name(prefix: string): string {
    return `${prefix}:${this.#fresh++}`;
  }

  /** Appends an operator; returns its first output's name. */
  node(
    op: string,
    inputs: string[],
    outputs: string[],
    attributes: Record<string, Attribute> = {},
  ): string {
    this.#nodes.push({
      opType: op,
      input: inputs,
      output: outputs,
      name: `${op}:${this.#nodes.length}`,
      attribute: Object.entries(attributes).map(([name, value]) => attribute(name, value)),
    });
    return outputs[0] as string;
  }

  /** Appends an operator with one fresh output. */
  op(op: string, inputs: string[], attributes: Record<string, Attribute> = {}): string {
    return this.node(op, inputs, [this.name(op.toLowerCase())], attributes);
  }

  floatInitializer(name: string, tensor: OnnxTensor): string {
    this.#initializers.push({
      name,
      dims: tensor.dims,
      dataType: onnx.TensorProto.DataType.FLOAT,
      rawData: new Uint8Array(tensor.data.buffer, tensor.data.byteOffset, tensor.data.byteLength),
    });
    return name;
  }

  /** A constant int64 vector (shapes, slice bounds). */
  int64Constant(values: number[]): string {
    const name = this.name('const');
    this.#initializers.push({
      name,
      dims: [values.length],
      dataType: onnx.TensorProto.DataType.INT64,
      int64Data: values,
    });
    return name;
  }

  /** A float32 graph input; a string dimension is symbolic (the batch). */
  input(name: string, dims: (number | string)[]): string {
    this.#inputs.push(valueInfo(name, dims));
    return name;
  }

  output(name: string, dims: (number | string)[]): string {
    this.#outputs.push(valueInfo(name, dims));
    return name;
  }

  encode(graphName: string): Uint8Array {
    const model = onnx.ModelProto.create({
      irVersion: 8,
      producerName: 'nngp-nas',
      opsetImport: [{ domain: '', version: OPSET }],
      graph: {
        name: graphName,
        node: this.#nodes,
        initializer: this.#initializers,
        input: this.#inputs,
        output: this.#outputs,
      },
    });
    return onnx.ModelProto.encode(model).finish();
  }
}

function attribute(name: string, value: Attribute): Onnx.IAttributeProto {
  const { AttributeType } = onnx.AttributeProto;
  if (typeof value === 'string')
    return { name, type: AttributeType.STRING, s: new TextEncoder().encode(value) };
  if (Array.isArray(value)) return { name, type: AttributeType.INTS, ints: value };
  if (typeof value === 'object') return { name, type: AttributeType.FLOAT, f: value.float };
  return { name, type: AttributeType.INT, i: value };
}

function valueInfo(name: string, dims: (number | string)[]): Onnx.IValueInfoProto {
  return {
    name,
    type: {
      tensorType: {
        elemType: onnx.TensorProto.DataType.FLOAT,
        shape: {
          dim: dims.map((d) => (typeof d === 'string' ? { dimParam: d } : { dimValue: d })),
        },
      },
    },
  };
}
