import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// Lints snippets as if they sat at the given paths, with the repository's eslint.config.js: the import
// boundaries must reject a forbidden import and let the legitimate ones through.
const eslint = new ESLint({ cwd: new URL('../..', import.meta.url).pathname });

async function restricted(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('import boundaries (eslint.config.js)', () => {
  it('src/core cannot import the dashboard, at any depth', async () => {
    expect(await restricted("import { x } from '../ui/format/number.ts';\nexport { x };\n", 'src/core/x.ts')).toHaveLength(1);
    expect(await restricted("import type { X } from '../../ui/x.ts';\nexport type { X };\n", 'src/core/table/x.ts')).toHaveLength(1);
    expect(await restricted("import { x } from '../../../workers/x.ts';\nexport { x };\n", 'src/core/train/gbt/x.ts')).toHaveLength(1);
  });

  it('src/core cannot import the Node side, the CLI, the ONNX runtime or the wasm kernels', async () => {
    for (const spec of ['../node/readCsvFile.ts', '../cli/main.ts', '../onnx/ortNode.ts', '../kernels/index.ts']) {
      const messages = await restricted(`export * from '${spec}';\n`, 'src/core/x.ts');
      expect(messages, spec).toHaveLength(1);
      expect(messages[0]).toMatch(/src\/core is pure/);
    }
    for (const spec of ['onnxruntime-web', 'node:fs', 'comlink', 'svelte']) {
      expect(await restricted(`import '${spec}';\n`, 'src/core/model/x.ts'), spec).toHaveLength(1);
    }
  });

  it('src/core may import inside src/core and the two pure packages it uses', async () => {
    const code = [
      "import { InputError } from '../errors.ts';",
      "import type { StatKernels } from '../stattests/kernels.ts';",
      "import { gammaln } from './gammaln.ts';",
      "import Papa from 'papaparse';",
      "import { parseDocument } from 'yaml';",
      'export { InputError, gammaln, Papa, parseDocument };',
      'export type { StatKernels };',
      '',
    ].join('\n');
    expect(await restricted(code, 'src/core/special/x.ts')).toEqual([]);
  });

  it('src/cli cannot import the dashboard or its workers, but may import the core and the Node side', async () => {
    expect(await restricted("import { x } from '../ui/x.ts';\nexport { x };\n", 'src/cli/x.ts')).toHaveLength(1);
    expect(await restricted("import { x } from '../workers/x.ts';\nexport { x };\n", 'src/cli/x.ts')).toHaveLength(1);
    expect(
      await restricted(
        "import { runPipeline } from '../node/runPipeline.ts';\nimport { InputError } from '../core/errors.ts';\nexport { runPipeline, InputError };\n",
        'src/cli/x.ts',
      ),
    ).toEqual([]);
  });

  it('only src/onnx imports onnxruntime-web, and only src/kernels loads the wasm', async () => {
    expect(await restricted("import * as ort from 'onnxruntime-web';\nexport { ort };\n", 'src/workers/x.ts')).toHaveLength(1);
    expect(await restricted("import * as ort from 'onnxruntime-web';\nexport { ort };\n", 'src/onnx/x.ts')).toEqual([]);
    expect(await restricted("import url from '../kernels/drift_kernels.wasm?url';\nexport { url };\n", 'src/ui/x.ts')).toHaveLength(1);
    expect(await restricted("import url from './drift_kernels.wasm?url';\nexport { url };\n", 'src/kernels/x.ts')).toEqual([]);
  });
});
