import { execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SagelintError } from '../../src/errors.js';
import { expandPatterns, LINTABLE_EXTENSIONS, type ExpandedFiles } from '../../src/files/expand-patterns.js';
import { lint } from '../../src/index.js';

let root: string;

beforeEach(() => {
  // realpath: on macOS the temporary directory itself sits behind a symlink.
  root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'sagelint-expand-')));
});

afterEach(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

/** Creates files (keys ending in `/` are directories) under the temporary root. */
function tree(entries: Record<string, string>): void {
  for (const [name, content] of Object.entries(entries)) {
    const target = path.join(root, name);
    if (name.endsWith('/')) {
      fs.mkdirSync(target, { recursive: true });
    } else {
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, content);
    }
  }
}

function link(target: string, name: string): void {
  fs.symlinkSync(target, path.join(root, name));
}

async function expand(patterns: string[], errorOnUnmatchedPattern = true): Promise<ExpandedFiles> {
  return expandPatterns(patterns, { cwd: root, errorOnUnmatchedPattern });
}

/** Files relative to the root, for readable assertions. */
async function expandRelative(patterns: string[], errorOnUnmatchedPattern = true): Promise<string[]> {
  const { files } = await expand(patterns, errorOnUnmatchedPattern);
  for (const file of files) {
    expect(path.isAbsolute(file)).toBe(true);
  }
  return files.map((file) => path.relative(root, file));
}

describe('expandPatterns', () => {
  it('lists the lintable extensions', () => {
    expect(LINTABLE_EXTENSIONS).toEqual(['.json', '.yaml', '.yml', '.template']);
  });

  it('takes a named file whatever its extension', async () => {
    tree({ 'notes.txt': '', 'job.json': '{}' });
    expect(await expandRelative(['notes.txt'])).toEqual(['notes.txt']);
    expect(await expandRelative([path.join(root, 'job.json')])).toEqual(['job.json']);
  });

  it('takes a named pipe (`sagelint <(generate)`) as a file, and a walk passes pipes by', async () => {
    tree({ 'dir/a.json': '{}' });
    execFileSync('mkfifo', [path.join(root, 'generated'), path.join(root, 'dir', 'pipe.json')]);
    expect(await expandRelative(['generated'])).toEqual(['generated']);
    expect(await expandRelative(['dir'])).toEqual(['dir/a.json']);
  });

  it('lints what a named pipe delivers', async () => {
    const pipe = path.join(root, 'request.json');
    execFileSync('mkfifo', [pipe]);
    const writer = spawn('sh', ['-c', 'printf \'{"ModelBiasJobInput": {}, "RoleArn": 7}\' > "$0"', pipe]);
    const [result] = await lint([pipe], { cwd: root });
    writer.kill();
    expect(result?.findings).toContainEqual(expect.objectContaining({ ruleId: 'valid-value-type', pointer: '/RoleArn', line: 1, column: 38 }));
  });

  it('walks a directory recursively for lintable extensions, case-insensitively', async () => {
    tree({
      'defs/a.json': '',
      'defs/b.YAML': '',
      'defs/c.yml': '',
      'defs/deep/er/d.template': '',
      'defs/deep/e.Json': '',
      'defs/readme.md': '',
      'defs/script.ts': '',
      'defs/.hidden.json': '',
      'defs/dir.json/inside.yml': '',
    });
    expect(await expandRelative(['defs'])).toEqual([
      'defs/.hidden.json',
      'defs/a.json',
      'defs/b.YAML',
      'defs/c.yml',
      'defs/deep/e.Json',
      'defs/deep/er/d.template',
      'defs/dir.json/inside.yml',
    ]);
  });

  it('skips node_modules and .git at any depth in a walk', async () => {
    tree({
      'a.json': '',
      'node_modules/pkg/package.json': '',
      '.git/config.json': '',
      'sub/node_modules/x.json': '',
      'sub/.git/y.yaml': '',
      'sub/z.yaml': '',
    });
    expect(await expandRelative(['.'])).toEqual(['a.json', 'sub/z.yaml']);
  });

  it('expands a glob relative to cwd without filtering by extension, skipping dot files and node_modules', async () => {
    tree({
      'src/a.txt': '',
      'src/b.json': '',
      'src/nested/c.txt': '',
      'src/.hidden.txt': '',
      'src/node_modules/d.txt': '',
      'src/.git/e.txt': '',
    });
    expect(await expandRelative(['src/**/*.txt'])).toEqual(['src/a.txt', 'src/nested/c.txt']);
    expect(await expandRelative(['src/*'])).toEqual(['src/a.txt', 'src/b.json']);
  });

  it('deduplicates a file reached through several patterns, keeping the first path form', async () => {
    tree({ 'defs/a.json': '', 'defs/b.yaml': '' });
    link('defs/a.json', 'alias.json');
    expect(await expandRelative(['defs/a.json', 'defs', 'defs/*.json', path.join(root, 'defs/b.yaml')])).toEqual([
      'defs/a.json',
      'defs/b.yaml',
    ]);
    expect(await expandRelative(['alias.json', 'defs'])).toEqual(['alias.json', 'defs/b.yaml']);
  });

  it('sorts by relative path in code-unit order, whatever the pattern order', async () => {
    tree({ 'b/x.json': '', 'B/x.json': '', 'a/Z.json': '', 'a/a.json': '', 'a-b.json': '', 'a_b.json': '' });
    const expected = ['B/x.json', 'a-b.json', 'a/Z.json', 'a/a.json', 'a_b.json', 'b/x.json'];
    expect(await expandRelative(['b', 'B', 'a', '*.json'])).toEqual(expected);
    expect(await expandRelative(['*.json', 'a', 'B', 'b'])).toEqual(expected);
  });

  it('throws no-files-matched for the first unmatched pattern, after looking at all of them', async () => {
    tree({ 'a.json': '' });
    const error = await expand(['a.json', 'missing.json', '**/*.nothing']).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SagelintError);
    expect(error).toMatchObject({
      code: 'no-files-matched',
      message: 'No files matching the pattern "missing.json" were found.',
    });
  });

  it('skips unmatched patterns silently when asked to', async () => {
    tree({ 'a.json': '', 'empty/': '' });
    expect(await expandRelative(['missing.json', 'a.json', 'empty', '*.nothing'], false)).toEqual(['a.json']);
  });

  it('counts a directory with no lintable file as unmatched', async () => {
    tree({ 'docs/readme.md': '', 'docs/node_modules/x.json': '' });
    await expect(expand(['docs'])).rejects.toThrow('No files matching the pattern "docs" were found.');
  });

  it('follows symbolic links to files and directories in a walk', async () => {
    tree({ 'shared/common.yaml': '', 'shared/other.txt': '', 'defs/own.json': '', 'outside/target.yml': '' });
    link('../shared', 'defs/linked-dir');
    link(path.join(root, 'outside/target.yml'), 'defs/linked-file.yml');
    link('../outside/target.yml', 'defs/linked-file.txt');
    const { files, problems } = await expand(['defs']);
    expect(files.map((file) => path.relative(root, file))).toEqual([
      'defs/linked-dir/common.yaml',
      'defs/linked-file.yml',
      'defs/own.json',
    ]);
    expect(problems).toEqual([]);
  });

  it('follows a symbolic link named as a pattern and returns symlinked files from a glob', async () => {
    tree({ 'real/a.json': '', 'real/b.txt': '' });
    link('real', 'via');
    link('real/b.txt', 'b-link.txt');
    expect(await expandRelative(['via'])).toEqual(['via/a.json']);
    expect(await expandRelative(['*.txt'])).toEqual(['b-link.txt']);
    expect(await expandRelative(['via/*'])).toEqual(['via/a.json', 'via/b.txt']);
  });

  it('reports a symlink loop in a walk once, does not follow it, and lists the other files', async () => {
    tree({ 'defs/a.json': '', 'defs/sub/b.yaml': '' });
    link('..', 'defs/sub/up');
    link('.', 'defs/sub/self');
    const { files, problems } = await expand(['defs', 'defs/sub']);
    expect(files.map((file) => path.relative(root, file))).toEqual(['defs/a.json', 'defs/sub/b.yaml']);
    expect(problems).toEqual([
      {
        filePath: path.join(root, 'defs/sub/self'),
        message: 'Symbolic link loops back to defs/sub; not followed.',
      },
      { filePath: path.join(root, 'defs/sub/up'), message: 'Symbolic link loops back to defs; not followed.' },
    ]);
  });

  it('detects a loop through two links that point at each other’s directories', async () => {
    tree({ 'x/one.json': '', 'y/two.json': '' });
    link('../y', 'x/to-y');
    link('../x', 'y/to-x');
    const { files, problems } = await expand(['x']);
    expect(files.map((file) => path.relative(root, file))).toEqual(['x/one.json', 'x/to-y/two.json']);
    expect(problems).toEqual([
      { filePath: path.join(root, 'x/to-y/to-x'), message: 'Symbolic link loops back to x; not followed.' },
    ]);
  });

  it('walks the same directory through two non-looping links, listing each real file once', async () => {
    tree({ 'shared/s.json': '', 'defs/own.json': '' });
    link('../shared', 'defs/first');
    link('../shared', 'defs/second');
    const { files, problems } = await expand(['defs']);
    expect(files.map((file) => path.relative(root, file))).toEqual(['defs/first/s.json', 'defs/own.json']);
    expect(problems).toEqual([]);
  });

  it('reports a broken symlink with a lintable name and goes on', async () => {
    tree({ 'defs/a.json': '' });
    link('nowhere.json', 'defs/broken.json');
    link('nowhere', 'defs/broken-other');
    const { files, problems } = await expand(['defs']);
    expect(files.map((file) => path.relative(root, file))).toEqual(['defs/a.json']);
    expect(problems).toEqual([
      { filePath: path.join(root, 'defs/broken.json'), message: 'Symbolic link is broken (ENOENT); not followed.' },
    ]);
  });

  it.skipIf(process.getuid?.() === 0)('reports an unreadable directory and goes on', async () => {
    tree({ 'defs/a.json': '', 'defs/locked/b.json': '' });
    fs.chmodSync(path.join(root, 'defs/locked'), 0o000);
    try {
      const { files, problems } = await expand(['defs']);
      expect(files.map((file) => path.relative(root, file))).toEqual(['defs/a.json']);
      expect(problems).toEqual([
        {
          filePath: path.join(root, 'defs/locked'),
          message: 'Directory could not be read (EACCES); its files were not linted.',
        },
      ]);
    } finally {
      fs.chmodSync(path.join(root, 'defs/locked'), 0o755);
    }
  });

  it('terminates on symlink loops under a glob and still returns the other files', async () => {
    tree({ 'defs/a.json': '', 'defs/sub/b.json': '', 'elsewhere/c.json': '' });
    // Two loops in one directory: following links blindly makes 2^40 paths before ELOOP stops it.
    link('..', 'defs/sub/up');
    link('.', 'defs/sub/self');
    link('../../elsewhere', 'defs/sub/elsewhere');
    link('../defs', 'elsewhere/back');
    const started = Date.now();
    expect(await expandRelative(['defs/**/*.json'])).toEqual([
      'defs/a.json',
      'defs/sub/b.json',
      'defs/sub/elsewhere/c.json',
    ]);
    expect(Date.now() - started).toBeLessThan(5000);
  }, 10_000);
});
